package io.exactline.verifier.bounds;

import io.exactline.core.layer.ElementwisePiecewiseLinear;
import io.exactline.core.layer.HardTanh;
import io.exactline.core.layer.LeakyRelu;
import io.exactline.core.layer.Relu;

/**
 * An element-wise piecewise-linear activation {@code f} given by its pieces: sorted breakpoints
 * {@code c_1 < ... < c_m} and on piece {@code s} (the closed interval {@code [c_s, c_{s+1}]}, with
 * {@code c_0 = -inf} and {@code c_{m+1} = +inf}) the exact affine function {@code f(z) = a_s z + d_s}.
 * ReLU is {@code c = (0)}, {@code a = (0, 1)}, {@code d = (0, 0)}. The piece numbering is the state encoding of
 * {@link ElementwisePiecewiseLinear#states} (ReLU: 0 inactive, 1 active).
 *
 * <p><b>Relaxation.</b> On a pre-activation interval {@code [l, u]} a unit gets two lines
 * {@code sL z + tL <= f(z) <= sU z + tU}. If no breakpoint lies strictly inside {@code (l, u)} both are the exact
 * piece. Otherwise the slopes are chosen (triangle upper chord and adaptive or given lower slope for a convex
 * function with one kink, mirrored for a concave one, chords for the rest) and the offsets are computed
 * soundly: since {@code f} minus a line is piecewise linear, its extremes over {@code [l, u]} lie at {@code l},
 * {@code u} or a breakpoint between them, so {@code tU = max_v (f(v) - sU v)} and {@code tL = min_v (f(v) - sL v)}
 * over those vertices, each evaluated with outward rounding, make the lines valid whatever slopes were chosen.
 * An infinite end forces the slope of the outermost piece on that side.
 */
final class ActivationOp implements Op {
    private static final double KAPPA3 = Rounding.kappa(3);
    private static final double TINY3 = Rounding.tinyTerm(3);

    private final int size;
    private final double[] breakpoints;
    private final double[] slopes;
    private final double[] intercepts;
    /** +1: one kink at 0 with f(0) = 0 and a_0 < a_1 (ReLU, leaky ReLU with alpha < 1); -1 the concave mirror. */
    private final int kinkAtOrigin;

    ActivationOp(int size, double[] breakpoints, double[] slopes, double[] intercepts) {
        this.size = size;
        this.breakpoints = breakpoints.clone();
        this.slopes = slopes.clone();
        this.intercepts = intercepts.clone();
        if (breakpoints.length == 1 && breakpoints[0] == 0.0 && intercepts[0] == 0.0 && intercepts[1] == 0.0
                && slopes[0] != slopes[1]) {
            this.kinkAtOrigin = slopes[0] < slopes[1] ? 1 : -1;
        } else {
            this.kinkAtOrigin = 0;
        }
    }

    /** The pieces of a core activation layer. */
    static ActivationOp of(ElementwisePiecewiseLinear layer) {
        int n = layer.unitCount();
        if (layer instanceof Relu) {
            return new ActivationOp(n, new double[] {0.0}, new double[] {0.0, 1.0}, new double[] {0.0, 0.0});
        }
        if (layer instanceof LeakyRelu leaky) {
            return new ActivationOp(n, new double[] {0.0}, new double[] {leaky.alpha(), 1.0},
                    new double[] {0.0, 0.0});
        }
        HardTanh clip = (HardTanh) layer;
        return new ActivationOp(n, new double[] {clip.min(), clip.max()}, new double[] {0.0, 1.0, 0.0},
                new double[] {clip.min(), 0.0, clip.max()});
    }

    @Override
    public int inputSize() {
        return size;
    }

    @Override
    public int outputSize() {
        return size;
    }

    /** Number of pieces, the number of states a unit can be fixed to. */
    int pieceCount() {
        return slopes.length;
    }

    /** Whether the lower line's slope is free in {@code [a_0, a_1]} with offset 0 (alpha-CROWN applies). */
    boolean convexKinkAtOrigin() {
        return kinkAtOrigin == 1;
    }

    /** The slopes {@code a_0} and {@code a_1} of a function with {@link #convexKinkAtOrigin()}. */
    double slopeBelow() {
        return slopes[0];
    }

    double slopeAbove() {
        return slopes[1];
    }

    /** Lower end of piece {@code s}: {@code c_s}, {@code -inf} for the first piece. */
    double pieceStart(int s) {
        return s == 0 ? Double.NEGATIVE_INFINITY : breakpoints[s - 1];
    }

    /** Upper end of piece {@code s}: {@code c_{s+1}}, {@code +inf} for the last piece. */
    double pieceEnd(int s) {
        return s == breakpoints.length ? Double.POSITIVE_INFINITY : breakpoints[s];
    }

    /** The piece containing all of {@code [l, u]}, or -1 if a breakpoint lies strictly inside. */
    int pieceOf(double l, double u) {
        int s = 0;
        while (s < breakpoints.length && breakpoints[s] < u) {
            s++;
        }
        return s == 0 || l >= breakpoints[s - 1] ? s : -1;
    }

    /** The piece containing {@code v} (the lower one at a breakpoint). */
    private int pieceAt(double v) {
        int s = 0;
        while (s < breakpoints.length && breakpoints[s] < v) {
            s++;
        }
        return s;
    }

