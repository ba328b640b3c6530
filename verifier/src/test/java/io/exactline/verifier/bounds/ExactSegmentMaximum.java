package io.exactline.verifier.bounds;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.numbers.fraction.BigFraction;

import io.exactline.core.layer.Dense;
import io.exactline.core.layer.ElementwiseAffine;
import io.exactline.core.layer.HardTanh;
import io.exactline.core.layer.Layer;
import io.exactline.core.layer.LeakyRelu;
import io.exactline.core.layer.Relu;
import io.exactline.core.network.Network;

/**
 * The exact maximum of a network output over a segment {@code [a, b]} of a one-input network, in rational
 * arithmetic: the segment is cut at every point where some unit crosses a breakpoint (the exact linear regions,
 * as ExactLine finds them, but with {@link BigFraction} crossing points), so each output is affine between
 * consecutive cut points and its maximum is attained at one of them.
 *
 * <p>Comparisons go through {@link #compare}: {@code BigFraction.compareTo} of commons-numbers 1.2 compares the
 * magnitudes of two negative fractions without flipping the sign (it says {@code -7/10 < -589/100}).
 */
final class ExactSegmentMaximum {
    private ExactSegmentMaximum() {
    }

    /** {@code max f_output(x)} over {@code a <= x <= b}. */
    static BigFraction maximum(Network network, double a, double b, int output) {
        List<BigFraction[]> points = new ArrayList<>();
        points.add(new BigFraction[] {BigFraction.from(a)});
        points.add(new BigFraction[] {BigFraction.from(b)});
        for (Layer layer : network.layers()) {
            double[] cuts = breakpoints(layer);
            if (cuts.length > 0) {
                points = refine(points, cuts);
            }
            List<BigFraction[]> mapped = new ArrayList<>(points.size());
            for (BigFraction[] p : points) {
                mapped.add(apply(layer, p));
            }
            points = mapped;
        }
        BigFraction best = points.get(0)[output];
        for (BigFraction[] p : points) {
            if (compare(p[output], best) > 0) {
                best = p[output];
            }
        }
        return best;
    }

    /** The sign of {@code a - b}, computed correctly for negative fractions too. */
    static int compare(BigFraction a, BigFraction b) {
        return a.subtract(b).signum();
    }

    private static double[] breakpoints(Layer layer) {
        if (layer instanceof Relu || layer instanceof LeakyRelu) {
            return new double[] {0.0};
        }
        if (layer instanceof HardTanh clip) {
            return new double[] {clip.min(), clip.max()};
        }
        return new double[0];
    }

    /** Inserts, between consecutive points, every point where a unit crosses a breakpoint, in order. */
    private static List<BigFraction[]> refine(List<BigFraction[]> points, double[] cuts) {
        List<BigFraction[]> out = new ArrayList<>();
        for (int s = 0; s + 1 < points.size(); s++) {
            BigFraction[] p = points.get(s);
            BigFraction[] q = points.get(s + 1);
            out.add(p);
            List<BigFraction> ratios = new ArrayList<>();
            for (int j = 0; j < p.length; j++) {
                for (double cut : cuts) {
                    BigFraction c = BigFraction.from(cut);
                    BigFraction dp = p[j].subtract(c);
                    BigFraction dq = q[j].subtract(c);
                    if (dp.signum() * dq.signum() < 0) {
                        ratios.add(dp.divide(dp.subtract(dq)));
                    }
                }
            }
            ratios.sort(ExactSegmentMaximum::compare);
            for (BigFraction r : ratios) {
                BigFraction[] x = new BigFraction[p.length];
                for (int j = 0; j < p.length; j++) {
                    x[j] = p[j].add(q[j].subtract(p[j]).multiply(r));
                }
                out.add(x);
            }
        }
        out.add(points.get(points.size() - 1));
        return out;
    }

    private static BigFraction[] apply(Layer layer, BigFraction[] in) {
        if (layer instanceof Dense dense) {
            double[][] w = dense.weights();
            double[] bias = dense.bias();
            BigFraction[] out = new BigFraction[w.length];
            for (int j = 0; j < w.length; j++) {
                BigFraction s = BigFraction.from(bias[j]);
                for (int k = 0; k < in.length; k++) {
                    s = s.add(BigFraction.from(w[j][k]).multiply(in[k]));
                }
                out[j] = s;
            }
            return out;
        }
        if (layer instanceof ElementwiseAffine affine) {
            double[] scale = affine.scale();
            double[] shift = affine.shift();
            BigFraction[] out = new BigFraction[in.length];
            for (int j = 0; j < in.length; j++) {
                out[j] = BigFraction.from(scale[j]).multiply(in[j]).add(BigFraction.from(shift[j]));
            }
            return out;
        }
        BigFraction[] out = new BigFraction[in.length];
        for (int j = 0; j < in.length; j++) {
            BigFraction z = in[j];
            if (layer instanceof Relu) {
                out[j] = z.signum() > 0 ? z : BigFraction.ZERO;
            } else if (layer instanceof LeakyRelu leaky) {
                out[j] = z.signum() > 0 ? z : BigFraction.from(leaky.alpha()).multiply(z);
            } else if (layer instanceof HardTanh clip) {
                BigFraction min = BigFraction.from(clip.min());
                BigFraction max = BigFraction.from(clip.max());
                out[j] = compare(z, min) <= 0 ? min : compare(z, max) >= 0 ? max : z;
            } else {
                throw new IllegalArgumentException("no exact segment maximum through " + layer.describe());
            }
        }
        return out;
    }
}
