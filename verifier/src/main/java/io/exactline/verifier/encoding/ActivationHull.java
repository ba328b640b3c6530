package io.exactline.verifier.encoding;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.numbers.fraction.BigFraction;

import io.exactline.core.Rationals;

/**
 * The convex hull of the graph {@code {(z, f(z)) : l <= z <= u}} of a piecewise-linear activation, as lines with
 * double coefficients (for ReLU: the triangle relaxation {@code y >= 0}, {@code y >= z},
 * {@code y <= u (z - l) / (u - l)}).
 *
 * <p>The graph's hull is the polygon through the points {@code (t, f(t))} for {@code t} in {@code l}, the
 * breakpoints inside {@code (l, u)}, and {@code u}: its lower chain gives lines {@code y >= ...}, its upper chain
 * lines {@code y <= ...}. Each edge's slope is rounded to a double and its intercept is then chosen, in exact
 * arithmetic and rounded outwards, so that the line lies on the correct side of all those points; since
 * {@code f} minus a line is piecewise linear with kinks only at the breakpoints, the line then holds on the whole
 * interval. The lines are thus valid for the exact real activation, whatever the rounding of their slopes.
 */
public final class ActivationHull {
    private ActivationHull() {
    }

    /**
     * The hull lines of {@code f} over {@code [l, u]} (finite, {@code l <= u}); empty when {@code f} is affine on
     * the interval (then the caller encodes it as an equation).
     */
    public static List<HullLine> of(ActivationPieces f, double l, double u) {
        List<BigFraction> ts = new ArrayList<>();
        ts.add(BigFraction.from(l));
        for (int s = 1; s < f.pieceCount(); s++) {
            double c = f.pieceLow(s);
            if (c > l && c < u) {
                ts.add(BigFraction.from(c));
            }
        }
        ts.add(BigFraction.from(u));
        List<BigFraction> fs = new ArrayList<>();
        for (BigFraction t : ts) {
            fs.add(f.apply(t));
        }
        List<HullLine> lines = new ArrayList<>();
        if (ts.size() == 2) {
            return lines;
        }
        for (boolean upper : new boolean[] {false, true}) {
            List<Integer> chain = chain(ts, fs, upper);
            for (int k = 0; k + 1 < chain.size(); k++) {
                int a = chain.get(k);
                int b = chain.get(k + 1);
                BigFraction exactSlope = fs.get(b).subtract(fs.get(a)).divide(ts.get(b).subtract(ts.get(a)));
                double slope = exactSlope.doubleValue();
                lines.add(new HullLine(slope, intercept(ts, fs, slope, upper), upper));
            }
        }
        return lines;
    }

    /**
     * The indices of the lower ({@code upper = false}) or upper convex chain of the points, left to right
     * (Andrew's monotone chain; collinear points dropped).
     */
    private static List<Integer> chain(List<BigFraction> ts, List<BigFraction> fs, boolean upper) {
        List<Integer> chain = new ArrayList<>();
        for (int i = 0; i < ts.size(); i++) {
            while (chain.size() >= 2) {
                int o = chain.get(chain.size() - 2);
                int a = chain.get(chain.size() - 1);
                int turn = cross(ts, fs, o, a, i);
                if (upper ? turn >= 0 : turn <= 0) {
                    chain.remove(chain.size() - 1);
                } else {
                    break;
                }
            }
            chain.add(i);
        }
        return chain;
    }

    /** The sign of the cross product of {@code (a - o)} and {@code (b - o)}: positive for a left turn. */
    private static int cross(List<BigFraction> ts, List<BigFraction> fs, int o, int a, int b) {
        BigFraction dx1 = ts.get(a).subtract(ts.get(o));
        BigFraction dy1 = fs.get(a).subtract(fs.get(o));
        BigFraction dx2 = ts.get(b).subtract(ts.get(o));
        BigFraction dy2 = fs.get(b).subtract(fs.get(o));
        return dx1.multiply(dy2).subtract(dy1.multiply(dx2)).signum();
    }

    /**
     * The intercept that puts the line of the given slope above ({@code upper}) or below all points: the extreme of
     * {@code f(t) - slope t}, rounded outwards to a double.
     */
    private static double intercept(List<BigFraction> ts, List<BigFraction> fs, double slope, boolean upper) {
        BigFraction s = BigFraction.from(slope);
        BigFraction best = null;
        for (int i = 0; i < ts.size(); i++) {
            BigFraction gap = fs.get(i).subtract(s.multiply(ts.get(i)));
            if (best == null || (upper ? Rationals.compare(gap, best) > 0 : Rationals.compare(gap, best) < 0)) {
                best = gap;
            }
        }
        return upper ? Rationals.roundUp(best) : Rationals.roundDown(best);
    }
}
