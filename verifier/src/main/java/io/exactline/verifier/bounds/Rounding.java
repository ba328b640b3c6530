package io.exactline.verifier.bounds;

/**
 * Outward rounding in binary64 with round-to-nearest (the only mode Java has), used to make every bound a true
 * bound of the real-arithmetic network whose weights are the stored doubles.
 *
 * <p>Two tools, and the facts they rest on ({@code u = 2^-53} the unit roundoff, {@code eta = 2^-1074} the
 * smallest subnormal):
 * <ul>
 *   <li><b>Single operations</b> ({@link #down}, {@link #up}): if {@code fl(t)} is the rounded result of an exact
 *       real {@code t}, then {@code nextDown(fl(t)) <= t <= nextUp(fl(t))}. Rounding to nearest moves {@code t} by
 *       at most half the spacing on the side it moves to, and the neighbour on that side is a whole spacing
 *       away. This holds with overflow too: a result rounded to {@code +inf} has {@code nextDown} the largest
 *       finite double, which is below the exact value, and symmetrically for {@code -inf}.</li>
 *   <li><b>Dot products</b> ({@link #slack}): a sum {@code s = sum_{i<=n} a_i b_i} computed in floating point in
 *       any order satisfies {@code |fl(s) - s| <= gamma_n sum |a_i b_i| + n eta} with
 *       {@code gamma_n = n u / (1 - n u)} (Higham, <i>Accuracy and Stability of Numerical Algorithms</i>, 2nd ed.,
 *       Lemma 3.1 and Section 3.1; the {@code n eta} term covers products that underflow). If {@code B_i >= |b_i|}
 *       are doubles and {@code S^ = fl(sum |a_i| B_i)} is computed in floating point, then, since every term is
 *       non-negative, {@code S^ >= (1 - gamma_n) sum |a_i| B_i - n eta}; hence for {@code (n + 2) u <= 1/100}
 *       <pre>  |fl(s) - s| <= 1.03 n u S^ + 2 n eta <= slack(n, S^).</pre>
 *       {@code slack} uses the exact factor {@code 1.125 (n + 1) u}, which also absorbs the rounding of its own
 *       product, adds {@code (2n + 2) eta} and rounds the sum up.</li>
 * </ul>
 * Every propagation step in this package computes its new coefficients and constant in plain floating point
 * and then moves the constant outward by the slack of all the dot products involved, computed from bounds
 * {@code B_i} that are themselves rounded up. Lengths beyond {@code 10^12} are refused so that the condition
 * {@code (n + 2) u <= 1/100} always holds.
 */
final class Rounding {
    /** The unit roundoff {@code 2^-53}. */
    static final double U = 0x1p-53;
    /** The smallest positive double, the absolute error bound of a product that underflows. */
    static final double ETA = Double.MIN_VALUE;
    private static final long MAX_LENGTH = 1_000_000_000_000L;

    private Rounding() {
    }

    /** A double {@code <=} the exact value whose rounded-to-nearest result is {@code computed}. */
    static double down(double computed) {
        return Math.nextDown(computed);
    }

    /** A double {@code >=} the exact value whose rounded-to-nearest result is {@code computed}. */
    static double up(double computed) {
        return Math.nextUp(computed);
    }

    /**
     * The factor {@code kappa_n = 1.125 (n + 1) u} such that {@code kappa_n S^ + (2n + 2) eta} bounds the error of a
     * dot product of length {@code n} whose absolute-value sum, computed in floating point, is {@code S^}.
     */
    static double kappa(long n) {
        if (n < 0 || n > MAX_LENGTH) {
            throw new IllegalArgumentException("dot products of length " + n + " are beyond the rounding analysis");
        }
        return (n + 1) * 0x1.2p-53;
    }

    /**
     * An upper bound on the rounding error of floating-point dot products of length {@code n} with
     * {@code kappa = kappa(n)}, given {@code absSum = fl(sum |a_i| B_i)} with {@code B_i >= |b_i|} (see the class
     * comment) and an absolute term {@code tiny} covering underflow ({@link #underflow}).
     */
    static double slack(double kappa, double tiny, double absSum) {
        return up(kappa * absSum + tiny);
    }

    /**
     * A bound on the total effect of underflow in one propagation step: every dot product has at most
     * {@code width} terms (plus a constant), each product that underflows is off by at most {@code eta / 2},
     * and each coefficient's error is multiplied by a quantity of magnitude at most {@code magnitude}
     * ({@code width} of them). So {@code (2 width + 2) eta (1 + width * magnitude)}, rounded up, bounds it.
     */
    static double underflow(long width, double magnitude) {
        return up(tinyTerm(width) * up(1.0 + up(width * magnitude)));
    }

    /** {@code (2n + 2) eta}, the absolute part of {@link #slack(long, double)}. */
    static double tinyTerm(long n) {
        return (2 * n + 2) * ETA;
    }

    /**
     * A double {@code >=} the exact sum of {@code n} non-negative terms (each an exact product of doubles) whose
     * floating-point sum is {@code computed}: the computed sum is at least {@code (1 - gamma_n)} times the exact
     * one minus {@code n eta}, and {@code 1 + kappa_n} more than makes up for it and for the final product.
     */
    static double sumUp(double computed, long n) {
        return up(computed * (1.0 + kappa(n)) + tinyTerm(n));
    }

    /** A double {@code <=} {@code a + b - c} for doubles {@code a, b} and {@code c >= 0}. */
    static double addDown(double a, double b, double c) {
        return down(down(a + b) - c);
    }

    /** A double {@code >=} {@code a + b + c} for doubles {@code a, b} and {@code c >= 0}. */
    static double addUp(double a, double b, double c) {
        return up(up(a + b) + c);
    }

    /** A double {@code >=} {@code |a| * b + |c|} for {@code b >= 0}. */
    static double absAffineUp(double a, double b, double c) {
        return up(up(Math.abs(a) * b) + Math.abs(c));
    }

    /** Replaces a NaN lower bound by {@code -inf}, the only sound choice. */
    static double saneLower(double lower) {
        return Double.isNaN(lower) ? Double.NEGATIVE_INFINITY : lower;
    }

    /** Replaces a NaN upper bound by {@code +inf}, the only sound choice. */
    static double saneUpper(double upper) {
        return Double.isNaN(upper) ? Double.POSITIVE_INFINITY : upper;
    }
}
