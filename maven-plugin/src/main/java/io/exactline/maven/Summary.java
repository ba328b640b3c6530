package io.exactline.maven;

import java.util.List;
import java.util.Locale;

/**
 * The counts of a run of checks.
 *
 * @param proofs proofs run (one per network and property file)
 * @param lines line checks run
 * @param passed checks whose verdict met the expectation
 * @param failed checks whose verdict contradicts the expectation
 * @param unproved checks without a verdict (timeout, unknown)
 * @param errors checks that could not run (bad input)
 * @param cached checks whose verdict came from the proof cache
 */
record Summary(int proofs, int lines, int passed, int failed, int unproved, int errors, int cached) {

    /** The counts of {@code results}. */
    static Summary of(List<CheckResult> results) {
        int proofs = 0;
        int lines = 0;
        int[] outcomes = new int[Outcome.values().length];
        int cached = 0;
        for (CheckResult r : results) {
            if (r.kind().equals(ProofRunner.KIND)) {
                proofs++;
            } else {
                lines++;
            }
            outcomes[r.outcome().ordinal()]++;
            cached += r.cached() ? 1 : 0;
        }
        return new Summary(proofs, lines, outcomes[Outcome.PASSED.ordinal()], outcomes[Outcome.FAILED.ordinal()],
                outcomes[Outcome.UNPROVED.ordinal()], outcomes[Outcome.ERROR.ordinal()], cached);
    }

    /** All checks. */
    int total() {
        return proofs + lines;
    }

    /** Whether the build must fail: a failure, an error, or (with {@code failOnTimeout}) an unproved check. */
    boolean failsBuild(boolean failOnTimeout) {
        return failed > 0 || errors > 0 || (failOnTimeout && unproved > 0);
    }

    /** One line, e.g. {@code 12 proofs, 12 from cache: 12 passed, 0 failed, 0 unproved, 0 errors}. */
    String line() {
        StringBuilder s = new StringBuilder();
        s.append(count(proofs, "proof", "proofs"));
        if (lines > 0) {
            s.append(", ").append(count(lines, "line check", "line checks"));
        }
        if (cached > 0) {
            s.append(", ").append(cached).append(" from cache");
        }
        s.append(String.format(Locale.ROOT, ": %d passed, %d failed, %d unproved, %d %s", passed, failed, unproved,
                errors, errors == 1 ? "error" : "errors"));
        return s.toString();
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
