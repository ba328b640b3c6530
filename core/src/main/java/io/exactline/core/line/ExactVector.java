package io.exactline.core.line;

import java.math.BigInteger;

import org.apache.commons.numbers.fraction.BigFraction;

/**
 * A vector of rationals over one common positive denominator: {@code x_i = numerators[i] / denominator}.
 *
 * <p>Exact ExactLine keeps its points in this form because every layer then needs only integer products and
 * sums, no greatest common divisor per operation: weights and offsets are dyadic (doubles are), so a layer
 * multiplies the denominator by a power of two, which is divided out again at once. Only interpolation, which
 * brings in a crossing ratio's denominator, reduces the result by the gcd of its entries.
 */
final class ExactVector {
    private final BigInteger[] numerators;
    private final BigInteger denominator;

    /**
     * @param numerators the numerators (kept, not copied)
     * @param denominator a positive common denominator
     */
    private ExactVector(BigInteger[] numerators, BigInteger denominator) {
        this.numerators = numerators;
        this.denominator = denominator;
    }

    /**
     * {@code numerators / (denominator * 2^shift)} with the power of two common to all entries divided out.
     *
     * @param numerators the numerators (kept, not copied)
     * @param denominator positive
     * @param shift at least 0
     */
    static ExactVector of(BigInteger[] numerators, BigInteger denominator, int shift) {
        int common = denominator.getLowestSetBit() + shift;
        for (BigInteger n : numerators) {
            if (common == 0) {
                break;
            }
            if (n.signum() != 0) {
                common = Math.min(common, n.getLowestSetBit());
            }
        }
        if (common > 0) {
            for (int i = 0; i < numerators.length; i++) {
                numerators[i] = numerators[i].shiftRight(common);
            }
        }
        return new ExactVector(numerators, denominator.shiftLeft(shift).shiftRight(common));
    }

    /** The doubles {@code x}, exactly. */
    static ExactVector of(double[] x) {
        int shift = 0;
        BigFraction[] exact = new BigFraction[x.length];
        for (int i = 0; i < x.length; i++) {
            exact[i] = BigFraction.from(x[i]);
            shift = Math.max(shift, Dyadic.exponent(exact[i]));
        }
        BigInteger[] numerators = new BigInteger[x.length];
        for (int i = 0; i < x.length; i++) {
            numerators[i] = Dyadic.scaled(exact[i], shift);
        }
        return of(numerators, BigInteger.ONE, shift);
    }

    /** {@code p + r (q - p)}, reduced to lowest common terms. */
    static ExactVector interpolate(ExactVector p, ExactVector q, BigFraction r) {
        BigInteger rd = r.getDenominator().abs();
        BigInteger rn = r.getDenominator().signum() < 0 ? r.getNumerator().negate() : r.getNumerator();
        BigInteger dp = p.denominator;
        BigInteger dq = q.denominator;
        BigInteger[] numerators = new BigInteger[p.numerators.length];
        BigInteger gcd = dp.multiply(dq).multiply(rd);
        BigInteger denominator = gcd;
        for (int i = 0; i < numerators.length; i++) {
            BigInteger pq = p.numerators[i].multiply(dq);
            BigInteger qp = q.numerators[i].multiply(dp);
            numerators[i] = pq.multiply(rd).add(rn.multiply(qp.subtract(pq)));
            if (!gcd.equals(BigInteger.ONE)) {
                gcd = gcd.gcd(numerators[i]);
            }
        }
        if (!gcd.equals(BigInteger.ONE)) {
            for (int i = 0; i < numerators.length; i++) {
                numerators[i] = numerators[i].divide(gcd);
            }
            denominator = denominator.divide(gcd);
        }
        return new ExactVector(numerators, denominator);
    }

    /** The numerator of entry {@code i}. */
    BigInteger numerator(int i) {
        return numerators[i];
    }

    /** The common positive denominator. */
    BigInteger denominator() {
        return denominator;
    }

    /** Entry {@code i} as a reduced fraction. */
    BigFraction get(int i) {
        return BigFraction.of(numerators[i], denominator);
    }

    /** All entries as reduced fractions. */
    BigFraction[] toFractions() {
        BigFraction[] x = new BigFraction[numerators.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = get(i);
        }
        return x;
    }
}
