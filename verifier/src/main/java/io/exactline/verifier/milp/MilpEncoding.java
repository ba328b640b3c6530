package io.exactline.verifier.milp;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.apache.commons.numbers.fraction.BigFraction;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

import io.exactline.core.BadInputException;
import io.exactline.verifier.encoding.ActivationPieces;
import io.exactline.verifier.encoding.ActivationStep;
import io.exactline.verifier.encoding.AffineStep;
import io.exactline.verifier.encoding.LinearObjective;
import io.exactline.verifier.encoding.NetworkRegion;
import io.exactline.verifier.encoding.NetworkStep;
import io.exactline.verifier.encoding.PreActivationBounds;
import io.exactline.verifier.lp.OutwardRounding;
import io.exactline.verifier.property.Conjunction;
import io.exactline.verifier.property.LinearInequality;
import io.exactline.verifier.property.OutputCondition;
import io.exactline.verifier.property.Term;
import io.exactline.verifier.property.Variable;

/**
 * A {@link NetworkRegion} as a mixed-integer linear program in an OR-Tools {@link MPSolver}.
 *
 * <p>Every value of the network is a continuous variable with bounds: the inputs take the box (and the region's
 * input constraints as rows), an affine output
 * {@code v = W u + b} is tied to its inputs by an equality row, and a pre-activation {@code z} takes the given
 * pre-activation bounds {@code [l, u]}. A unit {@code y = f(z)} is encoded by its pieces that meet {@code [l, u]}:
 * <ul>
 *   <li>{@code [l, u]} inside one closed piece (a stable unit, or one the pattern fixes; a fixed unit also gets
 *       the piece's range on {@code z}): {@code y = slope z + intercept};</li>
 *   <li>two pieces {@code g0} (left of the breakpoint {@code c}) and {@code g1}, {@code f} convex
 *       ({@code f = max(g0, g1)}, ReLU, leaky ReLU with {@code alpha <= 1}) with one binary {@code a} (1 for the
 *       right piece): {@code y >= g0(z)}, {@code y >= g1(z)}, {@code y <= g0(z) + d (u - c) a},
 *       {@code y <= g1(z) + d (c - l)(1 - a)} with {@code d = slope1 - slope0} (for ReLU the familiar
 *       {@code y <= z - l (1 - a)}, {@code y <= u a}); concave {@code f} mirrored;</li>
 *   <li>more pieces (hard tanh): one binary {@code a_s} per piece, {@code sum a_s = 1}, {@code z} inside piece
 *       {@code s} when {@code a_s = 1} and {@code |y - g_s(z)| <= M_s (1 - a_s)} with {@code M_s} the largest
 *       {@code |f - g_s|} on {@code [l, u]}.</li>
 * </ul>
 * The big-M constants come from the bounds, so the encoding is exact only if the bounds are valid for every
 * input of the region; too tight bounds cut off inputs. Atoms {@code e(x, y) <= 0} of a DNF with several
 * disjuncts get one binary per disjunct and a big-M from interval bounds of {@code e} over the box and outputs.
 */
final class MilpEncoding {
    private final MPSolver solver;
    private final MPVariable[] inputs;
    private final double[] inputLow;
    private final double[] inputHigh;
    private final MPVariable[] outputs;
    private final double[] outputLow;
    private final double[] outputHigh;
    private int counter;
    private boolean empty;