    /**
     * Writes the relaxation of unit {@code j} on {@code [l, u]} into the four arrays. {@code state} is the fixed
     * piece or -1; {@code lowerSlope} is the slope of the lower line for a unit with {@link #convexKinkAtOrigin()}
     * that is not stable, NaN to choose it adaptively (the slope of the piece covering more of the interval).
     */
    void relax(int j, double l, double u, int state, double lowerSlope, double[] sL, double[] tL, double[] sU,
            double[] tU) {
        int piece = state >= 0 ? state : pieceOf(l, u);
        if (piece >= 0) {
            sL[j] = slopes[piece];
            sU[j] = slopes[piece];
            tL[j] = intercepts[piece];
            tU[j] = intercepts[piece];
            return;
        }
        double chord = chord(l, u);
        double upperSlope;
        double lowerLineSlope;
        if (kinkAtOrigin == 1) {
            upperSlope = chord;
            lowerLineSlope = Double.isNaN(lowerSlope) ? (u > -l ? slopes[1] : slopes[0]) : lowerSlope;
        } else if (kinkAtOrigin == -1) {
            lowerLineSlope = chord;
            upperSlope = Double.isNaN(lowerSlope) ? (u > -l ? slopes[1] : slopes[0]) : lowerSlope;
        } else {
            upperSlope = chord;
            lowerLineSlope = chord;
        }
        double first = slopes[0];
        double last = slopes[slopes.length - 1];
        if (u == Double.POSITIVE_INFINITY) {
            upperSlope = last;
            lowerLineSlope = last;
        } else if (l == Double.NEGATIVE_INFINITY) {
            upperSlope = first;
            lowerLineSlope = first;
        }
        boolean impossible = l == Double.NEGATIVE_INFINITY && u == Double.POSITIVE_INFINITY && first != last;
        sL[j] = lowerLineSlope;
        sU[j] = upperSlope;
        tL[j] = impossible ? Double.NEGATIVE_INFINITY : offset(l, u, lowerLineSlope, false);
        tU[j] = impossible ? Double.POSITIVE_INFINITY : offset(l, u, upperSlope, true);
    }

    /** {@code (f(u) - f(l)) / (u - l)} in plain floating point (any slope is sound; this one is near optimal). */
    private double chord(double l, double u) {
        if (!Double.isFinite(l) || !Double.isFinite(u)) {
            return 0.0;
        }
        double fl = slopes[pieceAt(l)] * l + intercepts[pieceAt(l)];
        double fu = slopes[pieceAt(u)] * u + intercepts[pieceAt(u)];
        return (fu - fl) / (u - l);
    }

    /**
     * {@code max} (upper) or {@code min} (lower) of {@code f(v) - s v} over the finite vertices of {@code [l, u]},
     * rounded outward.
     */
    private double offset(double l, double u, double s, boolean upper) {
        double best = upper ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        if (Double.isFinite(l)) {
            best = pick(best, gap(pieceAt(l), s, l, upper), upper);
        }
        if (Double.isFinite(u)) {
            best = pick(best, gap(pieceAt(u), s, u, upper), upper);
        }
        for (int i = 0; i < breakpoints.length; i++) {
            double c = breakpoints[i];
            if (c > l && c < u) {
                best = pick(best, gap(i + 1, s, c, upper), upper);
            }
        }
        return best;
    }

    private static double pick(double best, double value, boolean upper) {
        return upper ? Math.max(best, value) : Math.min(best, value);
    }

    /** {@code a_p v + d_p - s v} rounded up or down. */
    private double gap(int p, double s, double v, boolean upper) {
        double a = slopes[p];
        double d = intercepts[p];
        if (a == s) {
            return d;
        }
        double t1 = a * v;
        double t2 = s * v;
        double e = t1 + d - t2;
        double err = Rounding.slack(KAPPA3, TINY3, Math.abs(t1) + Math.abs(d) + Math.abs(t2));
        return upper ? Rounding.up(e + err) : Rounding.down(e - err);
    }

    /** {@code f(v)} rounded up or down; {@code v} may be infinite. */
    private double value(double v, boolean upper) {
        int p = pieceAt(v);
        double a = slopes[p];
        double d = intercepts[p];
        if (a == 0.0) {
            return d;
        }
        if (Double.isInfinite(v)) {
            return a > 0 == v > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        if (a == 1.0 && d == 0.0) {
            return v;
        }
        double t = a * v;
        double e = t + d;
        double err = Rounding.slack(KAPPA3, TINY3, Math.abs(t) + Math.abs(d));
        return upper ? Rounding.up(e + err) : Rounding.down(e - err);
    }

    /**
     * The interval image {@code [min f, max f]} over {@code [l, u]}, rounded outward, written to index {@code j}
     * of {@code outLo, outHi}.
     */
    void interval(int j, double l, double u, double[] outLo, double[] outHi) {
        double lo = Math.min(value(l, false), value(u, false));
        double hi = Math.max(value(l, true), value(u, true));
        for (double c : breakpoints) {
            if (c > l && c < u) {
                lo = Math.min(lo, value(c, false));
                hi = Math.max(hi, value(c, true));
            }
        }
        outLo[j] = lo;
        outHi[j] = hi;
    }
}
