package io.exactline.maven;

import java.time.Duration;
import java.util.Optional;

/**
 * The result of one check (a proof or a line check) for the reports and the build log.
 *
 * @param kind {@code proof} or {@code line}
 * @param name what was checked, e.g. {@code ACASXU_run2a_1_1_batch_2000.onnx / prop_3.vnnlib}
 * @param outcome how it ended
 * @param expected the expectation in words, e.g. {@code holds}, {@code advisories COC, WL}
 * @param verdict what was found in words, e.g. {@code unsat}, {@code sat}, {@code timeout after 60 s}
 * @param engine the engine that decided (for a line check, {@code exactline})
 * @param elapsed wall-clock time of this run (near zero when the verdict came from the cache)
 * @param cached whether the verdict came from the proof cache
 * @param message one line on the outcome, e.g. the error message or why the check failed
 * @param evidence the point that decides the check: a counterexample, or where a line breaks its expectation
 */
record CheckResult(String kind, String name, Outcome outcome, String expected, String verdict, String engine,
        Duration elapsed, boolean cached, String message, Optional<Evidence> evidence) {

    /** An error result: the check could not run, for the reason in {@code message}. */
    static CheckResult error(String kind, String name, String expected, String engine, Duration elapsed,
            String message) {
        return new CheckResult(kind, name, Outcome.ERROR, expected, "error", engine, elapsed, false, message,
                Optional.empty());
    }

    /** Elapsed time in seconds. */
    double seconds() {
        return elapsed.toNanos() / 1e9;
    }
}