    MilpEncoding(MPSolver solver, NetworkRegion region, PreActivationBounds bounds) {
        this.solver = solver;
        bounds.checkAgainst(region.network());
        double[] lower = region.box().lower();
        double[] upper = region.box().upper();
        inputs = new MPVariable[lower.length];
        inputLow = lower;
        inputHigh = upper;
        for (int j = 0; j < lower.length; j++) {
            inputs[j] = solver.makeNumVar(lower[j], upper[j], "x" + j);
        }
        for (LinearInequality q : region.inputConstraints().inequalities()) {
            atMost(q.terms(), q.constant(), null, 0.0);
        }
        MPVariable[] current = inputs;
        double[] low = lower;
        double[] high = upper;
        for (NetworkStep step : region.network().steps()) {
            double[] nextLow = new double[step.outputSize()];
            double[] nextHigh = new double[step.outputSize()];
            if (step instanceof AffineStep affine) {
                affine.enclose(low, high, nextLow, nextHigh);
                current = affine(affine, current, nextLow, nextHigh);
            } else {
                current = activation((ActivationStep) step, current, bounds, region, nextLow, nextHigh);
            }
            low = nextLow;
            high = nextHigh;
        }
        outputs = current;
        outputLow = low;
        outputHigh = high;
    }

    /** Whether the bounds or the pattern leave some pre-activation without a value: then the region is empty. */
    boolean empty() {
        return empty;
    }

    /** The input variables. */
    MPVariable[] inputs() {
        return inputs;
    }

    /** Sets the objective's coefficients and constant (the caller sets its direction). */
    void setObjective(LinearObjective e) {
        var objective = solver.objective();
        for (Term t : e.terms()) {
            objective.setCoefficient(variable(t.variable()), t.coefficient());
        }
        objective.setOffset(e.constant());
    }

    /** Constrains the inputs and outputs to satisfy {@code condition}. */
    void require(OutputCondition condition) {
        List<Conjunction> disjuncts = condition.disjuncts();
        if (disjuncts.size() == 1) {
            for (LinearInequality q : disjuncts.get(0).inequalities()) {
                atMost(q.terms(), q.constant(), null, 0.0);
            }
            return;
        }
        MPConstraint atLeastOne = solver.makeConstraint(1.0, Double.POSITIVE_INFINITY, "dnf");
        for (Conjunction conjunction : disjuncts) {
            MPVariable chosen = solver.makeBoolVar("d" + counter++);
            atLeastOne.setCoefficient(chosen, 1.0);
            for (LinearInequality q : conjunction.inequalities()) {
                atMost(q.terms(), q.constant(), chosen, Math.max(0.0, upperBound(q)));
            }
        }
    }

    /** {@code sum_k c_k v_k + d <= bigM (1 - chosen)}, or {@code <= 0} when {@code chosen} is null. */
    private void atMost(List<Term> terms, double constant, MPVariable chosen, double bigM) {
        MPConstraint row = solver.makeConstraint(Double.NEGATIVE_INFINITY,
                (chosen == null ? 0.0 : bigM) - constant, "atom" + counter++);
        for (Term t : terms) {
            row.setCoefficient(variable(t.variable()), t.coefficient());
        }
        if (chosen != null) {
            row.setCoefficient(chosen, bigM);
        }
    }

    private MPVariable variable(Variable v) {
        return v.kind() == Variable.Kind.INPUT ? inputs[v.index()] : outputs[v.index()];
    }

    private double upperBound(LinearInequality q) {
        double sum = q.constant();
        for (Term t : q.terms()) {
            double c = t.coefficient();
            boolean input = t.variable().kind() == Variable.Kind.INPUT;
            double low = input ? inputLow[t.variable().index()] : outputLow[t.variable().index()];
            double high = input ? inputHigh[t.variable().index()] : outputHigh[t.variable().index()];
            sum = OutwardRounding.addUp(sum, c > 0 ? OutwardRounding.mulUp(c, high) : OutwardRounding.mulUp(c, low));
        }
        if (!Double.isFinite(sum)) {
            throw new BadInputException("output atom " + q + " has no finite bound over the region; the MILP needs "
                    + "finite bounds for its big-M constants");
        }
        return sum;
    }

