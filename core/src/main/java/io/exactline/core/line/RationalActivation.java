package io.exactline.core.line;

import java.math.BigInteger;
import java.util.function.Consumer;

import org.apache.commons.numbers.fraction.BigFraction;

import io.exactline.core.Rationals;
import io.exactline.core.layer.ElementwisePiecewiseLinear;
import io.exactline.core.layer.HardTanh;
import io.exactline.core.layer.LeakyRelu;
import io.exactline.core.layer.Relu;
import io.exactline.core.network.UnsupportedNetworkException;

/**
 * An element-wise piecewise-linear function held exactly: breakpoints {@code c_1 < ... < c_m} and, on piece
 * {@code s} ({@code c_s < x <= c_{s+1}}, the state of {@link ElementwisePiecewiseLinear}), the affine function
 * {@code slope_s x + intercept_s}; all dyadic, stored as integers over one power of two {@code 2^shift}.
 */
final class RationalActivation implements RationalPiecewiseLinear {
    private final int size;
    private final int shift;
    private final BigInteger[] breakpoints;
    private final BigInteger[] slopes;
    private final BigInteger[] intercepts;

    private RationalActivation(int size, double[] breakpoints, double[] slopes, double[] intercepts) {
        this.size = size;
        BigFraction[][] exact = {exact(breakpoints), exact(slopes), exact(intercepts)};
        int common = 0;
        for (BigFraction[] values : exact) {
            for (BigFraction v : values) {
                common = Math.max(common, Dyadic.exponent(v));
            }
        }
        this.shift = common;
        this.breakpoints = scaled(exact[0], common);
        this.slopes = scaled(exact[1], common);
        this.intercepts = scaled(exact[2], common);
    }

    static RationalActivation of(ElementwisePiecewiseLinear layer) {
        int size = layer.unitCount();
        if (layer instanceof Relu) {
            return new RationalActivation(size, new double[] {0}, new double[] {0, 1}, new double[] {0, 0});
        }
        if (layer instanceof LeakyRelu leaky) {
            return new RationalActivation(size, new double[] {0}, new double[] {leaky.alpha(), 1},
                    new double[] {0, 0});
        }
        if (layer instanceof HardTanh clip) {
            return new RationalActivation(size, new double[] {clip.min(), clip.max()}, new double[] {0, 1, 0},
                    new double[] {clip.min(), 0, clip.max()});
        }
        throw new UnsupportedNetworkException("exact ExactLine has no rational form of " + layer.describe());
    }

    private static BigFraction[] exact(double[] values) {
        BigFraction[] exact = new BigFraction[values.length];
        for (int i = 0; i < values.length; i++) {
            exact[i] = BigFraction.from(values[i]);
        }
        return exact;
    }

    private static BigInteger[] scaled(BigFraction[] values, int shift) {
        BigInteger[] scaled = new BigInteger[values.length];
        for (int i = 0; i < values.length; i++) {
            scaled[i] = Dyadic.scaled(values[i], shift);
        }
        return scaled;
    }

    @Override
    public int unitCount() {
        return size;
    }

    /** {@code (x_i - c_k) * denominator * 2^shift}: an integer with the sign of {@code x_i - c_k}. */
    private BigInteger offsetFrom(ExactVector x, int i, int k) {
        return x.numerator(i).shiftLeft(shift).subtract(breakpoints[k].multiply(x.denominator()));
    }

    @Override
    public void crossings(ExactVector p, ExactVector q, Consumer<BigFraction> sink) {
        for (int i = 0; i < size; i++) {
            for (int k = 0; k < breakpoints.length; k++) {
                BigInteger a = offsetFrom(p, i, k);
                BigInteger b = offsetFrom(q, i, k);
                if (a.signum() * b.signum() < 0) {
                    // (x_p - c) / (x_p - x_q) with x_p - c = a / (Dp 2^shift) and x_q - c = b / (Dq 2^shift).
                    BigInteger aq = a.multiply(q.denominator());
                    sink.accept(Rationals.of(aq, aq.subtract(b.multiply(p.denominator()))));
                }
            }
        }
    }

    @Override
    public void states(ExactVector x, int[] states) {
        for (int i = 0; i < size; i++) {
            states[i] = state(x, i);
        }
    }

    /** The number of breakpoints strictly below {@code x_i}. */
    private int state(ExactVector x, int i) {
        int s = 0;
        while (s < breakpoints.length && offsetFrom(x, i, s).signum() > 0) {
            s++;
        }
        return s;
    }

    @Override
    public ExactVector apply(ExactVector x) {
        BigInteger denominator = x.denominator();
        BigInteger[] y = new BigInteger[size];
        for (int i = 0; i < size; i++) {
            int s = state(x, i);
            y[i] = slopes[s].multiply(x.numerator(i)).add(intercepts[s].multiply(denominator));
        }
        return ExactVector.of(y, denominator, shift);
    }
}
