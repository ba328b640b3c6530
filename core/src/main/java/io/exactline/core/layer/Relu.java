package io.exactline.core.layer;

import io.exactline.core.network.Shape;

/** {@code max(0, x)} element-wise. States: 0 inactive ({@code x <= 0}), 1 active ({@code x > 0}). */
public record Relu(Shape inputShape) implements ElementwisePiecewiseLinear {
    private static final double[] BREAKPOINTS = {0.0};

    @Override
    public double[] breakpoints() {
        return BREAKPOINTS.clone();
    }

    @Override
    public double activate(double x) {
        return x > 0 ? x : 0.0;
    }

    @Override
    public double slope(double x) {
        return x > 0 ? 1.0 : 0.0;
    }

    @Override
    public String describe() {
        return "Relu " + inputShape;
    }
}
