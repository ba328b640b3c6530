package io.exactline.verifier.encoding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.TreeMap;

import io.exactline.core.BadInputException;
import io.exactline.verifier.lp.LinearConstraint;
import io.exactline.verifier.lp.LinearProgram;
import io.exactline.verifier.lp.OutwardRounding;
import io.exactline.verifier.lp.Sense;
import io.exactline.verifier.property.Conjunction;
import io.exactline.verifier.property.LinearInequality;
import io.exactline.verifier.property.Term;
import io.exactline.verifier.property.Variable;

/**
 * The linear program of a {@link NetworkRegion}: exact where the region fixes the network's pieces, a convex
 * relaxation elsewhere.
 *
 * <p>Variables, in order: the inputs {@code x} (bounded by the box, and tied by the region's input constraints as
 * rows), then the outputs of every step of the
 * {@link PiecewiseAffineNetwork}. An affine output {@code v = W u + b} is a variable tied to its inputs by the
 * equation {@code v - W u = b}, bounded by rigorous interval bounds. A pre-activation {@code z} is additionally
 * bounded by the given pre-activation bounds and, if the pattern fixes the unit, by its closed piece. A unit whose
 * bounds leave one piece becomes the equation {@code y - slope z = intercept}; any other unit gets the lines of
 * the convex hull of the activation's graph over its bounds ({@link ActivationHull}, the triangle relaxation for
 * ReLU). The objective is the {@link LinearObjective} over the input and output variables.
 *
 * <p>So when every unit is fixed or stable ({@link #exact()}), the program's feasible set projected to {@code x} is
 * exactly the region; otherwise it contains the region. In both cases, if the pre-activation bounds are valid
 * over the region, {@link io.exactline.verifier.lp.SafeBounds} applied to any duals bounds the objective over the
 * region rigorously (the doubles of the program are the network's own numbers, and the hull lines are valid in
 * exact arithmetic). Bounds that are too tight make that bound wrong.
 */
public final class RegionLp {
    private final LinearProgram program;
    private final int inputCount;
    private final boolean exact;

    private RegionLp(LinearProgram program, int inputCount, boolean exact) {
        this.program = program;
        this.inputCount = inputCount;
        this.exact = exact;
    }

    /** The program with rigorous interval pre-activation bounds over the region's box. */
    public static RegionLp of(NetworkRegion region, LinearObjective objective, Sense sense) {
        return of(region, region.intervalBounds(), objective, sense);
    }

    /**
     * The program of {@code region} with the objective {@code objective} over the network's outputs.
     *
     * @param bounds pre-activation bounds valid over the region
     */
    public static RegionLp of(NetworkRegion region, PreActivationBounds bounds, LinearObjective objective,
            Sense sense) {
        ExactConditions.checkVariables(objective.terms(), region.network().inputSize(),
                region.network().outputSize(), "LP objective");
        Encoded e = encode(region, bounds);
        double[] c = new double[e.builder.lows.size()];
        for (Term t : objective.terms()) {
            c[e.variable(t.variable())] += t.coefficient();
        }
        LinearProgram.Builder lp = LinearProgram.builder(c.length)
                .bounds(toArray(e.builder.lows), toArray(e.builder.highs));
        e.builder.rows.forEach(lp::add);
        return new RegionLp(lp.objective(c, objective.constant(), sense).build(), e.inputs.length, e.exact);
    }

