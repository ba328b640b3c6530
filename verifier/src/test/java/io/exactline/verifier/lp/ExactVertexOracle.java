package io.exactline.verifier.lp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.numbers.fraction.BigFraction;

import io.exactline.core.Rationals;

/**
 * Independent exact truth for tiny bounded LPs: the optimum over all vertices of the feasible polytope, found by
 * solving every choice of {@code n} active constraints (rows and variable bounds) in exact rationals.
 */
final class ExactVertexOracle {
    private ExactVertexOracle() {
    }

    /** The exact optimum of {@code lp} (all variable bounds finite), or empty when it is infeasible. */
    static Optional<BigFraction> optimum(LinearProgram lp) {
        int n = lp.variableCount();
        List<BigFraction[]> hyperplanes = new ArrayList<>();
        for (LinearConstraint row : lp.constraints()) {
            BigFraction[] h = zeros(n + 1);
            for (int k = 0; k < row.size(); k++) {
                h[row.index(k)] = BigFraction.from(row.coefficient(k));
            }
            h[n] = BigFraction.from(row.bound());
            hyperplanes.add(h);
        }
        for (int j = 0; j < n; j++) {
            BigFraction[] low = zeros(n + 1);
            low[j] = BigFraction.ONE;
            low[n] = BigFraction.from(lp.lower(j));
            hyperplanes.add(low);
            BigFraction[] high = zeros(n + 1);
            high[j] = BigFraction.ONE;
            high[n] = BigFraction.from(lp.upper(j));
            hyperplanes.add(high);
        }
        BigFraction best = null;
        int[] choice = new int[n];
        for (boolean more = first(choice, hyperplanes.size()); more; more = next(choice, hyperplanes.size())) {
            Optional<BigFraction[]> vertex = solve(hyperplanes, choice, n);
            if (vertex.isEmpty() || !feasible(lp, vertex.get())) {
                continue;
            }
            BigFraction value = BigFraction.from(lp.objectiveConstant());
            for (int j = 0; j < n; j++) {
                value = value.add(BigFraction.from(lp.objective(j)).multiply(vertex.get()[j]));
            }
            if (best == null || Rationals.compare(value, best) * lp.sense().sign() < 0) {
                best = value;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether {@code x} satisfies every row and bound of {@code lp} exactly. */
    static boolean feasible(LinearProgram lp, BigFraction[] x) {
        for (int j = 0; j < x.length; j++) {
            if (Rationals.compare(x[j], BigFraction.from(lp.lower(j))) < 0
                    || Rationals.compare(x[j], BigFraction.from(lp.upper(j))) > 0) {
                return false;
            }
        }
        for (LinearConstraint row : lp.constraints()) {
            BigFraction sum = BigFraction.ZERO;
            for (int k = 0; k < row.size(); k++) {
                sum = sum.add(BigFraction.from(row.coefficient(k)).multiply(x[row.index(k)]));
            }
            int c = Rationals.compare(sum, BigFraction.from(row.bound()));
            if (row.relation() == LinearConstraint.Relation.EQUAL ? c != 0 : c > 0) {
                return false;
            }
        }
        return true;
    }

    private static Optional<BigFraction[]> solve(List<BigFraction[]> planes, int[] choice, int n) {
        BigFraction[][] m = new BigFraction[n][];
        for (int i = 0; i < n; i++) {
            m[i] = planes.get(choice[i]).clone();
        }
        for (int col = 0; col < n; col++) {
            int pivot = -1;
            for (int r = col; r < n; r++) {
                if (!m[r][col].isZero()) {
                    pivot = r;
                    break;
                }
            }
            if (pivot < 0) {
                return Optional.empty();
            }
            BigFraction[] tmp = m[col];
            m[col] = m[pivot];
            m[pivot] = tmp;
            for (int r = 0; r < n; r++) {
                if (r != col && !m[r][col].isZero()) {
                    BigFraction f = m[r][col].divide(m[col][col]);
                    for (int c = col; c <= n; c++) {
                        m[r][c] = m[r][c].subtract(f.multiply(m[col][c]));
                    }
                }
            }
        }
        BigFraction[] x = new BigFraction[n];
        for (int i = 0; i < n; i++) {
            x[i] = m[i][n].divide(m[i][i]);
        }
        return Optional.of(x);
    }

    private static BigFraction[] zeros(int n) {
        BigFraction[] z = new BigFraction[n];
        java.util.Arrays.fill(z, BigFraction.ZERO);
        return z;
    }

    private static boolean first(int[] choice, int total) {
        for (int i = 0; i < choice.length; i++) {
            choice[i] = i;
        }
        return choice.length <= total;
    }

    private static boolean next(int[] choice, int total) {
        int k = choice.length;
        int i = k - 1;
        while (i >= 0 && choice[i] == total - k + i) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        choice[i]++;
        for (int j = i + 1; j < k; j++) {
            choice[j] = choice[j - 1] + 1;
        }
        return true;
    }
}
