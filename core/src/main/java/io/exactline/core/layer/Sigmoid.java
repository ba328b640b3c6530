package io.exactline.core.layer;

import io.exactline.core.network.Shape;

/** {@code 1 / (1 + exp(-x))} element-wise. Not piecewise linear: exact analyses reject it. */
public record Sigmoid(Shape inputShape) implements SmoothLayer {
    @Override
    public Shape outputShape() {
        return inputShape;
    }

    @Override
    public void apply(double[] in, int inOffset, double[] out, int outOffset) {
        int n = inputShape.size();
        for (int i = 0; i < n; i++) {
            double x = in[inOffset + i];
            out[outOffset + i] = 1.0 / (1.0 + Math.exp(-x));
        }
    }

    @Override
    public double[] backward(double[] input, double[] gradOut) {
        double[] gradIn = new double[input.length];
        for (int i = 0; i < input.length; i++) {
            double x = input[i];
            double y = 1.0 / (1.0 + Math.exp(-x));
            gradIn[i] = (y * (1.0 - y)) * gradOut[i];
        }
        return gradIn;
    }

    @Override
    public String describe() {
        return "Sigmoid " + inputShape;
    }
}
