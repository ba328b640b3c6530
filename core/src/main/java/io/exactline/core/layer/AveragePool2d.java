package io.exactline.core.layer;

import java.util.Arrays;

import io.exactline.core.network.Shape;

/**
 * 2-D average pooling (ONNX AveragePool) on a batch-free {@code [C, H, W]} tensor: every output is the sum of
 * the input elements in its {@link Window2d} divided by the number of kernel positions ({@code countIncludePad},
 * padding counted as zeros) or by the number of positions that are not padding (ONNX's default,
 * {@code count_include_pad = 0}). A linear map.
 */
public final class AveragePool2d implements AffineLayer {
    private final Shape inputShape;
    private final Window2d window;
    private final boolean countIncludePad;
    private final PoolWindows windows;
    private final double[] divisor;

    /**
     * @param inputShape {@code [C, H, W]}
     * @param window kernel size, strides, pads and dilations
     * @param countIncludePad whether padding positions count in the divisor
     */
    public AveragePool2d(Shape inputShape, Window2d window, boolean countIncludePad) {
        this.inputShape = inputShape;
        this.window = window;
        this.countIncludePad = countIncludePad;
        this.windows = PoolWindows.of(inputShape, window, "AveragePool2d");
        this.divisor = new double[windows.count()];
        for (int u = 0; u < divisor.length; u++) {
            divisor[u] = countIncludePad ? window.size() : windows.start()[u + 1] - windows.start()[u];
        }
    }

    /** The window geometry. */
    public Window2d window() {
        return window;
    }

    /** Whether padding positions count in the divisor. */
    public boolean countIncludePad() {
        return countIncludePad;
    }

    @Override
    public Shape inputShape() {
        return inputShape;
    }

    @Override
    public Shape outputShape() {
        return windows.outputShape();
    }

    @Override
    public void apply(double[] in, int inOffset, double[] out, int outOffset) {
        int[] start = windows.start();
        int[] index = windows.inputIndex();
        for (int u = 0; u < divisor.length; u++) {
            double sum = 0.0;
            for (int e = start[u]; e < start[u + 1]; e++) {
                sum += in[inOffset + index[e]];
            }
            out[outOffset + u] = sum / divisor[u];
        }
    }

    @Override
    public void applyLinear(double[] in, int inOffset, double[] out, int outOffset) {
        apply(in, inOffset, out, outOffset);
    }

    @Override
    public void applyTransposed(double[] gradOut, int gOffset, double[] gradIn, int inOffset) {
        Arrays.fill(gradIn, inOffset, inOffset + inputShape.size(), 0.0);
        int[] start = windows.start();
        int[] index = windows.inputIndex();
        for (int u = 0; u < divisor.length; u++) {
            double share = gradOut[gOffset + u] / divisor[u];
            for (int e = start[u]; e < start[u + 1]; e++) {
                gradIn[inOffset + index[e]] += share;
            }
        }
    }

    @Override
    public double[] offset() {
        return new double[divisor.length];
    }

    @Override
    public String describe() {
        return "AveragePool2d " + inputShape + "->" + outputShape() + " kernel " + window.kernelHeight() + "x"
                + window.kernelWidth() + " stride " + window.strideHeight() + "x" + window.strideWidth();
    }
}
