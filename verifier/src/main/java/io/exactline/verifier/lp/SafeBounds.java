package io.exactline.verifier.lp;

import java.util.Optional;

import org.apache.commons.numbers.fraction.BigFraction;

/**
 * Rigorous bounds on the optimum of a {@link LinearProgram} from an arbitrary dual vector, after Neumaier and
 * Shcherbina ("Safe bounds in linear and mixed-integer linear programming", Math. Programming 99, 2004).
 *
 * <h2>Derivation (minimisation)</h2>
 * Let {@code P = {x : a_i . x <= b_i (i in I), a_i . x = b_i (i in E), l <= x <= u}} and take any {@code y} with
 * {@code y_i <= 0} for {@code i in I} ({@code y_i} free for {@code i in E}). For {@code x in P} every term
 * {@code y_i (a_i . x - b_i)} is {@code >= 0} (a non-positive number times a non-positive one, or anything times
 * zero), so
 *
 * <pre>
 *   c . x  >=  c . x - y^T (A x - b)  =  r . x + y^T b,        r = c - A^T y,
 *          >=  sum_j min(r_j l_j, r_j u_j) + y^T b.
 * </pre>
 *
 * The right-hand side is a lower bound of {@code min c . x} over {@code P} for <em>every</em> such {@code y}, whether
 * or not it is optimal: a good dual only makes the bound tight. With {@code r_j} known only as an interval the
 * minimum is taken over the interval too. A term is {@code -inf} when {@code x_j} is unbounded on the side where
 * {@code r_j x_j} decreases, and 0 when {@code r_j} is exactly 0. A {@code y} of the wrong sign is first projected
 * ({@code y_i := min(y_i, 0)} on inequality rows), which keeps the bound valid; {@code NaN} entries count as 0.
 *
 * <h2>Maximisation</h2>
 * {@code max c . x = -min (-c) . x}. The duals of a maximisation follow the same sensitivity convention as
 * {@link LpResult.Optimal#duals()} ({@code y_i = d opt / d b_i}, so {@code y_i >= 0} on inequality rows); the bound
 * is {@code sum_j max(r_j l_j, r_j u_j) + y^T b} with {@code r = c - A^T y}, an upper bound of {@code max c . x}.
 *
 * <p>The objective constant {@code c0} is added in both cases. The double versions evaluate every operation with
 * {@link OutwardRounding} so the rounding errors only weaken the bound; the exact versions compute in
 * {@link BigFraction} from the doubles read as exact rationals, for certificates that a checker can replay.
 */
public final class SafeBounds {
    private SafeBounds() {
    }

    /**
     * A rigorous bound on the optimum of {@code lp} from {@code duals}: a lower bound for a minimisation, an upper
     * bound for a maximisation. It is {@code -inf} (minimisation) or {@code +inf} (maximisation) when the duals
     * leave a reduced cost on an infinite variable bound.
     *
     * @param duals one multiplier per row, in the convention of {@link LpResult.Optimal#duals()}
     */
    public static double objectiveBound(LinearProgram lp, double[] duals) {
        checkLength(lp, duals);
        int sign = lp.sense().sign();
        double[] c = new double[lp.variableCount()];
        for (int j = 0; j < c.length; j++) {
            c[j] = sign * lp.objective(j);
        }
        double[] y = projected(lp, duals, sign);
        double low = minimumLowerBound(lp, c, y);
        return sign == 1 ? OutwardRounding.addDown(low, lp.objectiveConstant())
                : OutwardRounding.addUp(-low, lp.objectiveConstant());
    }

    /**
     * The same bound as {@link #objectiveBound} computed exactly; empty when it is infinite.
     */
    public static Optional<BigFraction> exactObjectiveBound(LinearProgram lp, double[] duals) {
        checkLength(lp, duals);
        int sign = lp.sense().sign();
        BigFraction[] c = new BigFraction[lp.variableCount()];
        for (int j = 0; j < c.length; j++) {
            c[j] = BigFraction.from(sign * lp.objective(j));
        }
        double[] y = projected(lp, duals, sign);
        return exactMinimumLowerBound(lp, c, y).map(low -> (sign == 1 ? low : low.negate())
                .add(BigFraction.from(lp.objectiveConstant())));
    }

    /**
     * Multipliers in the minimisation convention: {@code sign * y}, then {@code <= 0} on inequality rows, NaN as 0.
     */
    static double[] projected(LinearProgram lp, double[] y, int sign) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            double v = Double.isNaN(y[i]) ? 0.0 : sign * y[i];
            boolean inequality = lp.constraints().get(i).relation() == LinearConstraint.Relation.LESS_OR_EQUAL;
            out[i] = inequality ? Math.min(v, 0.0) : v;
        }
        return out;
    }

    /**
     * A rounded-down value of {@code sum_j min over [l_j, u_j] of (c - A^T y)_j x_j + y^T b}, for {@code y} already
     * in the minimisation convention.
     */
    static double minimumLowerBound(LinearProgram lp, double[] c, double[] y) {
        int n = lp.variableCount();
        double[] sumLow = new double[n];
        double[] sumHigh = new double[n];
        double yb = 0.0;
        for (int i = 0; i < y.length; i++) {
            double yi = y[i];
            if (yi == 0.0) {
                continue;
            }
            LinearConstraint row = lp.constraints().get(i);
            for (int k = 0; k < row.size(); k++) {
                int j = row.index(k);
                double a = row.coefficient(k);
                sumLow[j] = OutwardRounding.addDown(sumLow[j], OutwardRounding.mulDown(a, yi));
                sumHigh[j] = OutwardRounding.addUp(sumHigh[j], OutwardRounding.mulUp(a, yi));
            }
            yb = OutwardRounding.addDown(yb, OutwardRounding.mulDown(yi, row.bound()));
        }
        double total = yb;
        for (int j = 0; j < n; j++) {
            double rLow = OutwardRounding.addDown(c[j], -sumHigh[j]);
            double rHigh = OutwardRounding.addUp(c[j], -sumLow[j]);
            total = OutwardRounding.addDown(total,
                    OutwardRounding.productMinimum(rLow, rHigh, lp.lower(j), lp.upper(j)));
        }
        return total;
    }

    /** The exact value of the bound of {@link #minimumLowerBound}; empty when it is {@code -inf}. */
    static Optional<BigFraction> exactMinimumLowerBound(LinearProgram lp, BigFraction[] c, double[] y) {
        int n = lp.variableCount();
        BigFraction[] r = c.clone();
        BigFraction total = BigFraction.ZERO;
        for (int i = 0; i < y.length; i++) {
            if (y[i] == 0.0) {
                continue;
            }
            BigFraction yi = BigFraction.from(y[i]);
            LinearConstraint row = lp.constraints().get(i);
            for (int k = 0; k < row.size(); k++) {
                int j = row.index(k);
                r[j] = r[j].subtract(BigFraction.from(row.coefficient(k)).multiply(yi));
            }
            total = total.add(yi.multiply(BigFraction.from(row.bound())));
        }
        for (int j = 0; j < n; j++) {
            int s = r[j].signum();
            if (s == 0) {
                continue;
            }
            double bound = s > 0 ? lp.lower(j) : lp.upper(j);
            if (Double.isInfinite(bound)) {
                return Optional.empty();
            }
            total = total.add(r[j].multiply(BigFraction.from(bound)));
        }
        return Optional.of(total);
    }

    private static void checkLength(LinearProgram lp, double[] duals) {
        if (duals.length != lp.constraintCount()) {
            throw new IllegalArgumentException("got " + duals.length + " dual values for a program with "
                    + lp.constraintCount() + " rows");
        }
    }
}
