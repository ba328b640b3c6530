package io.exactline.verifier.certificate;

/**
 * Arithmetic on doubles, read as the dyadic rationals they stand for, with every result rounded in a stated
 * direction: {@code addDown(a, b) <= a + b <= addUp(a, b)} and so on, for the exact rational results.
 *
 * <p>Each operation takes the round-to-nearest result and steps one double further in the stated direction. That
 * is always on the right side: the nearest double lies within half a spacing of the exact result, the next double
 * a whole spacing away (below a power of two the spacing halves, and the step is still at least the error). An
 * overflow gives the infinity on the stated side or the largest finite double, both still on the right side; an
 * undefined result (NaN) makes every comparison the checker draws from it false, so it proves nothing.
 */
final class Directed {
    private Directed() {
    }

    static double addDown(double a, double b) {
        return Math.nextDown(a + b);
    }

    static double addUp(double a, double b) {
        return Math.nextUp(a + b);
    }

    static double subDown(double a, double b) {
        return Math.nextDown(a - b);
    }

    static double subUp(double a, double b) {
        return Math.nextUp(a - b);
    }

    /** A double {@code <= a * b}; exact when a factor is 0. */
    static double mulDown(double a, double b) {
        return a == 0.0 || b == 0.0 ? 0.0 : Math.nextDown(a * b);
    }

    /** A double {@code >= a * b}; exact when a factor is 0. */
    static double mulUp(double a, double b) {
        return a == 0.0 || b == 0.0 ? 0.0 : Math.nextUp(a * b);
    }

    /** A double {@code >= a / b}. */
    static double divUp(double a, double b) {
        return Math.nextUp(a / b);
    }

    /** A double {@code <= min(a * lo, a * hi)}, the minimum of {@code a x} over {@code lo <= x <= hi}. */
    static double minProduct(double a, double lo, double hi) {
        return a >= 0.0 ? mulDown(a, lo) : mulDown(a, hi);
    }
}
