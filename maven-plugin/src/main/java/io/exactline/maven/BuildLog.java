package io.exactline.maven;

import java.util.ArrayList;
import java.util.List;

/**
 * What the goal prints: one progress line per finished check, and for every check that does not pass one block
 * with the verdict, the reason and, when there is one, the deciding point (counterexample input, outputs and the
 * violated constraint).
 */
final class BuildLog {
    private BuildLog() {
    }

    /** E.g. {@code [3/12] passed   1_1.onnx / prop_3.vnnlib: expected holds; found unsat (engine auto, 0.412 s)}. */
    static String progress(CheckSuite.Progress p) {
        CheckResult r = p.result();
        return "[" + p.done() + "/" + p.total() + "] " + String.format("%-8s", Text.outcome(r.outcome())) + " "
                + r.name() + ": expected " + r.expected() + "; found " + Text.verdict(r);
    }

    /** The block for a check that did not pass; empty for one that passed. */
    static List<String> block(CheckResult r) {
        List<String> lines = new ArrayList<>();
        if (r.outcome() == Outcome.PASSED) {
            return lines;
        }
        lines.add(r.outcome().name() + " " + r.kind() + " " + r.name());
        lines.add("    expected:   " + r.expected());
        lines.add("    verdict:    " + Text.verdict(r));
        lines.add("    reason:     " + r.message());
        r.evidence().ifPresent(e -> {
            lines.add("    constraint: " + e.constraint());
            lines.add("    input   x = " + Text.vector(e.input()));
            lines.add("    outputs y = " + Text.vector(e.output()));
        });
        return lines;
    }
}
