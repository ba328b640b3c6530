package io.exactline.verifier.vnnlib;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Conversion of exact decimals to doubles rounded in a chosen direction, so that bounds read from a file can be
 * widened outward: a lower bound becomes the largest double at or below the written value, an upper bound the
 * smallest double at or above it.
 */
final class DirectedRounding {
    /** Decimal digits kept when a quotient does not terminate (rounded in the same direction). */
    private static final int QUOTIENT_DIGITS = 40;

    private DirectedRounding() {
    }

    /** The largest double {@code <= v}; {@code -Infinity} when {@code v} is below every finite double. */
    static double down(BigDecimal v) {
        double d = v.doubleValue();
        if (Double.isFinite(d) && !isExact(v) && compare(d, v) > 0) {
            d = Math.nextDown(d);
        }
        return d;
    }

    /** The smallest double {@code >= v}; {@code +Infinity} when {@code v} is above every finite double. */
    static double up(BigDecimal v) {
        double d = v.doubleValue();
        if (Double.isFinite(d) && !isExact(v) && compare(d, v) < 0) {
            d = Math.nextUp(d);
        }
        return d;
    }

    /**
     * The sign of {@code d - v} for a finite double, computed exactly on integers: with {@code d = m 2^e} and
     * {@code v = u 10^-s}, compares {@code m 2^e 10^s} with {@code u} after moving negative powers to the other
     * side. Cheaper than expanding {@code d} into a {@link BigDecimal}.
     */
    static int compare(double d, BigDecimal v) {
        long bits = Double.doubleToRawLongBits(d);
        int biased = (int) ((bits >>> 52) & 0x7ff);
        long mantissa = bits & 0xfffffffffffffL;
        if (biased != 0) {
            mantissa |= 1L << 52;
        }
        int exponent = Math.max(biased, 1) - 1075;
        BigInteger left = BigInteger.valueOf(d < 0 ? -mantissa : mantissa).shiftLeft(Math.max(exponent, 0));
        BigInteger right = v.unscaledValue().shiftLeft(Math.max(-exponent, 0));
        int scale = v.scale();
        if (scale > 0) {
            left = left.multiply(BigInteger.TEN.pow(scale));
        } else if (scale < 0) {
            right = right.multiply(BigInteger.TEN.pow(-scale));
        }
        return left.compareTo(right);
    }

    /** {@code numerator / denominator} rounded down (toward -infinity) to a double. */
    static double quotientDown(BigDecimal numerator, BigDecimal denominator) {
        return down(quotient(numerator, denominator, RoundingMode.FLOOR));
    }

    /** {@code numerator / denominator} rounded up (toward +infinity) to a double. */
    static double quotientUp(BigDecimal numerator, BigDecimal denominator) {
        return up(quotient(numerator, denominator, RoundingMode.CEILING));
    }

    private static BigDecimal quotient(BigDecimal numerator, BigDecimal denominator, RoundingMode mode) {
        if (denominator.compareTo(BigDecimal.ONE) == 0) {
            return numerator;
        }
        if (denominator.compareTo(BigDecimal.ONE.negate()) == 0) {
            return numerator.negate();
        }
        return numerator.divide(denominator, new MathContext(QUOTIENT_DIGITS, mode));
    }

    /** A cheap sufficient test that {@code v} converts exactly: zero, or an integer of at most 15 digits. */
    private static boolean isExact(BigDecimal v) {
        return v.signum() == 0 || (v.scale() == 0 && v.precision() <= 15);
    }
}
