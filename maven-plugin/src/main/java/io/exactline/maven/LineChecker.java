package io.exactline.maven;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import io.exactline.acasxu.Advisory;
import io.exactline.acasxu.AdvisoryInterval;
import io.exactline.acasxu.EncounterState;
import io.exactline.acasxu.LineAdvisories;
import io.exactline.acasxu.LineCertifier;
import io.exactline.core.BadInputException;
import io.exactline.core.Vectors;
import io.exactline.core.line.ExactLine;
import io.exactline.core.line.LinePartition;
import io.exactline.core.network.Network;

/**
 * Runs line checks exactly: ExactLine splits the segment into the pieces on which the network is affine, and the
 * expectation is decided from the outputs at the piece ends, so every point of the segment is covered.
 *
 * <ul>
 *   <li>An advisory sequence is compared with {@link LineCertifier}'s advisory intervals (the lower envelope of
 *       the five scores on each piece). On a mismatch the evidence is the middle of the first interval that
 *       differs, or the segment's end when the network gives fewer advisories than expected.</li>
 *   <li>"Always class k": on a piece every output difference {@code y_k - y_j} is affine in {@code t}, so it keeps
 *       its sign on the whole piece exactly when it has that sign at both ends; checking the arg max at the piece
 *       ends therefore decides the whole segment. The evidence is the first piece end whose arg max is not
 *       {@code k}.</li>
 * </ul>
 * The evidence's outputs are re-evaluated with {@link Network#evaluate} at the reported input.
 */
final class LineChecker {
    static final String KIND = "line";
    static final String ENGINE = "exactline";

    private final Networks networks;

    LineChecker(Networks networks) {
        this.networks = networks;
    }

    /** Checks {@code task}; bad input (a missing or malformed network, wrong dimensions) gives an error result. */
    CheckResult check(LineTask task) {
        long start = System.nanoTime();
        try {
            if (task.expectation() instanceof LineExpectation.Advisories a) {
                return advisories(task, a, start);
            }
            return alwaysClass(task, (LineExpectation.AlwaysClass) task.expectation(), start);
        } catch (BadInputException e) {
            return CheckResult.error(KIND, task.name(), task.expectation().describe(), ENGINE, since(start),
                    e.getMessage());
        }
    }

    private CheckResult advisories(LineTask task, LineExpectation.Advisories expected, long start) {
        Network network = networks.acasxu(task.network());
        LineAdvisories found = task.physicalUnits()
                ? LineCertifier.certify(network, EncounterState.of(task.from()), EncounterState.of(task.to()))
                : LineCertifier.certifyNormalized(network, task.from(), task.to());
        List<AdvisoryInterval> intervals = found.intervals();
        String verdict = intervals.stream().map(LineChecker::describe).collect(Collectors.joining(", "))
                + " (" + found.pieces() + " pieces)";
        List<Advisory> want = expected.sequence();
        int differs = 0;
        while (differs < intervals.size() && differs < want.size()
                && intervals.get(differs).advisory() == want.get(differs)) {
            differs++;
        }
        if (differs == intervals.size() && differs == want.size()) {
            return result(task, Outcome.PASSED, verdict, since(start), "the advisories along the segment are as"
                    + " expected", Optional.empty());
        }
        String message;
        double t;
        if (differs < intervals.size()) {
            AdvisoryInterval seen = intervals.get(differs);
            t = seen.midpoint();
            message = "advisory " + (differs + 1) + " along the segment is " + describe(seen) + ", expected "
                    + (differs < want.size() ? want.get(differs).name() : "no more advisories");
        } else {
            t = 1.0;
            message = "the segment ends with " + describe(intervals.get(intervals.size() - 1)) + ", expected then "
                    + want.get(differs).name();
        }
        double[] x = found.inputAt(t);
        double[] y = network.evaluate(x);
        String constraint = String.format(Locale.ROOT, "at t = %.9g the advisory is %s; expected %s", t,
                Advisory.of(y).name(), expected.describe());
        return result(task, Outcome.FAILED, verdict, since(start), message,
                Optional.of(new Evidence(x, y, constraint)));
    }

    private CheckResult alwaysClass(LineTask task, LineExpectation.AlwaysClass expected, long start) {
        Network network = networks.load(task.network());
        int k = expected.k();
        if (k >= network.outputSize()) {
            throw new BadInputException(task.network() + " has " + network.outputSize() + " outputs; class " + k
                    + " does not exist (classes are 0.." + (network.outputSize() - 1) + ")");
        }
        LinePartition partition = ExactLine.partition(network, task.from(), task.to());
        for (int i = 0; i <= partition.pieceCount(); i++) {
            int winner = Vectors.argmax(partition.outputAtRatio(i));
            if (winner != k) {
                double t = partition.ratio(i);
                double[] x = partition.inputAt(t);
                double[] y = network.evaluate(x);
                int top = Vectors.argmax(y);
                String constraint = String.format(Locale.ROOT,
                        "at t = %.9g the arg max is class %d (y_%d = %.9g > y_%d = %.9g); expected class %d on the"
                                + " whole segment", t, top, top, y[top], k, y[k], k);
                return result(task, Outcome.FAILED, "class " + winner + " at t = " + t, since(start),
                        "the network does not classify the whole segment as class " + k,
                        Optional.of(new Evidence(x, y, constraint)));
            }
        }
        return result(task, Outcome.PASSED, "class " + k + " on all " + partition.pieceCount() + " pieces",
                since(start), "the arg max is class " + k + " at all " + (partition.pieceCount() + 1)
                        + " piece ends, so on the whole segment", Optional.empty());
    }

    private static CheckResult result(LineTask task, Outcome outcome, String verdict, Duration elapsed,
            String message, Optional<Evidence> evidence) {
        return new CheckResult(KIND, task.name(), outcome, task.expectation().describe(), verdict, ENGINE, elapsed,
                false, message, evidence);
    }

    private static String describe(AdvisoryInterval interval) {
        return String.format(Locale.ROOT, "%s on [%.6g, %.6g]", interval.advisory().name(), interval.tStart(),
                interval.tEnd());
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
