package io.exactline.verifier.lp;

/**
 * Directed rounding for rigorous bounds without changing the FPU rounding mode.
 *
 * <p>IEEE 754 round-to-nearest gives {@code fl(a op b)} within half an ulp of the exact result. Each operation
 * below computes the rounding error exactly (Knuth's TwoSum for sums, a fused multiply-add for products) and steps
 * to the neighbouring double ({@code Math.nextDown}/{@code nextUp}) only when the exact result lies on the wrong
 * side, so exact operations stay exact (in particular {@code a - a = 0}). Where the error is not exactly
 * representable (overflow, products near the underflow range) the step is taken unconditionally, which is valid
 * because the exact result lies in {@code [nextDown(fl), nextUp(fl)]}; on overflow {@code fl} is an infinity and
 * the step back ({@code nextDown(+inf) = MAX_VALUE}) stays on the correct side. Every result is therefore a lower
 * ({@code ...Down}) or upper ({@code ...Up}) bound of the exact real result for finite operands; infinite operands
 * follow the usual rules, and a product with an exact zero is zero (so {@code 0 * inf = 0}: callers use infinities
 * only as bounds of finite variables).
 */
public final class OutwardRounding {
    /** Below this magnitude a product's rounding error may itself underflow, so it is not trusted. */
    private static final double TINY = 0x1p-900;

    private OutwardRounding() {
    }

    /** A lower bound of {@code a + b}; {@code -inf} when the sum is undefined ({@code inf - inf}). */
    public static double addDown(double a, double b) {
        double s = a + b;
        if (Double.isNaN(s)) {
            return Double.NEGATIVE_INFINITY;
        }
        if (Double.isInfinite(s)) {
            return Math.nextDown(s);
        }
        double error = sumError(a, b, s);
        return error < 0.0 || !Double.isFinite(error) ? Math.nextDown(s) : s;
    }

    /** An upper bound of {@code a + b}; {@code +inf} when the sum is undefined ({@code inf - inf}). */
    public static double addUp(double a, double b) {
        double s = a + b;
        if (Double.isNaN(s)) {
            return Double.POSITIVE_INFINITY;
        }
        if (Double.isInfinite(s)) {
            return Math.nextUp(s);
        }
        double error = sumError(a, b, s);
        return error > 0.0 || !Double.isFinite(error) ? Math.nextUp(s) : s;
    }

    /** A lower bound of {@code a * b}, with {@code 0 * inf = 0}. */
    public static double mulDown(double a, double b) {
        if (a == 0.0 || b == 0.0) {
            return 0.0;
        }
        double p = a * b;
        if (!exactErrorAvailable(p)) {
            return Math.nextDown(p);
        }
        return Math.fma(a, b, -p) < 0.0 ? Math.nextDown(p) : p;
    }

    /** An upper bound of {@code a * b}, with {@code 0 * inf = 0}. */
    public static double mulUp(double a, double b) {
        if (a == 0.0 || b == 0.0) {
            return 0.0;
        }
        double p = a * b;
        if (!exactErrorAvailable(p)) {
            return Math.nextUp(p);
        }
        return Math.fma(a, b, -p) > 0.0 ? Math.nextUp(p) : p;
    }

    /**
     * The exact error {@code (a + b) - s} of {@code s = fl(a + b)} for finite operands (TwoSum); not finite when an
     * intermediate step overflows.
     */
    private static double sumError(double a, double b, double s) {
        double bVirtual = s - a;
        double aVirtual = s - bVirtual;
        return (a - aVirtual) + (b - bVirtual);
    }

    private static boolean exactErrorAvailable(double product) {
        return Double.isFinite(product) && Math.abs(product) >= TINY;
    }

    /**
     * A lower bound of {@code min r x} over {@code r in [rLow, rHigh]} and {@code x in [xLow, xHigh]}, where the
     * interval of {@code x} may be unbounded on either side (then the result may be {@code -inf}).
     */
    public static double productMinimum(double rLow, double rHigh, double xLow, double xHigh) {
        return Math.min(Math.min(mulDown(rLow, xLow), mulDown(rLow, xHigh)),
                Math.min(mulDown(rHigh, xLow), mulDown(rHigh, xHigh)));
    }

    /** An upper bound of {@code max r x} over the two intervals, as {@link #productMinimum}. */
    public static double productMaximum(double rLow, double rHigh, double xLow, double xHigh) {
        return Math.max(Math.max(mulUp(rLow, xLow), mulUp(rLow, xHigh)),
                Math.max(mulUp(rHigh, xLow), mulUp(rHigh, xHigh)));
    }
}