    private MPVariable[] affine(AffineStep step, MPVariable[] in, double[] low, double[] high) {
        MPVariable[] out = new MPVariable[step.outputSize()];
        for (int i = 0; i < out.length; i++) {
            out[i] = solver.makeNumVar(low[i], high[i], "v" + counter++);
            MPConstraint row = solver.makeConstraint(step.bias(i), step.bias(i), "affine" + counter++);
            row.setCoefficient(out[i], 1.0);
            for (int k = 0; k < step.rowSize(i); k++) {
                row.setCoefficient(in[step.index(i, k)], -step.weight(i, k));
            }
        }
        return out;
    }

    private MPVariable[] activation(ActivationStep step, MPVariable[] in, PreActivationBounds bounds,
            NetworkRegion region, double[] outLow, double[] outHigh) {
        ActivationPieces pieces = step.pieces();
        MPVariable[] out = new MPVariable[step.size()];
        for (int i = 0; i < out.length; i++) {
            MPVariable z = in[i];
            double l = Math.max(bounds.lower(step.layer(), i), z.lb());
            double u = Math.min(bounds.upper(step.layer(), i), z.ub());
            OptionalInt fixed = region.fixedState(step.layer(), i);
            if (fixed.isPresent()) {
                l = Math.max(l, pieces.pieceLow(fixed.getAsInt()));
                u = Math.min(u, pieces.pieceHigh(fixed.getAsInt()));
            }
            if (l > u) {
                empty = true;
                u = l;
            }
            if (!Double.isFinite(l) || !Double.isFinite(u)) {
                throw new BadInputException("unit " + i + " of activation layer " + step.layer() + " has pre-activation "
                        + "bounds [" + l + ", " + u + "]; the MILP needs finite bounds for its big-M constants");
            }
            z.setBounds(l, u);
            double[] image = pieces.image(l, u);
            outLow[i] = image[0];
            outHigh[i] = image[1];
            MPVariable y = solver.makeNumVar(image[0], image[1], "y" + step.layer() + "_" + i);
            List<Integer> possible = new ArrayList<>();
            int containing = -1;
            for (int s = 0; s < pieces.pieceCount(); s++) {
                if (pieces.pieceLow(s) <= u && pieces.pieceHigh(s) >= l) {
                    possible.add(s);
                }
                if (pieces.pieceLow(s) <= l && u <= pieces.pieceHigh(s)) {
                    containing = s;
                }
            }
            if (containing >= 0) {
                onPiece(y, z, pieces, containing, null, 0.0, 0.0);
            } else if (pieces.pieceCount() == 2) {
                twoPieces(y, z, pieces, l, u);
            } else {
                manyPieces(y, z, pieces, possible, l, u);
            }
            out[i] = y;
        }
        return out;
    }

    /**
     * {@code -below (1 - a) <= y - g_s(z) <= above (1 - a)}; with {@code a} null, {@code y = g_s(z)}.
     */
    private void onPiece(MPVariable y, MPVariable z, ActivationPieces pieces, int s, MPVariable a, double below,
            double above) {
        // y - slope z - intercept <= above (1 - a)   <=>   y - slope z + above a <= intercept + above
        MPConstraint upper = solver.makeConstraint(Double.NEGATIVE_INFINITY,
                pieces.intercept(s) + (a == null ? 0.0 : above), "pieceUp" + counter++);
        upper.setCoefficient(y, 1.0);
        upper.setCoefficient(z, -pieces.slope(s));
        // y - slope z - intercept >= -below (1 - a)   <=>   y - slope z - below a >= intercept - below
        MPConstraint lower = solver.makeConstraint(pieces.intercept(s) - (a == null ? 0.0 : below),
                Double.POSITIVE_INFINITY, "pieceLow" + counter++);
        lower.setCoefficient(y, 1.0);
        lower.setCoefficient(z, -pieces.slope(s));
        if (a != null) {
            upper.setCoefficient(a, above);
            lower.setCoefficient(a, -below);
        }
    }

