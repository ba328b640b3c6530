package io.exactline.verifier.encoding;

import java.util.Arrays;

import org.apache.commons.numbers.fraction.BigFraction;

import io.exactline.core.Rationals;
import io.exactline.core.layer.ElementwisePiecewiseLinear;
import io.exactline.core.layer.HardTanh;
import io.exactline.core.layer.LeakyRelu;
import io.exactline.core.layer.Relu;
import io.exactline.core.network.UnsupportedNetworkException;
import io.exactline.verifier.lp.OutwardRounding;

/**
 * An element-wise piecewise-linear activation as its affine pieces: piece {@code s} is
 * {@code f(z) = slope_s z + intercept_s} on the closed interval {@code [c_s, c_{s+1}]}, where
 * {@code c_0 = -inf < c_1 < ... < c_m < c_{m+1} = +inf} are the activation's breakpoints. Adjacent pieces agree at
 * their common breakpoint (the activations are continuous), so the closed pieces describe the function exactly.
 * The piece index is the unit state of {@link io.exactline.core.layer.PiecewiseLinearLayer#states}. All numbers
 * are doubles taken from the layer and read as exact rationals. Immutable.
 */
public final class ActivationPieces {
    private final double[] breakpoints;
    private final double[] slopes;
    private final double[] intercepts;

    private ActivationPieces(double[] breakpoints, double[] slopes, double[] intercepts) {
        this.breakpoints = breakpoints;
        this.slopes = slopes;
        this.intercepts = intercepts;
    }

    /**
     * The pieces of a ReLU, leaky ReLU or hard tanh layer's activation.
     *
     * @throws UnsupportedNetworkException for any other activation
     */
    public static ActivationPieces of(ElementwisePiecewiseLinear activation) {
        if (activation instanceof Relu) {
            return new ActivationPieces(new double[] {0.0}, new double[] {0.0, 1.0}, new double[] {0.0, 0.0});
        }
        if (activation instanceof LeakyRelu leaky) {
            return new ActivationPieces(new double[] {0.0}, new double[] {leaky.alpha(), 1.0},
                    new double[] {0.0, 0.0});
        }
        if (activation instanceof HardTanh clip) {
            return new ActivationPieces(new double[] {clip.min(), clip.max()}, new double[] {0.0, 1.0, 0.0},
                    new double[] {clip.min(), 0.0, clip.max()});
        }
        throw new UnsupportedNetworkException("no exact encoding for activation " + activation.describe()
                + "; supported are ReLU, leaky ReLU and hard tanh (Clip)");
    }

    /** Number of pieces, {@code m + 1}. */
    public int pieceCount() {
        return slopes.length;
    }

    /** The lower end {@code c_s} of piece {@code s}, {@code -inf} for the first. */
    public double pieceLow(int s) {
        return s == 0 ? Double.NEGATIVE_INFINITY : breakpoints[s - 1];
    }

    /** The upper end {@code c_{s+1}} of piece {@code s}, {@code +inf} for the last. */
    public double pieceHigh(int s) {
        return s == breakpoints.length ? Double.POSITIVE_INFINITY : breakpoints[s];
    }

    /** The slope of piece {@code s}. */
    public double slope(int s) {
        return slopes[s];
    }

    /** The intercept of piece {@code s}. */
    public double intercept(int s) {
        return intercepts[s];
    }

    /** The piece of {@code z} in the convention of the core layers: the number of breakpoints strictly below. */
    public int pieceOf(BigFraction z) {
        int s = 0;
        while (s < breakpoints.length && Rationals.compare(z, Rationals.exact(breakpoints[s])) > 0) {
            s++;
        }
        return s;
    }

    /** {@code f(z)} in exact arithmetic. */
    public BigFraction apply(BigFraction z) {
        int s = pieceOf(z);
        return Rationals.exact(slopes[s]).multiply(z).add(Rationals.exact(intercepts[s]));
    }

    /**
     * A rigorous enclosure {@code {low, high}} of {@code f([zLow, zHigh])}: the extremes over the interval's ends and
     * the breakpoints inside it, each evaluated with outward rounding. Ends may be infinite.
     */
    public double[] image(double zLow, double zHigh) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < slopes.length; s++) {
            double from = Math.max(zLow, pieceLow(s));
            double to = Math.min(zHigh, pieceHigh(s));
            if (from > to) {
                continue;
            }
            for (double z : new double[] {from, to}) {
                low = Math.min(low, OutwardRounding.addDown(OutwardRounding.mulDown(slopes[s], z), intercepts[s]));
                high = Math.max(high, OutwardRounding.addUp(OutwardRounding.mulUp(slopes[s], z), intercepts[s]));
            }
        }
        return new double[] {low, high};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActivationPieces p && Arrays.equals(breakpoints, p.breakpoints)
                && Arrays.equals(slopes, p.slopes) && Arrays.equals(intercepts, p.intercepts);
    }

    @Override
    public int hashCode() {
        return (Arrays.hashCode(breakpoints) * 31 + Arrays.hashCode(slopes)) * 31 + Arrays.hashCode(intercepts);
    }

    @Override
    public String toString() {
        return "ActivationPieces[breakpoints=" + Arrays.toString(breakpoints) + ", slopes=" + Arrays.toString(slopes)
                + ", intercepts=" + Arrays.toString(intercepts) + "]";
    }
}
