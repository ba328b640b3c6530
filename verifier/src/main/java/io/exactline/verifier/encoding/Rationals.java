package io.exactline.verifier.encoding;

import java.math.BigDecimal;

import org.apache.commons.numbers.fraction.BigFraction;

/**
 * Exact rational helpers over commons-numbers' {@link BigFraction}.
 *
 * <p>Use {@link #compare} instead of {@code BigFraction.compareTo}: in commons-numbers-fraction 1.2,
 * {@code compareTo} compares magnitudes when both numbers are negative ({@code -3/2} compares below {@code -5/2}).
 * {@code subtract}, {@code signum} and {@code equals} are correct.
 */
public final class Rationals {
    private Rationals() {
    }

    /** The sign of {@code a - b}: negative, zero or positive as {@code a} is below, equal to or above {@code b}. */
    public static int compare(BigFraction a, BigFraction b) {
        return a.subtract(b).signum();
    }

    /** The exact value of a finite double. */
    public static BigFraction exact(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("no rational equals " + x);
        }
        return BigFraction.from(x);
    }

    /** The exact values of finite doubles. */
    public static BigFraction[] exact(double[] xs) {
        BigFraction[] out = new BigFraction[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = exact(xs[i]);
        }
        return out;
    }

    /** The exact value of a finite double as a {@link BigDecimal} (every double has a finite decimal expansion). */
    public static BigDecimal decimal(double x) {
        return new BigDecimal(x);
    }
}
