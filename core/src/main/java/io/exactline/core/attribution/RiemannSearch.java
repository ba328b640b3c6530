package io.exactline.core.attribution;

import java.util.OptionalInt;

/**
 * How many gradient samples a Riemann approximation of Integrated Gradients needs, measured against the exact
 * attributions, with the definitions of the ExactLine authors' experiment (SyReNN,
 * {@code experiments/integrated_gradients.py}). Every sum is formed from the per-piece gradients of a
 * {@link PathGradients}, so a search over many sample counts runs no back-propagation.
 */
public final class RiemannSearch {
    /** Error threshold of "samples to reach 5%". */
    public static final double FIVE_PERCENT = 0.05;
    /** Largest number of sub-intervals searched; an input needing more is an outlier. */
    public static final int MAX_SUB_INTERVALS = 1000;
    /** Number of consecutive sample counts that must all meet the threshold. */
    public static final int WINDOW = 5;
    /** Smallest step count of the IG-paper practice. */
    public static final int PRACTICE_FIRST = 20;
    /** Largest step count of the IG-paper practice. */
    public static final int PRACTICE_LAST = 1000;
    /** Completeness tolerance of the IG-paper practice as run by the ExactLine authors. */
    public static final double PRACTICE_TOLERANCE = 0.01;

    private RiemannSearch() {
    }

    /**
     * Samples to reach {@code threshold}: the smallest {@code n <= maxSubIntervals} such that {@code method} with
     * each of {@code n, n+1, ..., n+WINDOW−1} sub-intervals has {@code metric} error below {@code threshold}
     * against exact IG (so one lucky {@code n} does not count), reported as the number of gradients
     * {@code method.gradientCount(n)}: {@code n} for left, right and midpoint sums, {@code n + 1} for the
     * trapezoid rule. Empty when no such {@code n} exists (an outlier).
     *
     * <p>Only every {@code WINDOW}-th count is tried first: every window contains exactly one multiple of
     * {@code WINDOW}, so the counts around a multiple are evaluated only when the multiple itself passes.
     */
    public static OptionalInt samplesToReach(PathGradients path, RiemannMethod method, ErrorMetric metric,
            double threshold, int maxSubIntervals) {
        if (maxSubIntervals <= 0) {
            throw new IllegalArgumentException("maxSubIntervals must be positive, got " + maxSubIntervals);
        }
        double[] exact = path.exact().attributions();
        byte[] known = new byte[maxSubIntervals + WINDOW]; // 0 unknown, 1 passes, 2 fails; index = n
        for (int c = WINDOW; c <= maxSubIntervals + WINDOW - 1; c += WINDOW) {
            if (!passes(path, method, metric, threshold, exact, known, c)) {
                continue;
            }
            int low = c;
            while (low > Math.max(1, c - WINDOW + 1) && passes(path, method, metric, threshold, exact, known, low - 1)) {
                low--;
            }
            if (low > maxSubIntervals) {
                break;
            }
            int high = c;
            while (high < low + WINDOW - 1 && passes(path, method, metric, threshold, exact, known, high + 1)) {
                high++;
            }
            if (high == low + WINDOW - 1) {
                return OptionalInt.of(method.gradientCount(low));
            }
        }
        return OptionalInt.empty();
    }

    /** {@link #samplesToReach} with the study's settings: 5% and at most 1,000 sub-intervals. */
    public static OptionalInt samplesToFivePercent(PathGradients path, RiemannMethod method, ErrorMetric metric) {
        return samplesToReach(path, method, metric, FIVE_PERCENT, MAX_SUB_INTERVALS);
    }

    /**
     * The first step count {@code m} in {@code first..last} whose {@code method} sum meets completeness within
     * {@code tolerance}: {@code |Σ_i IG~_i − (F_k(x) − F_k(x'))| / |F_k(x) − F_k(x')| < tolerance}. Empty when none
     * does, which includes every segment along which the output does not change.
     */
    public static OptionalInt completenessSteps(PathGradients path, RiemannMethod method, int first, int last,
            double tolerance) {
        double change = path.outputChange();
        if (change == 0) {
            return OptionalInt.empty();
        }
        for (int m = first; m <= last; m++) {
            if (Math.abs(path.riemannTotal(method, m) - change) / Math.abs(change) < tolerance) {
                return OptionalInt.of(m);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * The IG-paper practice m̃ as the ExactLine authors ran it: left sums with {@code m = 20, 21, ..., 1000}, stopping
     * at the first {@code m} whose completeness error is below 1%. Empty when none qualifies.
     */
    public static OptionalInt practiceSteps(PathGradients path) {
        return completenessSteps(path, RiemannMethod.LEFT, PRACTICE_FIRST, PRACTICE_LAST, PRACTICE_TOLERANCE);
    }

    private static boolean passes(PathGradients path, RiemannMethod method, ErrorMetric metric, double threshold,
            double[] exact, byte[] known, int n) {
        if (known[n] == 0) {
            known[n] = metric.between(path.riemann(method, n), exact) < threshold ? (byte) 1 : (byte) 2;
        }
        return known[n] == 1;
    }
}
