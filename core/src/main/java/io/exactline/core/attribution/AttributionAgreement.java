package io.exactline.core.attribution;

import java.util.Arrays;
import java.util.Comparator;
import java.util.OptionalDouble;
import java.util.stream.IntStream;

import io.exactline.core.BadInputException;

/**
 * How much two attribution vectors over the same features agree, the measures of attribution robustness used
 * by Chen, Wu, Rastogi, Liang and Jha ("Robust Attribution Regularization", NeurIPS 2019) and Ghorbani, Abid and
 * Zou ("Interpretation of Neural Networks Is Fragile", AAAI 2019).
 */
public final class AttributionAgreement {
    private AttributionAgreement() {
    }

    /**
     * Kendall's rank correlation τ-b between {@code a} and {@code b}:
     * <pre>
     *   τ_b = (n_c − n_d) / sqrt((n_0 − n_1)(n_0 − n_2))
     * </pre>
     * with {@code n_c}, {@code n_d} the concordant and discordant pairs, {@code n_0 = n(n−1)/2}, and {@code n_1},
     * {@code n_2} the pairs tied in {@code a} and in {@code b}. Pairs tied in either count as neither concordant
     * nor discordant; {@code −0.0} ties with {@code 0.0}. Computed in {@code O(n log n)} by Knight's algorithm
     * (sort by {@code a}, then count the inversions of {@code b} with a merge sort).
     *
     * @return τ-b in [−1, 1]; empty when it is undefined, i.e. when either vector has all entries equal
     * @throws BadInputException if the lengths differ or an entry is NaN
     */
    public static OptionalDouble kendallTau(double[] a, double[] b) {
        requireComparable(a, b);
        int n = a.length;
        double[] x = normalised(a);
        double[] y = normalised(b);
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> x[i]).thenComparingDouble(i -> y[i]));
        long tiedA = 0;
        long tiedBoth = 0;
        long runA = 1;
        long runBoth = 1;
        for (int k = 1; k < n; k++) {
            boolean sameA = x[order[k]] == x[order[k - 1]];
            boolean sameBoth = sameA && y[order[k]] == y[order[k - 1]];
            runA = sameA ? runA + 1 : 1;
            runBoth = sameBoth ? runBoth + 1 : 1;
            tiedA += runA - 1;
            tiedBoth += runBoth - 1;
        }
        double[] ys = new double[n];
        for (int k = 0; k < n; k++) {
            ys[k] = y[order[k]];
        }
        long discordant = countInversions(ys, new double[n], 0, n);
        long tiedB = 0;
        long runB = 1;
        for (int k = 1; k < n; k++) {
            runB = ys[k] == ys[k - 1] ? runB + 1 : 1;
            tiedB += runB - 1;
        }
        long pairs = (long) n * (n - 1) / 2;
        if (pairs == tiedA || pairs == tiedB) {
            return OptionalDouble.empty();
        }
        long concordantMinusDiscordant = pairs - tiedA - tiedB + tiedBoth - 2 * discordant;
        return OptionalDouble.of(concordantMinusDiscordant
                / Math.sqrt((double) (pairs - tiedA) * (double) (pairs - tiedB)));
    }

    /**
     * Top-K intersection: the fraction of the {@code k} features of largest magnitude {@code |a_i|} that are also
     * among the {@code k} of largest {@code |b_i|}; 1 when the two sets coincide. Among equal magnitudes the lower
     * index ranks first.
     *
     * @throws BadInputException if the lengths differ, an entry is NaN, or {@code k} is not in {@code 1..n}
     */
    public static double topKIntersection(double[] a, double[] b, int k) {
        requireComparable(a, b);
        if (k < 1 || k > a.length) {
            throw new BadInputException("top-K intersection needs 1 <= K <= " + a.length + " features, got K = " + k);
        }
        boolean[] inTopA = new boolean[a.length];
        for (int i : topK(a, k)) {
            inTopA[i] = true;
        }
        int common = 0;
        for (int i : topK(b, k)) {
            if (inTopA[i]) {
                common++;
            }
        }
        return (double) common / k;
    }

    /** The indices of the {@code k} largest magnitudes, lower index first among equal magnitudes. */
    static int[] topK(double[] v, int k) {
        return IntStream.range(0, v.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -Math.abs(v[i])).thenComparingInt(i -> i))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    private static void requireComparable(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new BadInputException("cannot compare attributions of " + a.length + " and " + b.length
                    + " features");
        }
        for (int i = 0; i < a.length; i++) {
            if (Double.isNaN(a[i]) || Double.isNaN(b[i])) {
                throw new BadInputException("attribution " + i + " is NaN; rank measures need numbers");
            }
        }
    }

    private static double[] normalised(double[] v) {
        double[] copy = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            copy[i] = v[i] + 0.0;
        }
        return copy;
    }

    /** Sorts {@code v[from..to)} ascending and returns the number of pairs {@code i < j} with {@code v_i > v_j}. */
    private static long countInversions(double[] v, double[] scratch, int from, int to) {
        if (to - from < 2) {
            return 0;
        }
        int middle = (from + to) >>> 1;
        long inversions = countInversions(v, scratch, from, middle) + countInversions(v, scratch, middle, to);
        int left = from;
        int right = middle;
        int out = from;
        while (left < middle && right < to) {
            if (v[right] < v[left]) {
                inversions += middle - left;
                scratch[out++] = v[right++];
            } else {
                scratch[out++] = v[left++];
            }
        }
        while (left < middle) {
            scratch[out++] = v[left++];
        }
        while (right < to) {
            scratch[out++] = v[right++];
        }
        System.arraycopy(scratch, from, v, from, to - from);
        return inversions;
    }
}
