package io.exactline.core.layer;

import io.exactline.core.network.Shape;

/**
 * {@code x} for {@code x > 0}, {@code alpha x} otherwise, element-wise (ONNX LeakyRelu). States: 0 negative side,
 * 1 positive side.
 */
public record LeakyRelu(Shape inputShape, double alpha) implements ElementwisePiecewiseLinear {
    private static final double[] BREAKPOINTS = {0.0};

    public LeakyRelu {
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException("LeakyRelu slope alpha must be finite, got " + alpha);
        }
    }

    @Override
    public double[] breakpoints() {
        return BREAKPOINTS.clone();
    }

    @Override
    public double activate(double x) {
        return x > 0 ? x : alpha * x;
    }

    @Override
    public double slope(double x) {
        return x > 0 ? 1.0 : alpha;
    }

    @Override
    public String describe() {
        return "LeakyRelu(" + alpha + ") " + inputShape;
    }
}
