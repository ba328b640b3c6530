package io.exactline.verifier.encoding;

import java.util.Arrays;

import org.apache.commons.numbers.fraction.BigFraction;

import io.exactline.core.Rationals;
import io.exactline.verifier.lp.OutwardRounding;

/**
 * An affine map {@code y = W x + b} of a {@link PiecewiseAffineNetwork}, with {@code W} stored by sparse rows
 * (explicit zeros dropped). The doubles are the layer's own numbers, read as exact rationals. Immutable.
 */
public final class AffineStep implements NetworkStep {
    private final int inputSize;
    private final int[][] indices;
    private final double[][] weights;
    private final double[] bias;
    private final String origin;

    /**
     * @param inputSize number of inputs
     * @param indices per output row, the strictly increasing input indices with a non-zero weight
     * @param weights per output row, the weights of those inputs
     * @param bias one offset per output
     * @param origin the layer(s) this step comes from, for messages
     */
    AffineStep(int inputSize, int[][] indices, double[][] weights, double[] bias, String origin) {
        this.inputSize = inputSize;
        this.indices = indices;
        this.weights = weights;
        this.bias = bias;
        this.origin = origin;
    }

    /** A step from dense rows, dropping zero weights. */
    static AffineStep dense(double[][] w, double[] bias, int inputSize, String origin) {
        int[][] indices = new int[w.length][];
        double[][] weights = new double[w.length][];
        for (int i = 0; i < w.length; i++) {
            int count = 0;
            for (double v : w[i]) {
                if (v != 0.0) {
                    count++;
                }
            }
            indices[i] = new int[count];
            weights[i] = new double[count];
            int k = 0;
            for (int j = 0; j < w[i].length; j++) {
                if (w[i][j] != 0.0) {
                    indices[i][k] = j;
                    weights[i][k] = w[i][j];
                    k++;
                }
            }
        }
        return new AffineStep(inputSize, indices, weights, bias.clone(), origin);
    }

    @Override
    public int inputSize() {
        return inputSize;
    }

    @Override
    public int outputSize() {
        return bias.length;
    }

    /** Number of non-zero weights of output {@code i}. */
    public int rowSize(int i) {
        return indices[i].length;
    }

    /** The input index of the {@code k}-th non-zero weight of output {@code i}. */
    public int index(int i, int k) {
        return indices[i][k];
    }

    /** The {@code k}-th non-zero weight of output {@code i}. */
    public double weight(int i, int k) {
        return weights[i][k];
    }

    /** The offset {@code b_i}. */
    public double bias(int i) {
        return bias[i];
    }

    /** The layer(s) this step comes from. */
    public String origin() {
        return origin;
    }

    /** {@code W x + b} in exact arithmetic. */
    public BigFraction[] applyExactly(BigFraction[] x) {
        BigFraction[] y = new BigFraction[bias.length];
        for (int i = 0; i < y.length; i++) {
            BigFraction sum = Rationals.exact(bias[i]);
            for (int k = 0; k < indices[i].length; k++) {
                sum = sum.add(Rationals.exact(weights[i][k]).multiply(x[indices[i][k]]));
            }
            y[i] = sum;
        }
        return y;
    }

    /**
     * A rigorous enclosure of {@code W x + b} over the box {@code [low, high]}: writes the bounds of every output
     * into {@code outLow}, {@code outHigh}.
     */
    public void enclose(double[] low, double[] high, double[] outLow, double[] outHigh) {
        for (int i = 0; i < bias.length; i++) {
            double down = bias[i];
            double up = bias[i];
            for (int k = 0; k < indices[i].length; k++) {
                double w = weights[i][k];
                int j = indices[i][k];
                down = OutwardRounding.addDown(down, w > 0 ? OutwardRounding.mulDown(w, low[j])
                        : OutwardRounding.mulDown(w, high[j]));
                up = OutwardRounding.addUp(up, w > 0 ? OutwardRounding.mulUp(w, high[j])
                        : OutwardRounding.mulUp(w, low[j]));
            }
            outLow[i] = down;
            outHigh[i] = up;
        }
    }

    @Override
    public String toString() {
        return "AffineStep(" + origin + ", " + inputSize + "->" + bias.length + ", bias " + Arrays.toString(bias) + ")";
    }
}
