package io.exactline.core.layer;

import io.exactline.core.network.Shape;

/** {@code tanh(x)} element-wise. Not piecewise linear: exact analyses reject it. */
public record Tanh(Shape inputShape) implements SmoothLayer {
    @Override
    public Shape outputShape() {
        return inputShape;
    }

    @Override
    public void apply(double[] in, int inOffset, double[] out, int outOffset) {
        int n = inputShape.size();
        for (int i = 0; i < n; i++) {
            double x = in[inOffset + i];
            out[outOffset + i] = Math.tanh(x);
        }
    }

    @Override
    public double[] backward(double[] input, double[] gradOut) {
        double[] gradIn = new double[input.length];
        for (int i = 0; i < input.length; i++) {
            double x = input[i];
            double y = Math.tanh(x);
            gradIn[i] = (1.0 - y * y) * gradOut[i];
        }
        return gradIn;
    }

    @Override
    public String describe() {
        return "Tanh " + inputShape;
    }
}
