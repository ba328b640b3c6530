package io.exactline.core.layer;

import io.exactline.core.line.RatioSink;
import io.exactline.core.network.Shape;

/**
 * A piecewise-linear function applied to every element on its own: {@link Relu}, {@link LeakyRelu},
 * {@link HardTanh}. The function has sorted breakpoints {@code c_1 < ... < c_m}; a unit's state is the number of
 * breakpoints strictly below its value, so state {@code s} means {@code c_s < x <= c_{s+1}} (ReLU: 0 inactive,
 * 1 active; a value exactly at a breakpoint belongs to the piece below).
 */
public sealed interface ElementwisePiecewiseLinear extends PiecewiseLinearLayer permits Relu, LeakyRelu, HardTanh {

    /** The sorted breakpoints. */
    double[] breakpoints();

    /** The function on one value. */
    double activate(double x);

    /** The slope of the piece {@code x} is on (the piece below at a breakpoint). */
    double slope(double x);

    @Override
    default Shape outputShape() {
        return inputShape();
    }

    @Override
    default void apply(double[] in, int inOffset, double[] out, int outOffset) {
        int n = inputShape().size();
        for (int i = 0; i < n; i++) {
            out[outOffset + i] = activate(in[inOffset + i]);
        }
    }

    @Override
    default double[] backward(double[] input, double[] gradOut) {
        double[] gradIn = new double[input.length];
        for (int i = 0; i < input.length; i++) {
            gradIn[i] = slope(input[i]) * gradOut[i];
        }
        return gradIn;
    }

    @Override
    default void crossings(double[] p, int pOffset, double[] q, int qOffset, RatioSink sink) {
        double[] cuts = breakpoints();
        int n = inputShape().size();
        for (int i = 0; i < n; i++) {
            double a = p[pOffset + i];
            double b = q[qOffset + i];
            for (double c : cuts) {
                double da = a - c;
                double db = b - c;
                if ((da < 0 && db > 0) || (da > 0 && db < 0)) {
                    sink.accept(da / (da - db));
                }
            }
        }
    }

    @Override
    default void states(double[] point, int offset, int[] states) {
        double[] cuts = breakpoints();
        int n = inputShape().size();
        for (int i = 0; i < n; i++) {
            double x = point[offset + i];
            int s = 0;
            while (s < cuts.length && x > cuts[s]) {
                s++;
            }
            states[i] = s;
        }
    }

    @Override
    default int unitCount() {
        return inputShape().size();
    }

    @Override
    default int stateCount() {
        return breakpoints().length + 1;
    }
}
