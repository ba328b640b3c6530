package io.exactline.core.layer;

import java.util.Arrays;

import io.exactline.core.line.RatioSink;
import io.exactline.core.network.Shape;

/**
 * Clips every element to its own interval, {@code y_i = min(max(x_i, lo_i), hi_i)}: the projection onto the box
 * {@code [lo, hi]}. The .nnet format clips its inputs this way before normalising them. {@link HardTanh} is the
 * special case of one interval shared by all elements.
 *
 * <p>Each element is a unit with three pieces, encoded as in {@link HardTanh}: state 0 clipped low
 * ({@code x_i <= lo_i}), 1 passed through ({@code lo_i < x_i <= hi_i}), 2 clipped high ({@code x_i > hi_i}).
 * An element with {@code lo_i == hi_i} is constant; its middle piece is empty.
 */
public final class BoxClip implements PiecewiseLinearLayer {
    private final Shape shape;
    private final double[] lower;
    private final double[] upper;

    /**
     * @param shape input and output shape
     * @param lower {@code lo}, one finite bound per element
     * @param upper {@code hi}, one finite bound per element, {@code hi_i >= lo_i}
     */
    public BoxClip(Shape shape, double[] lower, double[] upper) {
        int n = shape.size();
        if (lower.length != n || upper.length != n) {
            throw new IllegalArgumentException("box clip over " + shape + " (" + n + " elements) got "
                    + lower.length + " lower and " + upper.length + " upper bounds");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(lower[i]) || !Double.isFinite(upper[i]) || lower[i] > upper[i]) {
                throw new IllegalArgumentException("box clip element " + i + " needs finite bounds lo <= hi, got ["
                        + lower[i] + ", " + upper[i] + "]");
            }
        }
        this.shape = shape;
        this.lower = lower.clone();
        this.upper = upper.clone();
    }

    /** A copy of the lower bounds {@code lo}. */
    public double[] lower() {
        return lower.clone();
    }

    /** A copy of the upper bounds {@code hi}. */
    public double[] upper() {
        return upper.clone();
    }

    @Override
    public Shape inputShape() {
        return shape;
    }

    @Override
    public Shape outputShape() {
        return shape;
    }

    @Override
    public void apply(double[] in, int inOffset, double[] out, int outOffset) {
        for (int i = 0; i < lower.length; i++) {
            double x = in[inOffset + i];
            out[outOffset + i] = x <= lower[i] ? lower[i] : Math.min(x, upper[i]);
        }
    }

    /** Passes the gradient of elements strictly inside their interval or at its upper end (the piece below). */
    @Override
    public double[] backward(double[] input, double[] gradOut) {
        double[] gradIn = new double[lower.length];
        for (int i = 0; i < lower.length; i++) {
            double x = input[i];
            gradIn[i] = x > lower[i] && x <= upper[i] ? gradOut[i] : 0.0;
        }
        return gradIn;
    }

    @Override
    public void crossings(double[] p, int pOffset, double[] q, int qOffset, RatioSink sink) {
        for (int i = 0; i < lower.length; i++) {
            double a = p[pOffset + i];
            double b = q[qOffset + i];
            report(a - lower[i], b - lower[i], sink);
            report(a - upper[i], b - upper[i], sink);
        }
    }

    private static void report(double da, double db, RatioSink sink) {
        if ((da < 0 && db > 0) || (da > 0 && db < 0)) {
            sink.accept(da / (da - db));
        }
    }

    @Override
    public void states(double[] point, int offset, int[] states) {
        for (int i = 0; i < lower.length; i++) {
            double x = point[offset + i];
            states[i] = x <= lower[i] ? 0 : x <= upper[i] ? 1 : 2;
        }
    }

    @Override
    public int unitCount() {
        return lower.length;
    }

    @Override
    public int stateCount() {
        return 3;
    }

    @Override
    public String describe() {
        return "BoxClip " + shape + " lo " + Arrays.toString(lower) + " hi " + Arrays.toString(upper);
    }
}
