package io.exactline.core.layer;

import io.exactline.core.network.Shape;

/**
 * {@code min(max(x, min), max)} element-wise (hard tanh with bounds -1, 1; ONNX Clip). States: 0 clipped low
 * ({@code x <= min}), 1 linear, 2 clipped high ({@code x > max}).
 */
public record HardTanh(Shape inputShape, double min, double max) implements ElementwisePiecewiseLinear {
    public HardTanh {
        if (!(min < max) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("HardTanh/Clip needs finite bounds min < max, got [" + min + ", "
                    + max + "]");
        }
    }

    /** The classic hard tanh, clipping to [-1, 1]. */
    public static HardTanh standard(Shape shape) {
        return new HardTanh(shape, -1.0, 1.0);
    }

    @Override
    public double[] breakpoints() {
        return new double[] {min, max};
    }

    @Override
    public double activate(double x) {
        return x <= min ? min : Math.min(x, max);
    }

    @Override
    public double slope(double x) {
        return x > min && x <= max ? 1.0 : 0.0;
    }

    @Override
    public String describe() {
        return "HardTanh[" + min + ", " + max + "] " + inputShape;
    }
}