    /**
     * The program that minimises the largest value {@code t = max_i q_i(x, f(x))} of the inequalities
     * {@code q_i <= 0} of {@code unsafe} over {@code region}: the rows of {@link #of} plus {@code q_i(x, y) <= t}
     * for every {@code i}, with {@code t} (the last variable) bounded by outward-rounded interval bounds of the
     * {@code q_i} over the variables' bounds, which every point of the region respects. A rigorous lower bound
     * {@code > 0} of this minimum ({@link io.exactline.verifier.lp.SafeBounds}) proves that no input of the region
     * satisfies the conjunction; a minimiser with {@code t <= 0} proposes one.
     *
     * @param bounds pre-activation bounds valid over the region
     * @throws io.exactline.core.BadInputException if {@code unsafe} is empty or reads variables the network lacks
     */
    public static RegionLp ofViolation(NetworkRegion region, PreActivationBounds bounds, Conjunction unsafe) {
        if (unsafe.inequalities().isEmpty()) {
            throw new BadInputException("the violation LP needs at least one inequality; an empty"
                    + " conjunction holds everywhere");
        }
        Encoded e = encode(region, bounds);
        List<Double> lows = e.builder.lows;
        List<Double> highs = e.builder.highs;
        double tLow = Double.NEGATIVE_INFINITY;
        double tHigh = Double.NEGATIVE_INFINITY;
        for (LinearInequality q : unsafe.inequalities()) {
            ExactConditions.checkVariables(q.terms(), region.network().inputSize(), region.network().outputSize(),
                    "unsafe inequality " + q);
            double low = q.constant();
            double high = q.constant();
            for (Term t : q.terms()) {
                int j = e.variable(t.variable());
                double c = t.coefficient();
                low = OutwardRounding.addDown(low, OutwardRounding.productMinimum(c, c, lows.get(j), highs.get(j)));
                high = OutwardRounding.addUp(high, OutwardRounding.productMaximum(c, c, lows.get(j), highs.get(j)));
            }
            tLow = Math.max(tLow, low);
            tHigh = Math.max(tHigh, high);
        }
        int t = e.builder.variable(tLow, tHigh);
        for (LinearInequality q : unsafe.inequalities()) {
            // sum_k c_k v_k - t <= -d
            TreeMap<Integer, Double> byVariable = new TreeMap<>();
            for (Term term : q.terms()) {
                byVariable.merge(e.variable(term.variable()), term.coefficient(), Double::sum);
            }
            byVariable.merge(t, -1.0, Double::sum);
            e.builder.rows.add(sparseRow(byVariable, LinearConstraint.Relation.LESS_OR_EQUAL, -q.constant()));
        }
        double[] c = new double[lows.size()];
        c[t] = 1.0;
        LinearProgram.Builder lp = LinearProgram.builder(c.length).bounds(toArray(lows), toArray(highs));
        e.builder.rows.forEach(lp::add);
        return new RegionLp(lp.objective(c, 0.0, Sense.MINIMIZE).build(), e.inputs.length, e.exact);
    }

    /** The network's variables and rows over {@code region}: inputs, every step's outputs, input constraints. */
    private static Encoded encode(NetworkRegion region, PreActivationBounds bounds) {
        PiecewiseAffineNetwork network = region.network();
        bounds.checkAgainst(network);
        Builder b = new Builder();
        double[] lower = region.box().lower();
        double[] upper = region.box().upper();
        int[] inputs = new int[lower.length];
        for (int j = 0; j < lower.length; j++) {
            inputs[j] = b.variable(lower[j], upper[j]);
        }
        for (LinearInequality q : region.inputConstraints().inequalities()) {
            b.rows.add(row(q.terms(), inputs, new int[0], LinearConstraint.Relation.LESS_OR_EQUAL, -q.constant()));
        }
        int[] current = inputs;
        boolean exact = true;
        for (NetworkStep step : network.steps()) {
            if (step instanceof AffineStep affine) {
                current = b.affine(affine, current);
            } else {
                ActivationStep activation = (ActivationStep) step;
                int[] next = new int[activation.size()];
                for (int i = 0; i < next.length; i++) {
                    next[i] = b.unit(activation, i, current[i], bounds, region.fixedState(activation.layer(), i));
                    exact &= b.lastUnitExact;
                }
                current = next;
            }
        }
        return new Encoded(b, inputs, current, exact);
    }

    /** The variables and rows of a region: the builder, the input and output variables, exactness. */
    private record Encoded(Builder builder, int[] inputs, int[] outputs, boolean exact) {
        int variable(Variable v) {
            return v.kind() == Variable.Kind.INPUT ? inputs[v.index()] : outputs[v.index()];
        }
    }

    /** The linear program. */
    public LinearProgram program() {
        return program;
    }

    /** Whether every unit is fixed by the pattern or stable under the bounds, so no relaxation was needed. */
    public boolean exact() {
        return exact;
    }

    /** The input part {@code x} of a solution of the program. */
    public double[] input(double[] solution) {
        return Arrays.copyOf(solution, inputCount);
    }

    /** The row {@code sum_k c_k v_k (relation) rhs} with inputs and outputs mapped to their variables. */
    private static LinearConstraint row(List<Term> terms, int[] inputs, int[] outputs,
            LinearConstraint.Relation relation, double rhs) {
        TreeMap<Integer, Double> byVariable = new TreeMap<>();
        for (Term t : terms) {
            int[] variables = t.variable().kind() == Variable.Kind.INPUT ? inputs : outputs;
            byVariable.merge(variables[t.variable().index()], t.coefficient(), Double::sum);
        }
        return sparseRow(byVariable, relation, rhs);
    }

