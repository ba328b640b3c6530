package io.exactline.preconditions;

import java.time.Duration;
import java.util.Optional;

import io.exactline.verifier.lp.LpSolver;
import io.exactline.verifier.pattern.PatternPolytope;
import io.exactline.verifier.property.Box;

/**
 * An under-approximation (UA) box of a precondition: an axis-aligned box inside its polytope, so every input of the
 * box satisfies the precondition. Maximising the box's volume is not linear, so this grows one greedily:
 * <ol>
 *   <li>start from {@link PatternPolytope#inscribedBox} (the largest box shaped like the domain, by LP);
 *   <li>in three rounds, push each face outward in turn: for face {@code x_j <= u_j}, the largest {@code u_j} with
 *       every half-space {@code a . x + b >= 0} still holding at the box's worst corner,
 *       {@code u_j <= (b + sum_{k != j} min(a_k l_k, a_k u_k)) / (-a_j)} over the rows with {@code a_j < 0}, capped by
 *       the domain; the first two rounds take half of each face's room, so one face does not use up the others';
 *   <li>the rows used are rounded, so the grown box is checked exactly with {@link PatternPolytope#containsBox};
 *       on failure the box is pulled back towards the start box until the check passes.
 * </ol>
 * The result is always exactly inside the polytope.
 */
public final class UnderApproximationBox {
    private static final double[] ROOM = {0.5, 0.5, 1.0};
    private static final double[] PULL_BACK = {1.0, 1 - 1e-9, 1 - 1e-6, 0.999, 0.99, 0.9, 0.5, 0.0};

    private UnderApproximationBox() {
    }

    /** A box inside {@code polytope}, or empty when the polytope has no interior the LP finds. */
    public static Optional<Box> grow(PatternPolytope polytope, LpSolver solver, Duration timeLimit) {
        Optional<Box> start = polytope.inscribedBox(solver, timeLimit);
        if (start.isEmpty()) {
            return Optional.empty();
        }
        double[] lower = start.get().lower();
        double[] upper = start.get().upper();
        Box domain = polytope.box();
        int n = lower.length;
        double[][] a = new double[polytope.rowCount()][];
        double[] b = new double[a.length];
        for (int r = 0; r < a.length; r++) {
            a[r] = polytope.rowCoefficients(r);
            b[r] = polytope.rowConstant(r);
        }
        for (double room : ROOM) {
            double[] worst = worstCorners(a, b, lower, upper);
            for (int j = 0; j < n; j++) {
                double u = upper[j] + room * (face(a, worst, lower, upper, j, +1, domain.upper(j)) - upper[j]);
                moveFace(a, worst, lower, upper, j, lower[j], u);
                double l = lower[j] + room * (face(a, worst, lower, upper, j, -1, domain.lower(j)) - lower[j]);
                moveFace(a, worst, lower, upper, j, l, upper[j]);
            }
        }
        double[] startLower = start.get().lower();
        double[] startUpper = start.get().upper();
        for (double t : PULL_BACK) {
            double[] l = new double[n];
            double[] u = new double[n];
            for (int j = 0; j < n; j++) {
                l[j] = Math.min(startLower[j], startLower[j] + t * (lower[j] - startLower[j]));
                u[j] = Math.max(startUpper[j], startUpper[j] + t * (upper[j] - startUpper[j]));
            }
            Box candidate = new Box(l, u);
            if (polytope.containsBox(candidate)) {
                return Optional.of(candidate);
            }
        }
        return start;
    }

    /** Per row {@code r}: {@code b_r + sum_k min(a_rk l_k, a_rk u_k)}, the row's value at the box's worst corner. */
    private static double[] worstCorners(double[][] a, double[] b, double[] lower, double[] upper) {
        double[] worst = b.clone();
        for (int r = 0; r < a.length; r++) {
            for (int k = 0; k < lower.length; k++) {
                worst[r] += Math.min(a[r][k] * lower[k], a[r][k] * upper[k]);
            }
        }
        return worst;
    }

    /** Sets input {@code j}'s interval to {@code [l, u]}, updating every row's worst-corner value by the change. */
    private static void moveFace(double[][] a, double[] worst, double[] lower, double[] upper, int j, double l,
            double u) {
        for (int r = 0; r < a.length; r++) {
            double aj = a[r][j];
            worst[r] += Math.min(aj * l, aj * u) - Math.min(aj * lower[j], aj * upper[j]);
        }
        lower[j] = l;
        upper[j] = u;
    }

    /**
     * The farthest position of face {@code j} (upper face for {@code side = +1}, lower for {@code -1}) keeping every
     * rounded half-space at the box's worst corner, capped at {@code limit}; never behind the current face. The worst
     * corner without input {@code j} is {@code worst_r - min(a_rj l_j, a_rj u_j)}, so each face costs one pass over
     * the rows.
     */
    private static double face(double[][] a, double[] worst, double[] lower, double[] upper, int j, int side,
            double limit) {
        double best = limit;
        for (int r = 0; r < a.length; r++) {
            double aj = a[r][j];
            if (side * aj >= 0) {
                continue;
            }
            double rest = worst[r] - Math.min(aj * lower[j], aj * upper[j]);
            double position = rest / -aj;
            best = side > 0 ? Math.min(best, position) : Math.max(best, position);
        }
        double current = side > 0 ? upper[j] : lower[j];
        return side > 0 ? Math.max(best, current) : Math.min(best, current);
    }
}
