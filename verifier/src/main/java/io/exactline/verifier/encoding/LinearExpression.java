package io.exactline.verifier.encoding;

import java.util.Arrays;

import org.apache.commons.numbers.fraction.BigFraction;

import io.exactline.core.BadInputException;

/**
 * An affine expression {@code c . y + d} over a network's outputs {@code y}. The doubles are read as exact
 * rationals. Immutable.
 */
public final class LinearExpression {
    private final double[] coefficients;
    private final double constant;

    /**
     * @param coefficients {@code c}, one per output
     * @param constant {@code d}
     */
    public LinearExpression(double[] coefficients, double constant) {
        for (int i = 0; i < coefficients.length; i++) {
            if (!Double.isFinite(coefficients[i])) {
                throw new BadInputException("coefficient " + i + " of a linear output expression is "
                        + coefficients[i]);
            }
        }
        if (!Double.isFinite(constant)) {
            throw new BadInputException("constant of a linear output expression is " + constant);
        }
        this.coefficients = coefficients.clone();
        this.constant = constant;
    }

    /** The expression {@code y_i}. */
    public static LinearExpression output(int i, int outputs) {
        double[] c = new double[outputs];
        c[i] = 1.0;
        return new LinearExpression(c, 0.0);
    }

    /** The expression {@code y_i - y_j}. */
    public static LinearExpression difference(int i, int j, int outputs) {
        double[] c = new double[outputs];
        c[i] += 1.0;
        c[j] -= 1.0;
        return new LinearExpression(c, 0.0);
    }

    /** Number of outputs the expression is over. */
    public int size() {
        return coefficients.length;
    }

    /** The coefficient {@code c_i}. */
    public double coefficient(int i) {
        return coefficients[i];
    }

    /** The constant {@code d}. */
    public double constant() {
        return constant;
    }

    /** {@code c . y + d} in floating point. */
    public double evaluate(double[] y) {
        double sum = constant;
        for (int i = 0; i < coefficients.length; i++) {
            sum += coefficients[i] * y[i];
        }
        return sum;
    }

    /** {@code c . y + d} in exact arithmetic. */
    public BigFraction evaluateExactly(BigFraction[] y) {
        BigFraction sum = Rationals.exact(constant);
        for (int i = 0; i < coefficients.length; i++) {
            if (coefficients[i] != 0.0) {
                sum = sum.add(Rationals.exact(coefficients[i]).multiply(y[i]));
            }
        }
        return sum;
    }

    /** Throws {@link BadInputException} unless the expression has one coefficient per output. */
    public void checkOutputs(int outputs, String where) {
        if (coefficients.length != outputs) {
            throw new BadInputException(where + " has " + coefficients.length + " coefficients but the network has "
                    + outputs + " outputs");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinearExpression e && Double.compare(constant, e.constant) == 0
                && Arrays.equals(coefficients, e.coefficients);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(coefficients) * 31 + Double.hashCode(constant);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < coefficients.length; i++) {
            if (coefficients[i] != 0.0) {
                s.append(s.length() == 0 ? "" : " + ").append(coefficients[i]).append(" y").append(i);
            }
        }
        return s.append(s.length() == 0 ? "" : " + ").append(constant).toString();
    }
}