    private void twoPieces(MPVariable y, MPVariable z, ActivationPieces pieces, double l, double u) {
        double c = pieces.pieceHigh(0);
        double d = pieces.slope(1) - pieces.slope(0);
        double sign = d >= 0 ? 1.0 : -1.0;
        double gap = Math.abs(d);
        MPVariable a = solver.makeBoolVar("a" + counter++);
        for (int s = 0; s < 2; s++) {
            // convex: y >= g_s(z); concave: y <= g_s(z)
            MPConstraint beyond = sign > 0
                    ? solver.makeConstraint(pieces.intercept(s), Double.POSITIVE_INFINITY, "hull" + counter++)
                    : solver.makeConstraint(Double.NEGATIVE_INFINITY, pieces.intercept(s), "hull" + counter++);
            beyond.setCoefficient(y, 1.0);
            beyond.setCoefficient(z, -pieces.slope(s));
        }
        // convex: y <= g0(z) + gap (u - c) a  and  y <= g1(z) + gap (c - l) (1 - a); concave mirrored.
        double m0 = OutwardRounding.mulUp(gap, OutwardRounding.addUp(u, -c));
        double m1 = OutwardRounding.mulUp(gap, OutwardRounding.addUp(c, -l));
        MPConstraint left = sign > 0
                ? solver.makeConstraint(Double.NEGATIVE_INFINITY, pieces.intercept(0), "left" + counter++)
                : solver.makeConstraint(pieces.intercept(0), Double.POSITIVE_INFINITY, "left" + counter++);
        left.setCoefficient(y, 1.0);
        left.setCoefficient(z, -pieces.slope(0));
        left.setCoefficient(a, -sign * m0);
        MPConstraint right = sign > 0
                ? solver.makeConstraint(Double.NEGATIVE_INFINITY, pieces.intercept(1) + m1, "right" + counter++)
                : solver.makeConstraint(pieces.intercept(1) - m1, Double.POSITIVE_INFINITY, "right" + counter++);
        right.setCoefficient(y, 1.0);
        right.setCoefficient(z, -pieces.slope(1));
        right.setCoefficient(a, sign * m1);
    }

    private void manyPieces(MPVariable y, MPVariable z, ActivationPieces pieces, List<Integer> possible, double l,
            double u) {
        MPConstraint one = solver.makeConstraint(1.0, 1.0, "onePiece" + counter++);
        for (int s : possible) {
            MPVariable a = solver.makeBoolVar("a" + counter++);
            one.setCoefficient(a, 1.0);
            double low = pieces.pieceLow(s);
            double high = pieces.pieceHigh(s);
            if (low > l) {
                // z >= l + (low - l) a
                MPConstraint row = solver.makeConstraint(l, Double.POSITIVE_INFINITY, "inLow" + counter++);
                row.setCoefficient(z, 1.0);
                row.setCoefficient(a, -(low - l));
            }
            if (high < u) {
                // z <= u - (u - high) a
                MPConstraint row = solver.makeConstraint(Double.NEGATIVE_INFINITY, u, "inHigh" + counter++);
                row.setCoefficient(z, 1.0);
                row.setCoefficient(a, u - high);
            }
            double bigM = 0.0;
            for (double t : candidates(pieces, l, u)) {
                double g = pieces.slope(s) * t + pieces.intercept(s);
                double f = pieces.apply(BigFraction.from(t)).doubleValue();
                bigM = Math.max(bigM, Math.abs(f - g));
            }
            bigM = Math.nextUp(bigM * (1 + 1e-12));
            onPiece(y, z, pieces, s, a, bigM, bigM);
        }
    }

    /** The ends of {@code [l, u]} and the breakpoints inside, where {@code |f - g_s|} takes its maximum. */
    private static List<Double> candidates(ActivationPieces pieces, double l, double u) {
        List<Double> points = new ArrayList<>(List.of(l, u));
        for (int s = 1; s < pieces.pieceCount(); s++) {
            double c = pieces.pieceLow(s);
            if (c > l && c < u) {
                points.add(c);
            }
        }
        return points;
    }
}
