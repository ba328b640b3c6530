package io.exactline.verifier.pattern;

import java.util.Arrays;

/**
 * The affine map {@code y = W x + c} a network computes on the polytope of a complete decision pattern, rounded to
 * doubles from its exact value.
 *
 * @param weights {@code W}, one row per output
 * @param offset {@code c}
 */
public record InducedAffineMap(double[][] weights, double[] offset) {
    public InducedAffineMap {
        weights = Arrays.stream(weights).map(double[]::clone).toArray(double[][]::new);
        offset = offset.clone();
    }

    @Override
    public double[][] weights() {
        return Arrays.stream(weights).map(double[]::clone).toArray(double[][]::new);
    }

    @Override
    public double[] offset() {
        return offset.clone();
    }

    /** {@code W x + c} in floating point. */
    public double[] apply(double[] x) {
        double[] y = offset.clone();
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < x.length; j++) {
                y[i] += weights[i][j] * x[j];
            }
        }
        return y;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InducedAffineMap m && Arrays.deepEquals(weights, m.weights)
                && Arrays.equals(offset, m.offset);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(weights) * 31 + Arrays.hashCode(offset);
    }

    @Override
    public String toString() {
        return "InducedAffineMap[weights=" + Arrays.deepToString(weights) + ", offset=" + Arrays.toString(offset) + "]";
    }
}
