package io.exactline.verifier.bab;

import java.util.Arrays;
import java.util.Optional;

/**
 * Lagrangian multipliers for a conjunction of inequalities {@code g_q(x) <= 0} over a box, given linear lower bounds
 * {@code g_q(x) >= a_q . x + b_q}: nonnegative {@code m} (summing to about 1) that make
 * <pre>  phi(m) = min over the box of  sum_q m_q (a_q . x + b_q)</pre>
 * as large as possible. {@code phi} is concave and piecewise linear; if {@code phi(m) > 0}, no point of the box
 * satisfies the conjunction, and the combination {@code sum_q m_q g_q} is the single objective to prove positive.
 * By LP duality {@code max_m phi(m) = min_x max_q (a_q . x + b_q)}, so a positive maximum is exactly what closes a
 * box that no single inequality closes.
 *
 * <p>Found by mirror ascent (exponentiated supergradient steps on the simplex; the supergradient in {@code m_q} is
 * {@code a_q . x* + b_q} at the minimising corner {@code x*}); the multipliers are then rounded to multiples of
 * {@code 2^-10} of the largest, so that the combination of small integer coefficients stays exact. Only a heuristic
 * choice: the proof is the sound bound of the combination, computed afterwards.
 */
final class Multipliers {
    private static final int STEPS = 60;
    private static final double GRID = 1024.0;

    /**
     * The multipliers found and the bound they predict.
     *
     * @param multipliers one per inequality, {@code >= 0}, the largest 1
     * @param predicted {@code phi} of the multipliers, from the linear lower bounds (not itself sound)
     * @param corner the box corner minimising the combination, a candidate counterexample
     */
    record Choice(double[] multipliers, double predicted, double[] corner) {
    }

    private Multipliers() {
    }

    /**
     * Multipliers for the inequalities with linear lower bounds {@code a[q] . x + b[q]} over {@code [lo, hi]};
     * empty when the ascent finds none that predicts a positive bound.
     */
    static Optional<Choice> find(double[][] a, double[] b, double[] lo, double[] hi) {
        int m = b.length;
        double[] lambda = new double[m];
        Arrays.fill(lambda, 1.0 / m);
        double[] best = lambda.clone();
        double bestValue = Double.NEGATIVE_INFINITY;
        double[] g = new double[m];
        double[] x = new double[lo.length];
        for (int step = 0; step < STEPS; step++) {
            double value = evaluate(a, b, lo, hi, lambda, x);
            if (!Double.isFinite(value)) {
                return Optional.empty();
            }
            if (value > bestValue) {
                bestValue = value;
                best = lambda.clone();
            }
            double scale = 0.0;
            for (int q = 0; q < m; q++) {
                g[q] = b[q];
                for (int i = 0; i < x.length; i++) {
                    g[q] += a[q][i] * x[i];
                }
                scale = Math.max(scale, Math.abs(g[q]));
            }
            if (scale == 0.0) {
                break;
            }
            double eta = 1.0 / Math.sqrt(step + 1.0);
            double total = 0.0;
            for (int q = 0; q < m; q++) {
                lambda[q] *= Math.exp(eta * g[q] / scale);
                total += lambda[q];
            }
            for (int q = 0; q < m; q++) {
                lambda[q] = Math.max(lambda[q] / total, 1e-12);
            }
        }
        double top = 0.0;
        for (double l : best) {
            top = Math.max(top, l);
        }
        double[] rounded = new double[m];
        for (int q = 0; q < m; q++) {
            rounded[q] = Math.rint(best[q] / top * GRID) / GRID;
        }
        double predicted = evaluate(a, b, lo, hi, rounded, x);
        return predicted > 0.0 ? Optional.of(new Choice(rounded, predicted, x.clone())) : Optional.empty();
    }

    /** {@code phi(lambda)}, leaving the minimising corner in {@code x}. */
    private static double evaluate(double[][] a, double[] b, double[] lo, double[] hi, double[] lambda, double[] x) {
        double value = 0.0;
        for (int q = 0; q < b.length; q++) {
            value += lambda[q] * b[q];
        }
        for (int i = 0; i < x.length; i++) {
            double c = 0.0;
            for (int q = 0; q < b.length; q++) {
                c += lambda[q] * a[q][i];
            }
            x[i] = c > 0 ? lo[i] : hi[i];
            value += c * x[i];
        }
        return value;
    }
}
