package io.exactline.verifier.pattern;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * An affine function {@code a . x + b} of the network's input in exact decimal arithmetic. Every double is a
 * finite decimal, and sums and products of {@link BigDecimal}s are exact, so a form built from a network's weights
 * is the network's real function with no rounding. Immutable.
 *
 * @param coefficients {@code a}, one per input
 * @param constant {@code b}
 */
record AffineForm(BigDecimal[] coefficients, BigDecimal constant) {

    static AffineForm input(int j, int inputs) {
        BigDecimal[] a = new BigDecimal[inputs];
        Arrays.fill(a, BigDecimal.ZERO);
        a[j] = BigDecimal.ONE;
        return new AffineForm(a, BigDecimal.ZERO);
    }

    static AffineForm zero(int inputs) {
        BigDecimal[] a = new BigDecimal[inputs];
        Arrays.fill(a, BigDecimal.ZERO);
        return new AffineForm(a, BigDecimal.ZERO);
    }

    /** {@code this + w * other}, exactly. */
    AffineForm plusScaled(double w, AffineForm other) {
        BigDecimal weight = new BigDecimal(w);
        BigDecimal[] a = new BigDecimal[coefficients.length];
        for (int j = 0; j < a.length; j++) {
            a[j] = coefficients[j].add(weight.multiply(other.coefficients[j]));
        }
        return new AffineForm(a, constant.add(weight.multiply(other.constant)));
    }

    /** {@code this + c}, exactly. */
    AffineForm plus(double c) {
        return new AffineForm(coefficients, constant.add(new BigDecimal(c)));
    }

    /** The value at {@code x}, exactly. */
    BigDecimal at(double[] x) {
        BigDecimal sum = constant;
        for (int j = 0; j < x.length; j++) {
            sum = sum.add(coefficients[j].multiply(new BigDecimal(x[j])));
        }
        return sum;
    }

    /** The least value over the box {@code [lower, upper]}, exactly. */
    BigDecimal minimumOver(double[] lower, double[] upper) {
        BigDecimal sum = constant;
        for (int j = 0; j < lower.length; j++) {
            int s = coefficients[j].signum();
            if (s != 0) {
                sum = sum.add(coefficients[j].multiply(new BigDecimal(s > 0 ? lower[j] : upper[j])));
            }
        }
        return sum;
    }

    /** The greatest value over the box {@code [lower, upper]}, exactly. */
    BigDecimal maximumOver(double[] lower, double[] upper) {
        return negate().minimumOver(lower, upper).negate();
    }

    AffineForm negate() {
        BigDecimal[] a = new BigDecimal[coefficients.length];
        for (int j = 0; j < a.length; j++) {
            a[j] = coefficients[j].negate();
        }
        return new AffineForm(a, constant.negate());
    }

    /** The coefficients rounded to the nearest doubles. */
    double[] approximateCoefficients() {
        double[] a = new double[coefficients.length];
        for (int j = 0; j < a.length; j++) {
            a[j] = coefficients[j].doubleValue();
        }
        return a;
    }

    /** The constant rounded to a double. */
    double approximateConstant() {
        return constant.doubleValue();
    }

    /**
     * An upper bound, rounded up to a double, of {@code |f(x) - g(x)|} over the box, where {@code g} is this form with
     * coefficients and constant rounded to doubles: {@code sum_j |a_j - round(a_j)| max(|l_j|, |u_j|) + |b - round(b)|}.
     */
    double roundingError(double[] lower, double[] upper) {
        BigDecimal sum = constant.subtract(new BigDecimal(constant.doubleValue())).abs();
        for (int j = 0; j < coefficients.length; j++) {
            BigDecimal delta = coefficients[j].subtract(new BigDecimal(coefficients[j].doubleValue())).abs();
            sum = sum.add(delta.multiply(new BigDecimal(Math.max(Math.abs(lower[j]), Math.abs(upper[j])))));
        }
        double d = sum.doubleValue();
        return new BigDecimal(d).compareTo(sum) < 0 ? Math.nextUp(d) : d;
    }
}
