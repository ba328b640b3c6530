package io.exactline.verifier.lp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A linear program over {@code n} real variables:
 *
 * <pre>
 *   minimise or maximise   c . x + c0
 *   subject to             a_i . x &lt;= b_i   or   a_i . x = b_i     (rows i = 0 .. m-1)
 *                          l_j &lt;= x_j &lt;= u_j                      (j = 0 .. n-1)
 * </pre>
 *
 * Variable bounds may be infinite ({@code l_j = -inf}, {@code u_j = +inf}); every other number is finite. The
 * doubles are the data of the problem, read as exact rationals: the rigorous bounds of {@link SafeBounds} and
 * {@link FarkasCertificate} hold for exactly this problem. Immutable; build with {@link #builder(int)}.
 */
public final class LinearProgram {
    private final double[] lower;
    private final double[] upper;
    private final List<LinearConstraint> constraints;
    private final double[] objective;
    private final double objectiveConstant;
    private final Sense sense;

    private LinearProgram(Builder b) {
        this.lower = b.lower.clone();
        this.upper = b.upper.clone();
        this.constraints = List.copyOf(b.constraints);
        this.objective = b.objective.clone();
        this.objectiveConstant = b.objectiveConstant;
        this.sense = b.sense;
    }

    /** A builder for a program over {@code variables} variables, all free ({@code -inf, +inf}), objective 0. */
    public static Builder builder(int variables) {
        return new Builder(variables);
    }

    /** Number of variables {@code n}. */
    public int variableCount() {
        return lower.length;
    }

    /** Number of rows {@code m}. */
    public int constraintCount() {
        return constraints.size();
    }

    /** The lower bound {@code l_j}, possibly {@code -inf}. */
    public double lower(int j) {
        return lower[j];
    }

    /** The upper bound {@code u_j}, possibly {@code +inf}. */
    public double upper(int j) {
        return upper[j];
    }

    /** The rows, in order. */
    public List<LinearConstraint> constraints() {
        return constraints;
    }

    /** The objective coefficient {@code c_j}. */
    public double objective(int j) {
        return objective[j];
    }

    /** A copy of the objective coefficients {@code c}. */
    public double[] objective() {
        return objective.clone();
    }

    /** The constant {@code c0} added to the objective. */
    public double objectiveConstant() {
        return objectiveConstant;
    }

    public Sense sense() {
        return sense;
    }

    /**
     * The largest violation of any row or bound at {@code x} in floating point (0 when {@code x} satisfies all),
     * for diagnostics and tests.
     */
    public double violation(double[] x) {
        double worst = 0.0;
        for (int j = 0; j < lower.length; j++) {
            worst = Math.max(worst, Math.max(lower[j] - x[j], x[j] - upper[j]));
        }
        for (LinearConstraint row : constraints) {
            double gap = row.dot(x) - row.bound();
            worst = Math.max(worst, row.relation() == LinearConstraint.Relation.EQUAL ? Math.abs(gap) : gap);
        }
        return worst;
    }

    /** {@code c . x + c0} in floating point. */
    public double objectiveValue(double[] x) {
        double sum = objectiveConstant;
        for (int j = 0; j < objective.length; j++) {
            sum += objective[j] * x[j];
        }
        return sum;
    }

    @Override
    public String toString() {
        return "LinearProgram(" + sense + " " + Arrays.toString(objective) + " + " + objectiveConstant + ", "
                + lower.length + " variables, " + constraints.size() + " rows)";
    }

    /** Collects the parts of a {@link LinearProgram}; checks each as it is given. */
    public static final class Builder {
        private final double[] lower;
        private final double[] upper;
        private final List<LinearConstraint> constraints = new ArrayList<>();
        private double[] objective;
        private double objectiveConstant;
        private Sense sense = Sense.MINIMIZE;

        private Builder(int variables) {
            if (variables < 0) {
                throw new IllegalArgumentException("a linear program needs a non-negative variable count, got "
                        + variables);
            }
            lower = new double[variables];
            upper = new double[variables];
            Arrays.fill(lower, Double.NEGATIVE_INFINITY);
            Arrays.fill(upper, Double.POSITIVE_INFINITY);
            objective = new double[variables];
        }

        /** Sets {@code lower <= x_j <= upper}; either may be infinite on its own side. */
        public Builder bounds(int j, double lower, double upper) {
            if (Double.isNaN(lower) || Double.isNaN(upper) || lower == Double.POSITIVE_INFINITY
                    || upper == Double.NEGATIVE_INFINITY || lower > upper) {
                throw new IllegalArgumentException("variable " + j + " gets empty or invalid bounds [" + lower + ", "
                        + upper + "]");
            }
            this.lower[j] = lower;
            this.upper[j] = upper;
            return this;
        }

        /** Sets the bounds of every variable from two arrays of length {@code n}. */
        public Builder bounds(double[] lower, double[] upper) {
            if (lower.length != this.lower.length || upper.length != this.upper.length) {
                throw new IllegalArgumentException("bounds of " + lower.length + " and " + upper.length
                        + " entries for a program of " + this.lower.length + " variables");
            }
            for (int j = 0; j < lower.length; j++) {
                bounds(j, lower[j], upper[j]);
            }
            return this;
        }

        /** Adds one row; its indices must be below the variable count. */
        public Builder add(LinearConstraint row) {
            if (row.maxIndex() >= lower.length) {
                throw new IllegalArgumentException("row " + constraints.size() + " uses variable " + row.maxIndex()
                        + " but the program has " + lower.length + " variables");
            }
            constraints.add(row);
            return this;
        }

        /** Sets the objective {@code c . x + c0} and its direction. */
        public Builder objective(double[] c, double c0, Sense sense) {
            if (c.length != lower.length) {
                throw new IllegalArgumentException("objective has " + c.length + " coefficients for a program of "
                        + lower.length + " variables");
            }
            for (int j = 0; j < c.length; j++) {
                if (!Double.isFinite(c[j])) {
                    throw new IllegalArgumentException("objective coefficient " + j + " is " + c[j]);
                }
            }
            if (!Double.isFinite(c0)) {
                throw new IllegalArgumentException("objective constant is " + c0);
            }
            this.objective = c.clone();
            this.objectiveConstant = c0;
            this.sense = sense;
            return this;
        }

        public LinearProgram build() {
            return new LinearProgram(this);
        }
    }
}
