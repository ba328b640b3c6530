package io.exactline.verifier.bounds;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An exact dyadic rational {@code mantissa * 2^exponent}. Every finite double is one, and sums and products of
 * dyadic rationals are dyadic, so networks of doubles evaluate exactly in this type; it is much faster than
 * {@link BigDecimal}, whose decimal expansions of binary fractions grow long.
 */
record Dyadic(BigInteger mantissa, int exponent) implements Comparable<Dyadic> {
    static final Dyadic ZERO = new Dyadic(BigInteger.ZERO, 0);

    /** The exact value of a finite double. */
    static Dyadic of(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("not a finite double: " + x);
        }
        if (x == 0.0) {
            return ZERO;
        }
        long bits = Double.doubleToRawLongBits(x);
        int biased = (int) ((bits >>> 52) & 0x7ff);
        long fraction = bits & 0xfffffffffffffL;
        long m = biased == 0 ? fraction : fraction | (1L << 52);
        int e = (biased == 0 ? 1 : biased) - 1075;
        return new Dyadic(BigInteger.valueOf(x < 0 ? -m : m), e);
    }

    Dyadic add(Dyadic other) {
        if (mantissa.signum() == 0) {
            return other;
        }
        if (other.mantissa.signum() == 0) {
            return this;
        }
        if (exponent <= other.exponent) {
            return new Dyadic(mantissa.add(other.mantissa.shiftLeft(other.exponent - exponent)), exponent);
        }
        return new Dyadic(mantissa.shiftLeft(exponent - other.exponent).add(other.mantissa), other.exponent);
    }

    Dyadic subtract(Dyadic other) {
        return add(other.negate());
    }

    Dyadic negate() {
        return new Dyadic(mantissa.negate(), exponent);
    }

    Dyadic multiply(Dyadic other) {
        if (mantissa.signum() == 0 || other.mantissa.signum() == 0) {
            return ZERO;
        }
        return new Dyadic(mantissa.multiply(other.mantissa), exponent + other.exponent);
    }

    int signum() {
        return mantissa.signum();
    }

    Dyadic max(Dyadic other) {
        return compareTo(other) >= 0 ? this : other;
    }

    Dyadic min(Dyadic other) {
        return compareTo(other) <= 0 ? this : other;
    }

    @Override
    public int compareTo(Dyadic other) {
        return subtract(other).signum();
    }

    /** The exact decimal value. */
    BigDecimal toBigDecimal() {
        BigDecimal m = new BigDecimal(mantissa);
        return exponent >= 0 ? m.multiply(new BigDecimal(BigInteger.TWO.pow(exponent)))
                : m.divide(new BigDecimal(BigInteger.TWO.pow(-exponent)));
    }

    /** The value to 30 significant digits, for messages. */
    @Override
    public String toString() {
        return toBigDecimal().round(new java.math.MathContext(30)).toString();
    }
}
