package io.exactline.core.line;

import java.math.BigInteger;
import java.util.Comparator;

import org.apache.commons.numbers.fraction.BigFraction;

/**
 * Order of {@link BigFraction}s that does not depend on where the sign is kept.
 *
 * <p>{@code BigFraction.compareTo} of commons-numbers-fraction 1.2 cross-multiplies numerators and denominators
 * as if denominators were positive, but {@code divide} by a negative number (and {@code of(1, -2)}) keeps a
 * negative denominator: {@code of(1, -2).compareTo(of(-1, 3))} is 1. The sign of the difference is always right.
 */
final class Rationals {
    /** The numeric order. */
    static final Comparator<BigFraction> ORDER = Rationals::compare;

    private Rationals() {
    }

    /** {@code n / d} with the sign moved to the numerator; {@code d} must not be zero. */
    static BigFraction of(BigInteger n, BigInteger d) {
        return d.signum() < 0 ? BigFraction.of(n.negate(), d.negate()) : BigFraction.of(n, d);
    }

    /** Negative, zero or positive as {@code x < y}, {@code x = y} or {@code x > y}. */
    static int compare(BigFraction x, BigFraction y) {
        return x.subtract(y).signum();
    }
}
