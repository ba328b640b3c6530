package io.exactline.verifier.falsify;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import io.exactline.core.network.Network;
import io.exactline.core.network.UnsupportedNetworkException;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.encoding.ActivationPieces;
import io.exactline.verifier.encoding.ActivationStep;
import io.exactline.verifier.encoding.AffineStep;
import io.exactline.verifier.encoding.NetworkStep;
import io.exactline.verifier.encoding.PiecewiseAffineNetwork;
import io.exactline.verifier.lp.LinearConstraint;
import io.exactline.verifier.lp.LinearProgram;
import io.exactline.verifier.lp.LpResult;
import io.exactline.verifier.lp.LpSolver;
import io.exactline.verifier.lp.Sense;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.verdict.Counterexample;

/**
 * Counterexample search by exact descent over the linear regions of a piecewise-linear network.
 *
 * <p>On the linear region {@code R} of a point {@code x} (the inputs whose pre-activations lie in the same pieces
 * as those of {@code x}) the network is one affine map, so the margin {@code m(x) = max_q g_q(x)} of an
 * {@link UnsafeConjunction} is the maximum of affine functions there and its minimum over {@code R} inside the box
 * is the linear program
 *
 * <pre>
 *   minimise t   subject to   g_q(x) &lt;= t (every inequality q),   x in R,   x in the box,
 * </pre>
 *
 * with {@code R} written as one half-space per unit and end of its piece ({@code c_s <= z_i(x) <= c_{s+1}}, with
 * {@code z_i} the unit's pre-activation as an affine function of {@code x} on {@code R}). Its argmin {@code x*} is
 * the lowest point of the margin on the region, found exactly up to the solver's tolerances, where a gradient step
 * of any fixed size overshoots a counterexample region narrower than the step. When {@code x*} lies on the
 * region's boundary the margin may fall further beyond it: the next region is the one found a little past
 * {@code x*} along the step {@code x* - x}, and the descent goes on while the optimum drops. It stops at a local
 * minimum of the margin, after {@code maxRegions} regions, or at the first point whose margin is at most 0 in
 * floating point and which {@link Counterexample#confirm confirms} on the network. Region and affine forms are
 * computed in floating point: this is a heuristic search that never proves anything, and only confirmed points
 * count. Thread-safe when its {@link LpSolver} is.
 */
public final class RegionDescent {
    /** How far past the optimum, relative to the step, the next region is looked up. */
    private static final double OVERSHOOT = 1e-6;
    /** Decrease of the region optimum below which the descent counts as stuck. */
    private static final double PROGRESS = 1e-12;

    private final Network network;
    private final PiecewiseAffineNetwork steps;
    private final LpSolver solver;

    private RegionDescent(Network network, PiecewiseAffineNetwork steps, LpSolver solver) {
        this.network = network;
        this.steps = steps;
        this.solver = solver;
    }

    /**
     * Region descent on {@code network}, solving its programs with {@code solver}; empty when the network has a
     * layer without an exact piecewise-affine encoding ({@link PiecewiseAffineNetwork#of}).
     */
    public static Optional<RegionDescent> of(Network network, LpSolver solver) {
        try {
            return Optional.of(new RegionDescent(network, PiecewiseAffineNetwork.of(network), solver));
        } catch (UnsupportedNetworkException e) {
            return Optional.empty();
        }
    }

