package io.exactline.core.line;

import java.math.BigInteger;

import org.apache.commons.numbers.fraction.BigFraction;

/** Integer forms of dyadic rationals {@code m / 2^e}, which every finite double is. */
final class Dyadic {
    private Dyadic() {
    }

    /** The {@code e} of a dyadic {@code m / 2^e} in lowest terms (0 for integers). */
    static int exponent(BigFraction dyadic) {
        BigInteger d = dyadic.getDenominator().abs();
        if (d.bitCount() != 1) {
            throw new IllegalArgumentException(dyadic + " is not dyadic");
        }
        return d.getLowestSetBit();
    }

    /** The integer {@code dyadic * 2^shift}; {@code shift} must be at least {@link #exponent}. */
    static BigInteger scaled(BigFraction dyadic, int shift) {
        int e = exponent(dyadic);
        BigInteger n = dyadic.getNumerator();
        if (dyadic.getDenominator().signum() < 0) {
            n = n.negate();
        }
        return n.shiftLeft(shift - e);
    }
}