    /** The row with the coefficients of {@code byVariable}, in increasing variable order. */
    private static LinearConstraint sparseRow(TreeMap<Integer, Double> byVariable, LinearConstraint.Relation relation,
            double rhs) {
        int[] indices = byVariable.keySet().stream().mapToInt(Integer::intValue).toArray();
        double[] coefficients = byVariable.values().stream().mapToDouble(Double::doubleValue).toArray();
        return LinearConstraint.sparse(indices, coefficients, relation, rhs);
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Collects variables and rows. */
    private static final class Builder {
        final List<Double> lows = new ArrayList<>();
        final List<Double> highs = new ArrayList<>();
        final List<LinearConstraint> rows = new ArrayList<>();
        boolean lastUnitExact;

        int variable(double low, double high) {
            lows.add(low);
            highs.add(high);
            return lows.size() - 1;
        }

        int[] affine(AffineStep step, int[] in) {
            double[] low = new double[in.length];
            double[] high = new double[in.length];
            for (int j = 0; j < in.length; j++) {
                low[j] = lows.get(in[j]);
                high[j] = highs.get(in[j]);
            }
            double[] outLow = new double[step.outputSize()];
            double[] outHigh = new double[step.outputSize()];
            step.enclose(low, high, outLow, outHigh);
            int[] out = new int[step.outputSize()];
            for (int i = 0; i < out.length; i++) {
                out[i] = variable(outLow[i], outHigh[i]);
                // v_i - sum_k w_ik u_k = b_i, with the terms in increasing variable order.
                int size = step.rowSize(i);
                long[] keyed = new long[size];
                for (int k = 0; k < size; k++) {
                    keyed[k] = ((long) in[step.index(i, k)] << 32) | k;
                }
                Arrays.sort(keyed);
                int[] indices = new int[size + 1];
                double[] coefficients = new double[size + 1];
                for (int k = 0; k < size; k++) {
                    indices[k] = (int) (keyed[k] >>> 32);
                    coefficients[k] = -step.weight(i, (int) keyed[k]);
                }
                indices[size] = out[i];
                coefficients[size] = 1.0;
                rows.add(LinearConstraint.sparse(indices, coefficients, LinearConstraint.Relation.EQUAL,
                        step.bias(i)));
            }
            return out;
        }

        int unit(ActivationStep step, int i, int z, PreActivationBounds bounds, OptionalInt fixed) {
            ActivationPieces pieces = step.pieces();
            double l = Math.max(lows.get(z), bounds.lower(step.layer(), i));
            double u = Math.min(highs.get(z), bounds.upper(step.layer(), i));
            if (fixed.isPresent()) {
                l = Math.max(l, pieces.pieceLow(fixed.getAsInt()));
                u = Math.min(u, pieces.pieceHigh(fixed.getAsInt()));
            }
            lastUnitExact = true;
            if (l > u) {
                // No value is left for z: the region is empty, which the row 0 <= -1 says.
                rows.add(LinearConstraint.sparse(new int[0], new double[0], LinearConstraint.Relation.LESS_OR_EQUAL,
                        -1.0));
                u = l;
            }
            lows.set(z, l);
            highs.set(z, u);
            double[] image = pieces.image(l, u);
            int y = variable(image[0], image[1]);
            int containing = -1;
            for (int s = 0; s < pieces.pieceCount(); s++) {
                if (pieces.pieceLow(s) <= l && u <= pieces.pieceHigh(s)) {
                    containing = s;
                }
            }
            if (containing >= 0) {
                // [l, u] lies in one closed piece: y - slope z = intercept.
                rows.add(pair(z, -pieces.slope(containing), y, 1.0, LinearConstraint.Relation.EQUAL,
                        pieces.intercept(containing)));
                return y;
            }
            List<HullLine> hull = ActivationHull.of(pieces, l, u);
            lastUnitExact = false;
            for (HullLine line : hull) {
                // upper: y - slope z <= intercept; lower: slope z - y <= -intercept
                double sign = line.upper() ? 1.0 : -1.0;
                rows.add(pair(z, -sign * line.slope(), y, sign, LinearConstraint.Relation.LESS_OR_EQUAL,
                        sign * line.intercept()));
            }
            return y;
        }

        private static LinearConstraint pair(int a, double ca, int b, double cb, LinearConstraint.Relation relation,
                double rhs) {
            return a < b ? LinearConstraint.sparse(new int[] {a, b}, new double[] {ca, cb}, relation, rhs)
                    : LinearConstraint.sparse(new int[] {b, a}, new double[] {cb, ca}, relation, rhs);
        }
    }
}