    /**
     * Descends the margin of {@code conjunction} over {@code box} from {@code x0} through at most
     * {@code maxRegions} linear regions.
     *
     * @param cancelled asked before each region; the descent ends without a counterexample once it answers true
     * @param evaluated {@code evaluated[0]} is increased by the number of regions solved
     * @return the first confirmed counterexample of {@code property} met on the way, or empty
     * @throws io.exactline.verifier.DeadlineExceededException once the deadline has passed
     */
    public Optional<Counterexample> descend(Property property, Box box, UnsafeConjunction conjunction, double[] x0,
            int maxRegions, Deadline deadline, BooleanSupplier cancelled, long[] evaluated) {
        double[] x = x0.clone();
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < maxRegions && !cancelled.getAsBoolean(); r++) {
            deadline.check();
            Optional<double[]> argmin = regionMinimum(box, conjunction, x, deadline);
            evaluated[0]++;
            if (argmin.isEmpty()) {
                return Optional.empty();
            }
            double[] next = argmin.get();
            double margin = conjunction.margin(next, network.evaluate(next));
            if (margin <= 0.0) {
                Optional<Counterexample> found = Counterexample.confirm(network, property, next);
                if (found.isPresent()) {
                    return found;
                }
            }
            if (!(margin < best - PROGRESS)) {
                return Optional.empty();
            }
            for (int i = 0; i < x.length; i++) {
                x[i] = box.clamp(i, next[i] + OVERSHOOT * (next[i] - x[i]));
            }
            best = margin;
        }
        return Optional.empty();
    }

    /** The argmin of the margin over the linear region of {@code x} inside {@code box}, clamped to the box. */
    private Optional<double[]> regionMinimum(Box box, UnsafeConjunction conjunction, double[] x, Deadline deadline) {
        int n = x.length;
        LinearProgram.Builder lp = LinearProgram.builder(n + 1);
        for (int i = 0; i < n; i++) {
            lp.bounds(i, box.lower(i), box.upper(i));
        }
        double[][] forms = new double[n][n + 1];
        double[] values = x.clone();
        for (int i = 0; i < n; i++) {
            forms[i][i] = 1.0;
        }
        for (NetworkStep step : steps.steps()) {
            if (step instanceof AffineStep affine) {
                double[][] out = new double[affine.outputSize()][n + 1];
                double[] outValues = new double[affine.outputSize()];
                for (int i = 0; i < out.length; i++) {
                    out[i][n] = affine.bias(i);
                    outValues[i] = affine.bias(i);
                    for (int k = 0; k < affine.rowSize(i); k++) {
                        int j = affine.index(i, k);
                        double w = affine.weight(i, k);
                        outValues[i] += w * values[j];
                        double[] in = forms[j];
                        for (int c = 0; c <= n; c++) {
                            out[i][c] += w * in[c];
                        }
                    }
                }
                forms = out;
                values = outValues;
            } else {
                ActivationPieces pieces = ((ActivationStep) step).pieces();
                for (int i = 0; i < values.length; i++) {
                    int s = pieceOf(pieces, values[i]);
                    addSide(lp, forms[i], pieces.pieceLow(s), true);
                    addSide(lp, forms[i], pieces.pieceHigh(s), false);
                    double slope = pieces.slope(s);
                    for (int c = 0; c < n; c++) {
                        forms[i][c] *= slope;
                    }
                    forms[i][n] = slope * forms[i][n] + pieces.intercept(s);
                    values[i] = slope * values[i] + pieces.intercept(s);
                }
            }
        }
        for (int q = 0; q < conjunction.size(); q++) {
            double[] row = new double[n + 1];
            double constant = conjunction.constant(q);
            double[] c = conjunction.outputRow(q);
            for (int j = 0; j < c.length; j++) {
                if (c[j] != 0.0) {
                    for (int i = 0; i < n; i++) {
                        row[i] += c[j] * forms[j][i];
                    }
                    constant += c[j] * forms[j][n];
                }
            }
            for (int i = 0; i < n; i++) {
                row[i] += conjunction.inputCoefficient(q, i);
            }
            row[n] = -1.0;
            lp.add(LinearConstraint.lessOrEqual(row, -constant));
        }
        double[] objective = new double[n + 1];
        objective[n] = 1.0;
        lp.objective(objective, 0.0, Sense.MINIMIZE);
        if (!(solver.solve(lp.build(), deadline) instanceof LpResult.Optimal optimal)) {
            return Optional.empty();
        }
        return Optional.of(box.clamp(Arrays.copyOf(optimal.x(), n)));
    }

    /**
     * Adds the row {@code a . x + b >= end} ({@code lower}) or {@code a . x + b <= end} for the affine form
     * {@code (a, b)}, unless the end is infinite or {@code a = 0}.
     */
    private static void addSide(LinearProgram.Builder lp, double[] form, double end, boolean lower) {
        int n = form.length - 1;
        if (Double.isInfinite(end)) {
            return;
        }
        double[] row = new double[n + 1];
        boolean constant = true;
        for (int i = 0; i < n; i++) {
            row[i] = lower ? -form[i] : form[i];
            constant &= form[i] == 0.0;
        }
        if (!constant) {
            lp.add(LinearConstraint.lessOrEqual(row, lower ? form[n] - end : end - form[n]));
        }
    }

    /** The piece of {@code z} in the convention of the core layers: the number of breakpoints strictly below. */
    private static int pieceOf(ActivationPieces pieces, double z) {
        int s = 0;
        while (s + 1 < pieces.pieceCount() && z > pieces.pieceHigh(s)) {
            s++;
        }
        return s;
    }
}
