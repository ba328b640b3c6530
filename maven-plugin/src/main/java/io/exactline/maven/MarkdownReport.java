package io.exactline.maven;

import java.util.List;

/**
 * The checks as a Markdown page: the summary, a table with one row per check (expectation, verdict, outcome,
 * engine, time, cache), then for every check that did not pass its reason and deciding point.
 */
final class MarkdownReport {
    /** The report's file name under the report directory. */
    static final String FILE = "exactline.md";

    private MarkdownReport() {
    }

    static String render(List<CheckResult> results, boolean failOnTimeout) {
        Summary summary = Summary.of(results);
        StringBuilder s = new StringBuilder("# exactline verification report\n\n");
        s.append(summary.line()).append(".");
        s.append(summary.failsBuild(failOnTimeout) ? " **The build fails.**" : " The build passes.");
        s.append(failOnTimeout ? " Unproved checks fail the build (failOnTimeout)." : " Unproved checks do not fail"
                + " the build (failOnTimeout is false).").append("\n\n");
        s.append("| check | kind | expected | verdict | outcome | engine | time (s) | cached |\n");
        s.append("|---|---|---|---|---|---|---|---|\n");
        for (CheckResult r : results) {
            s.append("| ").append(cell(r.name())).append(" | ").append(r.kind()).append(" | ")
                    .append(cell(r.expected())).append(" | ").append(cell(r.verdict())).append(" | ")
                    .append(Text.outcome(r.outcome())).append(" | ").append(cell(r.engine())).append(" | ")
                    .append(Text.seconds(r)).append(" | ").append(r.cached() ? "yes" : "no").append(" |\n");
        }
        boolean heading = false;
        for (CheckResult r : results) {
            if (r.outcome() == Outcome.PASSED) {
                continue;
            }
            if (!heading) {
                s.append("\n## Checks that did not pass\n");
                heading = true;
            }
            s.append("\n### ").append(r.outcome().name()).append(": ").append(r.name()).append("\n\n");
            s.append("- expected: ").append(r.expected()).append('\n');
            s.append("- verdict: ").append(Text.verdict(r)).append('\n');
            s.append("- reason: ").append(r.message()).append('\n');
            r.evidence().ifPresent(e -> {
                s.append("- constraint: `").append(e.constraint()).append("`\n");
                s.append("- input x: `").append(Text.vector(e.input())).append("`\n");
                s.append("- outputs y: `").append(Text.vector(e.output())).append("`\n");
            });
        }
        return s.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
