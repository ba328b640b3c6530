package io.exactline.verifier.property;

/** A term {@code coefficient * variable} of a linear expression; the coefficient is finite and not zero. */
public record Term(double coefficient, Variable variable) {
    public Term {
        if (!Double.isFinite(coefficient) || coefficient == 0.0) {
            throw new IllegalArgumentException("coefficient of " + variable + " is " + coefficient
                    + "; a term needs a finite non-zero coefficient");
        }
        if (variable == null) {
            throw new IllegalArgumentException("a term needs a variable");
        }
    }

    /** {@code coefficient * value of the variable} at {@code (x, y)}, in floating point. */
    public double valueAt(double[] x, double[] y) {
        return coefficient * variable.valueAt(x, y);
    }
}
