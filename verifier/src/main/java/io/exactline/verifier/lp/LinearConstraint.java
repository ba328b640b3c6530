package io.exactline.verifier.lp;

import java.util.Arrays;

/**
 * One row of a linear program, {@code a . x <= b} or {@code a . x = b}, with the row {@code a} stored sparsely
 * (strictly increasing variable indices, explicit zeros dropped). Immutable.
 */
public final class LinearConstraint {

    /** How the row relates to its right-hand side. */
    public enum Relation {
        /** {@code a . x <= b}. */
        LESS_OR_EQUAL,
        /** {@code a . x = b}. */
        EQUAL
    }

    private final int[] indices;
    private final double[] coefficients;
    private final Relation relation;
    private final double bound;

    private LinearConstraint(int[] indices, double[] coefficients, Relation relation, double bound) {
        if (indices.length != coefficients.length) {
            throw new IllegalArgumentException("a sparse row needs one coefficient per index, got "
                    + indices.length + " indices and " + coefficients.length + " coefficients");
        }
        if (!Double.isFinite(bound)) {
            throw new IllegalArgumentException("the right-hand side of a row must be finite, got " + bound);
        }
        int kept = 0;
        for (int k = 0; k < indices.length; k++) {
            if (indices[k] < 0 || (k > 0 && indices[k] <= indices[k - 1])) {
                throw new IllegalArgumentException("sparse row indices must be non-negative and strictly increasing: "
                        + Arrays.toString(indices));
            }
            if (!Double.isFinite(coefficients[k])) {
                throw new IllegalArgumentException("coefficient of variable " + indices[k] + " is " + coefficients[k]
                        + "; rows must have finite coefficients");
            }
            if (coefficients[k] != 0.0) {
                kept++;
            }
        }
        this.indices = new int[kept];
        this.coefficients = new double[kept];
        int j = 0;
        for (int k = 0; k < indices.length; k++) {
            if (coefficients[k] != 0.0) {
                this.indices[j] = indices[k];
                this.coefficients[j] = coefficients[k];
                j++;
            }
        }
        this.relation = relation;
        this.bound = bound;
    }

    /** The row {@code a . x <= b} from a dense {@code a}. */
    public static LinearConstraint lessOrEqual(double[] a, double b) {
        return dense(a, Relation.LESS_OR_EQUAL, b, 1.0);
    }

    /** The row {@code a . x >= b}, stored as {@code -a . x <= -b} (negation is exact). */
    public static LinearConstraint greaterOrEqual(double[] a, double b) {
        return dense(a, Relation.LESS_OR_EQUAL, b, -1.0);
    }

    /** The row {@code a . x = b} from a dense {@code a}. */
    public static LinearConstraint equal(double[] a, double b) {
        return dense(a, Relation.EQUAL, b, 1.0);
    }

    /**
     * A row from sparse data.
     *
     * @param indices strictly increasing variable indices
     * @param coefficients the coefficient of each listed variable; zeros are dropped
     */
    public static LinearConstraint sparse(int[] indices, double[] coefficients, Relation relation, double b) {
        return new LinearConstraint(indices.clone(), coefficients.clone(), relation, b);
    }

    private static LinearConstraint dense(double[] a, Relation relation, double b, double sign) {
        int[] indices = new int[a.length];
        double[] coefficients = new double[a.length];
        for (int j = 0; j < a.length; j++) {
            indices[j] = j;
            coefficients[j] = sign * a[j];
        }
        return new LinearConstraint(indices, coefficients, relation, sign * b);
    }

    /** Number of non-zero coefficients. */
    public int size() {
        return indices.length;
    }

    /** The variable index of the {@code k}-th non-zero coefficient. */
    public int index(int k) {
        return indices[k];
    }

    /** The {@code k}-th non-zero coefficient. */
    public double coefficient(int k) {
        return coefficients[k];
    }

    public Relation relation() {
        return relation;
    }

    /** The right-hand side {@code b}. */
    public double bound() {
        return bound;
    }

    /** The largest variable index used, or -1 for an empty row. */
    int maxIndex() {
        return indices.length == 0 ? -1 : indices[indices.length - 1];
    }

    /** {@code a . x} in floating point. */
    public double dot(double[] x) {
        double sum = 0.0;
        for (int k = 0; k < indices.length; k++) {
            sum += coefficients[k] * x[indices[k]];
        }
        return sum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinearConstraint c && relation == c.relation
                && Double.compare(bound, c.bound) == 0 && Arrays.equals(indices, c.indices)
                && Arrays.equals(coefficients, c.coefficients);
    }

    @Override
    public int hashCode() {
        return ((Arrays.hashCode(indices) * 31 + Arrays.hashCode(coefficients)) * 31 + relation.hashCode()) * 31
                + Double.hashCode(bound);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < indices.length; k++) {
            s.append(k == 0 ? "" : " + ").append(coefficients[k]).append(" x").append(indices[k]);
        }
        if (indices.length == 0) {
            s.append('0');
        }
        return s.append(relation == Relation.EQUAL ? " = " : " <= ").append(bound).toString();
    }
}
