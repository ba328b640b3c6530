package io.exactline.core;

import java.math.BigInteger;
import java.util.Comparator;

import org.apache.commons.numbers.fraction.BigFraction;

/**
 * Exact rational helpers over commons-numbers' {@link BigFraction}.
 *
 * <p>Use {@link #compare} (or {@link #ORDER}) instead of {@code BigFraction.compareTo}: in
 * commons-numbers-fraction 1.2 {@code compareTo} cross-multiplies numerators and denominators as if denominators
 * were positive, but {@code divide} by a negative number (and {@code of(1, -2)}) keeps a negative denominator, so
 * {@code of(1, -2).compareTo(of(-1, 3))} is 1. {@code subtract}, {@code signum} and {@code equals} are correct.
 */
public final class Rationals {
    /** The numeric order. */
    public static final Comparator<BigFraction> ORDER = Rationals::compare;

    private Rationals() {
    }

    /** {@code n / d} with the sign moved to the numerator; {@code d} must not be zero. */
    public static BigFraction of(BigInteger n, BigInteger d) {
        return d.signum() < 0 ? BigFraction.of(n.negate(), d.negate()) : BigFraction.of(n, d);
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

    /** The least double {@code >= q} (a finite double; {@code q} within the double range). */
    public static double roundUp(BigFraction q) {
        double d = q.doubleValue();
        while (compare(BigFraction.from(d), q) < 0) {
            d = Math.nextUp(d);
        }
        while (compare(BigFraction.from(Math.nextDown(d)), q) >= 0) {
            d = Math.nextDown(d);
        }
        return d;
    }

    /** The greatest double {@code <= q} (a finite double; {@code q} within the double range). */
    public static double roundDown(BigFraction q) {
        return 0.0 - roundUp(q.negate());
    }
}
