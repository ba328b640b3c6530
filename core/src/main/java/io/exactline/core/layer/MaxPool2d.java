package io.exactline.core.layer;

import java.util.Arrays;

import io.exactline.core.line.RatioSink;
import io.exactline.core.network.Shape;

/**
 * 2-D max pooling (ONNX MaxPool) on a batch-free {@code [C, H, W]} tensor: every output is the largest input in
 * its {@link Window2d}; padding never wins (it is left out, not treated as zero or minus infinity).
 *
 * <p>Each window is a unit. Its state is the kernel position {@code ky * kernelWidth + kx} of the argmax, the
 * lowest position on ties; so {@link #stateCount()} is the kernel size. On a segment {@code p + r (q - p)} a
 * window's outputs are the upper envelope of the affine functions {@code p_w + r (q_w - p_w)} of its elements,
 * and {@link #crossings} reports the ratios where the envelope passes from one element to another.
 */
public final class MaxPool2d implements PiecewiseLinearLayer {
    private final Shape inputShape;
    private final Window2d window;
    private final PoolWindows windows;

    /**
     * @param inputShape {@code [C, H, W]}
     * @param window kernel size, strides, pads and dilations; every window must cover at least one input element
     */
    public MaxPool2d(Shape inputShape, Window2d window) {
        this.inputShape = inputShape;
        this.window = window;
        this.windows = PoolWindows.of(inputShape, window, "MaxPool2d");
    }

    /** The window geometry. */
    public Window2d window() {
        return window;
    }

    /**
     * The flat input indices of window (unit) {@code unit}'s elements, in kernel order, padding left out: the
     * unit's output is the largest input at these indices, and its state is the position of that input here.
     */
    public int[] windowInputs(int unit) {
        return Arrays.copyOfRange(windows.inputIndex(), windows.start()[unit], windows.start()[unit + 1]);
    }

    /**
     * The kernel positions {@code ky * kernelWidth + kx} of window {@code unit}'s elements, in the order of
     * {@link #windowInputs}: the state a unit takes when that element is its (first) largest.
     */
    public int[] windowPositions(int unit) {
        return Arrays.copyOfRange(windows.kernelPosition(), windows.start()[unit], windows.start()[unit + 1]);
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
        int units = windows.count();
        for (int u = 0; u < units; u++) {
            double best = in[inOffset + index[start[u]]];
            for (int e = start[u] + 1; e < start[u + 1]; e++) {
                double x = in[inOffset + index[e]];
                if (x > best) {
                    best = x;
                }
            }
            out[outOffset + u] = best;
        }
    }

    /** The entry (into {@code windows}' arrays) of window {@code u}'s argmax, lowest entry on ties. */
    private int argmax(double[] in, int inOffset, int u) {
        int[] start = windows.start();
        int[] index = windows.inputIndex();
        int best = start[u];
        for (int e = start[u] + 1; e < start[u + 1]; e++) {
            if (in[inOffset + index[e]] > in[inOffset + index[best]]) {
                best = e;
            }
        }
        return best;
    }

    /** Routes each output's gradient to its window's argmax (lowest kernel position on ties). */
    @Override
    public double[] backward(double[] input, double[] gradOut) {
        double[] gradIn = new double[input.length];
        int[] index = windows.inputIndex();
        for (int u = 0; u < windows.count(); u++) {
            gradIn[index[argmax(input, 0, u)]] += gradOut[u];
        }
        return gradIn;
    }

    /**
     * Walks each window's upper envelope along the segment: starting from the argmax at {@code r = 0} (ties
     * broken by the larger slope), repeatedly finds the earliest {@code r} at which an element with a larger
     * slope overtakes the current one (ties again to the larger slope) and reports it when it lies in (0, 1).
     *
     * <p>A window whose argmax at {@code r = 0} also attains the maximum at {@code r = 1} is skipped: the
     * envelope is convex and meets that element's affine function at both ends, so it is that function
     * throughout.
     */
    @Override
    public void crossings(double[] p, int pOffset, double[] q, int qOffset, RatioSink sink) {
        int[] start = windows.start();
        int[] index = windows.inputIndex();
        int units = windows.count();
        for (int u = 0; u < units; u++) {
            int first = start[u];
            int end = start[u + 1];
            int current = first;
            double currentValue = p[pOffset + index[first]];
            double currentEnd = q[qOffset + index[first]];
            double currentSlope = currentEnd - currentValue;
            double largestEnd = currentEnd;
            for (int e = first + 1; e < end; e++) {
                double a = p[pOffset + index[e]];
                double b = q[qOffset + index[e]];
                double d = b - a;
                largestEnd = Math.max(largestEnd, b);
                if (a > currentValue || (a == currentValue && d > currentSlope)) {
                    current = e;
                    currentValue = a;
                    currentEnd = b;
                    currentSlope = d;
                }
            }
            if (currentEnd >= largestEnd) {
                continue;
            }
            double r = 0.0;
            while (true) {
                int next = -1;
                double nextRatio = Double.POSITIVE_INFINITY;
                double nextSlope = 0.0;
                for (int e = first; e < end; e++) {
                    double a = p[pOffset + index[e]];
                    double d = q[qOffset + index[e]] - a;
                    if (d > currentSlope) {
                        double meet = Math.max(r, (currentValue - a) / (d - currentSlope));
                        if (meet < nextRatio || (meet == nextRatio && d > nextSlope)) {
                            next = e;
                            nextRatio = meet;
                            nextSlope = d;
                        }
                    }
                }
                if (next < 0 || nextRatio >= 1.0) {
                    break;
                }
                if (nextRatio > 0.0) {
                    sink.accept(nextRatio);
                }
                r = nextRatio;
                current = next;
                currentValue = p[pOffset + index[next]];
                currentSlope = nextSlope;
            }
        }
    }

    /** The kernel position {@code ky * kernelWidth + kx} of each window's argmax, lowest on ties. */
    @Override
    public void states(double[] point, int offset, int[] states) {
        int[] position = windows.kernelPosition();
        for (int u = 0; u < windows.count(); u++) {
            states[u] = position[argmax(point, offset, u)];
        }
    }

    @Override
    public int unitCount() {
        return windows.count();
    }

    @Override
    public int stateCount() {
        return window.size();
    }

    @Override
    public String describe() {
        return "MaxPool2d " + inputShape + "->" + outputShape() + " kernel " + window.kernelHeight() + "x"
                + window.kernelWidth() + " stride " + window.strideHeight() + "x" + window.strideWidth();
    }
}
