package io.exactline.core.layer;

import java.util.Arrays;

import io.exactline.core.network.Shape;

/**
 * A fully connected layer {@code y = W x + b} with {@code W} of {@code outputs x inputs} (ONNX Gemm, MatMul+Add,
 * .nnet layers).
 *
 * <p>The weights are also kept transposed so that evaluation can skip zero inputs: after a ReLU most
 * coordinates are exactly zero, and {@code y = b + sum over j with x_j != 0 of x_j W[:, j]} touches only the
 * columns that matter.
 */
public final class Dense implements AffineLayer {
    private final int inputs;
    private final int outputs;
    private final double[] weights; // outputs x inputs, row-major
    private final double[] transposed; // inputs x outputs, row-major
    private final double[] bias;
    private final Shape inputShape;

    /**
     * @param weights row-major {@code outputs x inputs} matrix
     * @param bias vector of {@code outputs}
     * @param inputShape shape of the input; its size must be {@code inputs}
     */
    public Dense(double[][] weights, double[] bias, Shape inputShape) {
        this.outputs = weights.length;
        if (outputs == 0) {
            throw new IllegalArgumentException("Dense layer needs at least one output row");
        }
        this.inputs = weights[0].length;
        if (bias.length != outputs) {
            throw new IllegalArgumentException("Dense layer: weights are " + outputs + "x" + inputs
                    + " but bias has " + bias.length + " entries; they must match the " + outputs + " outputs");
        }
        if (inputShape.size() != inputs) {
            throw new IllegalArgumentException("Dense layer: weights take " + inputs + " inputs but the input shape is "
                    + inputShape + " (" + inputShape.size() + " elements)");
        }
        this.weights = new double[outputs * inputs];
        this.transposed = new double[inputs * outputs];
        for (int i = 0; i < outputs; i++) {
            if (weights[i].length != inputs) {
                throw new IllegalArgumentException("Dense layer: weight row " + i + " has " + weights[i].length
                        + " entries, row 0 has " + inputs);
            }
            for (int j = 0; j < inputs; j++) {
                this.weights[i * inputs + j] = weights[i][j];
                this.transposed[j * outputs + i] = weights[i][j];
            }
        }
        this.bias = bias.clone();
        this.inputShape = inputShape;
    }

    /** A dense layer over a flat input vector. */
    public Dense(double[][] weights, double[] bias) {
        this(weights, bias, Shape.vector(weights.length == 0 ? 0 : weights[0].length));
    }

    /** Number of inputs (columns of W). */
    public int inputs() {
        return inputs;
    }

    /** Number of outputs (rows of W). */
    public int outputs() {
        return outputs;
    }

    /** The weight {@code W[row][column]}. */
    public double weight(int row, int column) {
        return weights[row * inputs + column];
    }

    /** A copy of W as {@code outputs x inputs} rows. */
    public double[][] weights() {
        double[][] w = new double[outputs][];
        for (int i = 0; i < outputs; i++) {
            w[i] = Arrays.copyOfRange(weights, i * inputs, (i + 1) * inputs);
        }
        return w;
    }

    /** A copy of b. */
    public double[] bias() {
        return bias.clone();
    }

    @Override
    public Shape inputShape() {
        return inputShape;
    }

    @Override
    public Shape outputShape() {
        return Shape.vector(outputs);
    }

    @Override
    public void apply(double[] in, int inOffset, double[] out, int outOffset) {
        System.arraycopy(bias, 0, out, outOffset, outputs);
        accumulate(in, inOffset, out, outOffset);
    }

    @Override
    public void applyLinear(double[] in, int inOffset, double[] out, int outOffset) {
        Arrays.fill(out, outOffset, outOffset + outputs, 0.0);
        accumulate(in, inOffset, out, outOffset);
    }

    private void accumulate(double[] in, int inOffset, double[] out, int outOffset) {
        for (int j = 0; j < inputs; j++) {
            double x = in[inOffset + j];
            if (x != 0.0) {
                int column = j * outputs;
                for (int i = 0; i < outputs; i++) {
                    out[outOffset + i] += x * transposed[column + i];
                }
            }
        }
    }

    @Override
    public void applyTransposed(double[] gradOut, int gOffset, double[] gradIn, int inOffset) {
        Arrays.fill(gradIn, inOffset, inOffset + inputs, 0.0);
        for (int i = 0; i < outputs; i++) {
            double g = gradOut[gOffset + i];
            if (g != 0.0) {
                int row = i * inputs;
                for (int j = 0; j < inputs; j++) {
                    gradIn[inOffset + j] += g * weights[row + j];
                }
            }
        }
    }

    @Override
    public double[] offset() {
        return bias.clone();
    }

    @Override
    public String describe() {
        return "Dense " + inputs + "->" + outputs;
    }
}
