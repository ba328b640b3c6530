package io.exactline.verifier.pattern;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.exactline.core.BadInputException;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.lp.LinearConstraint;
import io.exactline.verifier.lp.LinearProgram;
import io.exactline.verifier.lp.LpResult;
import io.exactline.verifier.lp.LpSolver;
import io.exactline.verifier.lp.OutwardRounding;
import io.exactline.verifier.lp.SafeBounds;
import io.exactline.verifier.lp.Sense;
import io.exactline.verifier.encoding.ActivationStep;
import io.exactline.verifier.encoding.AffineStep;
import io.exactline.verifier.encoding.NetworkStep;
import io.exactline.verifier.encoding.PreActivationBounds;
import io.exactline.verifier.property.Box;

/**
 * The convex polytope {@code sigma(X)} of a &larr;-closed {@link DecisionPattern} intersected with an input box, in
 * H-representation: one half-space {@code g(x) >= 0} per constrained neuron, where {@code g} is the neuron's
 * pre-activation ({@link NeuronState#ON}) or its negation ({@link NeuronState#OFF}). Because every neuron a
 * constrained neuron depends on is constrained, on the polytope each earlier ReLU acts as the identity (on) or as 0
 * (off), so the pre-activation is one affine function of {@code x}: the product of the layers' weights with the
 * off rows removed. The half-spaces are computed in exact decimal arithmetic from the network's doubles, so
 * {@link #contains} and {@link #containsBox} are exact decisions for the real-valued network; the double rows
 * ({@link #rowCoefficients}, {@link #rowConstant}) are those exact rows rounded, for heuristics only. Immutable.
 */
public final class PatternPolytope {
    private final DecisionPattern pattern;
    private final Box box;
    private final List<AffineForm> halfspaces;
    private final Optional<List<AffineForm>> outputs;
    /** Per ReLU layer, each neuron's pre-activation as an affine form on the polytope; null where unknown. */
    private final List<AffineForm[]> preActivations;

    private PatternPolytope(DecisionPattern pattern, Box box, List<AffineForm> halfspaces,
            Optional<List<AffineForm>> outputs, List<AffineForm[]> preActivations) {
        this.pattern = pattern;
        this.box = box;
        this.halfspaces = halfspaces;
        this.outputs = outputs;
        this.preActivations = preActivations;
    }

    /**
     * The polytope of {@code pattern} inside {@code box}.
     *
     * @throws BadInputException if the pattern is not &larr;-closed or the box does not fit the network
     */
    public static PatternPolytope of(DecisionPattern pattern, Box box) {
        if (!pattern.isClosed()) {
            throw new BadInputException("decision pattern is not <-closed (a constrained neuron depends on a free "
                    + "one), so its inputs do not form one polytope: " + pattern);
        }
        int n = pattern.network().encoding().inputSize();
        if (box.dimension() != n) {
            throw new BadInputException("input box has dimension " + box.dimension() + " but "
                    + pattern.network().network().source() + " takes " + n + " inputs");
        }
        AffineForm[] current = new AffineForm[n];
        for (int j = 0; j < n; j++) {
            current[j] = AffineForm.input(j, n);
        }
        List<AffineForm> halfspaces = new ArrayList<>();
        List<AffineForm[]> preActivations = new ArrayList<>();
        for (NetworkStep step : pattern.network().encoding().steps()) {
            if (step instanceof AffineStep affine) {
                current = apply(affine, current, n);
            } else {
                ActivationStep activation = (ActivationStep) step;
                preActivations.add(current);
                AffineForm[] next = new AffineForm[current.length];
                for (int i = 0; i < current.length; i++) {
                    NeuronState s = pattern.state(activation.layer(), i);
                    if (s == NeuronState.FREE) {
                        next[i] = null;
                    } else {
                        halfspaces.add(s == NeuronState.ON ? current[i] : current[i].negate());
                        next[i] = s == NeuronState.ON ? current[i] : AffineForm.zero(n);
                    }
                }
                current = next;
            }
        }
        Optional<List<AffineForm>> outputs = pattern.isComplete() ? Optional.of(List.of(current)) : Optional.empty();
        return new PatternPolytope(pattern, box, List.copyOf(halfspaces), outputs, List.copyOf(preActivations));
    }

    /** Output {@code i} of the step; {@code null} (unknown) where it depends on a free neuron. */
    private static AffineForm[] apply(AffineStep step, AffineForm[] in, int n) {
        AffineForm[] out = new AffineForm[step.outputSize()];
        for (int i = 0; i < out.length; i++) {
            AffineForm sum = AffineForm.zero(n).plus(step.bias(i));
            for (int k = 0; k < step.rowSize(i) && sum != null; k++) {
                double w = step.weight(i, k);
                if (w != 0.0) {
                    AffineForm term = in[step.index(i, k)];
                    sum = term == null ? null : sum.plusScaled(w, term);
                }
            }
            out[i] = sum;
        }
        return out;
    }

    public DecisionPattern pattern() {
        return pattern;
    }

    public Box box() {
        return box;
    }

    /** Number of half-spaces (one per constrained neuron, input side first), not counting the box. */
    public int rowCount() {
        return halfspaces.size();
    }

    /** The coefficients {@code a} of half-space {@code r}, {@code a . x + b >= 0}, rounded to doubles. */
    public double[] rowCoefficients(int r) {
        return halfspaces.get(r).approximateCoefficients();
    }

    /** The constant {@code b} of half-space {@code r}, rounded to a double. */
    public double rowConstant(int r) {
        return halfspaces.get(r).approximateConstant();
    }

    /** Whether {@code x} lies in the box and in every half-space, decided exactly. */
    public boolean contains(double[] x) {
        if (!box.contains(x)) {
            return false;
        }
        return halfspaces.stream().allMatch(g -> g.at(x).signum() >= 0);
    }

    /**
     * Whether the whole box {@code inner} lies in the polytope, decided exactly: {@code inner} inside the input box
     * and the least value of every half-space's {@code g} over {@code inner} is {@code >= 0}.
     */
    public boolean containsBox(Box inner) {
        double[] lower = inner.lower();
        double[] upper = inner.upper();
        for (int j = 0; j < lower.length; j++) {
            if (lower[j] < box.lower(j) || upper[j] > box.upper(j)) {
                return false;
            }
        }
        return halfspaces.stream().allMatch(g -> g.minimumOver(lower, upper).signum() >= 0);
    }

    /**
     * For a complete pattern, the affine map {@code y = W x + c} the network equals on the polytope, rounded to
     * doubles from the exact product; empty for a partial pattern.
     */
    public Optional<InducedAffineMap> inducedMap() {
        return outputs.map(forms -> {
            double[][] w = new double[forms.size()][];
            double[] c = new double[forms.size()];
            for (int i = 0; i < c.length; i++) {
                w[i] = forms.get(i).approximateCoefficients();
                c[i] = forms.get(i).approximateConstant();
            }
            return new InducedAffineMap(w, c);
        });
    }

    /**
     * Pre-activation bounds valid over the polytope, for the LP encodings: the rigorous interval bounds over the box
     * ({@link io.exactline.verifier.encoding.PiecewiseAffineNetwork#intervalBounds}), tightened for every neuron whose
     * pre-activation is an affine form on the polytope (the constrained neurons and the free neurons that depend
     * only on constrained ones) to the exact range of that form over the box, rounded outward. This avoids the
     * wrapping of layer-by-layer interval arithmetic. Where the two disagree (lower above upper) the polytope is
     * empty, and any bounds are valid over it: the lower one is used for both.
     */
    public PreActivationBounds preActivationBounds() {
        PreActivationBounds base = pattern.network().encoding().intervalBounds(box.lower(), box.upper());
        double[] lo = box.lower();
        double[] hi = box.upper();
        List<double[]> lower = new ArrayList<>();
        List<double[]> upper = new ArrayList<>();
        for (int k = 0; k < preActivations.size(); k++) {
            AffineForm[] forms = preActivations.get(k);
            double[] l = new double[forms.length];
            double[] u = new double[forms.length];
            for (int i = 0; i < forms.length; i++) {
                l[i] = base.lower(k, i);
                u[i] = base.upper(k, i);
                if (forms[i] != null) {
                    l[i] = Math.max(l[i], down(forms[i].minimumOver(lo, hi)));
                    u[i] = Math.min(u[i], up(forms[i].maximumOver(lo, hi)));
                }
                u[i] = Math.max(u[i], l[i]);
            }
            lower.add(l);
            upper.add(u);
        }
        return new PreActivationBounds(lower, upper);
    }

    /**
     * {@link #preActivationBounds()}, further tightened for every <em>free</em> neuron whose pre-activation is an
     * affine form on the polytope (the first free neurons after the constrained prefix), to its range over the
     * polytope rather than the box: two small LPs in the input variables alone. They are rigorous: each exact row
     * {@code a . x + b >= 0} is rounded to doubles and loosened by its {@link AffineForm#roundingError rounding error
     * over the box}, so the LP's feasible set contains the polytope; the objective's own rounding error is subtracted
     * (added) after the Neumaier-Shcherbina safe bound. A neuron whose LP fails keeps its box bound.
     */
    public PreActivationBounds preActivationBounds(LpSolver solver, Duration timeLimit) {
        PreActivationBounds base = preActivationBounds();
        double[] lo = box.lower();
        double[] hi = box.upper();
        int n = lo.length;
        LinearProgram.Builder rows = LinearProgram.builder(n).bounds(lo, hi);
        for (AffineForm g : halfspaces) {
            double[] a = g.approximateCoefficients();
            for (int j = 0; j < n; j++) {
                a[j] = -a[j];
            }
            double rhs = OutwardRounding.addUp(g.approximateConstant(), g.roundingError(lo, hi));
            rows.add(LinearConstraint.lessOrEqual(a, rhs));
        }
        LinearProgram region = rows.build();
        List<double[]> lower = new ArrayList<>();
        List<double[]> upper = new ArrayList<>();
        for (int k = 0; k < preActivations.size(); k++) {
            AffineForm[] forms = preActivations.get(k);
            double[] l = new double[forms.length];
            double[] u = new double[forms.length];
            for (int i = 0; i < forms.length; i++) {
                l[i] = base.lower(k, i);
                u[i] = base.upper(k, i);
                if (forms[i] != null && pattern.state(k, i) == NeuronState.FREE) {
                    double error = forms[i].roundingError(lo, hi);
                    double[] c = forms[i].approximateCoefficients();
                    double d = forms[i].approximateConstant();
                    l[i] = Math.max(l[i], OutwardRounding.addDown(safe(solver, timeLimit, region, c, d, Sense.MINIMIZE,
                            Double.NEGATIVE_INFINITY), -error));
                    u[i] = Math.min(u[i], OutwardRounding.addUp(safe(solver, timeLimit, region, c, d, Sense.MAXIMIZE,
                            Double.POSITIVE_INFINITY), error));
                    u[i] = Math.max(u[i], l[i]);
                }
            }
            lower.add(l);
            upper.add(u);
        }
        return new PreActivationBounds(lower, upper);
    }

    /** The safe bound of {@code c . x + d} over {@code region}, or {@code fallback} if the LP has no optimum. */
    private static double safe(LpSolver solver, Duration timeLimit, LinearProgram region, double[] c, double d,
            Sense sense, double fallback) {
        LinearProgram lp = region.toBuilder().objective(c, d, sense).build();
        LpResult result = solver.solve(lp, Deadline.after(timeLimit));
        return result instanceof LpResult.Optimal optimal ? SafeBounds.objectiveBound(lp, optimal.duals()) : fallback;
    }

    private static double down(BigDecimal v) {
        double d = v.doubleValue();
        return new BigDecimal(d).compareTo(v) > 0 ? Math.nextDown(d) : d;
    }

    private static double up(BigDecimal v) {
        double d = v.doubleValue();
        return new BigDecimal(d).compareTo(v) < 0 ? Math.nextUp(d) : d;
    }

    /**
     * A large box inside the polytope: the largest box {@code [c - r w, c + r w]} with half-widths proportional to the
     * input box's widths {@code w = (upper - lower) / 2} whose corners satisfy the rounded half-spaces, found by one LP
     * (maximise {@code r} subject to {@code a . c - r sum_j |a_j| w_j + b >= 0} per row and the box), then shrunk
     * about {@code c} until {@link #containsBox} accepts it exactly. Empty when the LP gives no positive {@code r}
     * or no shrunk box passes the exact check.
     */
    public Optional<Box> inscribedBox(LpSolver solver, Duration timeLimit) {
        int n = box.dimension();
        double[] w = new double[n];
        for (int j = 0; j < n; j++) {
            w[j] = (box.upper(j) - box.lower(j)) / 2;
        }
        LinearProgram.Builder lp = LinearProgram.builder(n + 1);
        for (int j = 0; j < n; j++) {
            lp.bounds(j, box.lower(j), box.upper(j));
            double[] up = new double[n + 1];
            up[j] = 1;
            up[n] = w[j];
            lp.add(LinearConstraint.lessOrEqual(up, box.upper(j)));
            double[] down = new double[n + 1];
            down[j] = -1;
            down[n] = w[j];
            lp.add(LinearConstraint.lessOrEqual(down, -box.lower(j)));
        }
        lp.bounds(n, 0.0, 1.0);
        for (int r = 0; r < rowCount(); r++) {
            double[] a = rowCoefficients(r);
            double[] row = new double[n + 1];
            for (int j = 0; j < n; j++) {
                row[j] = -a[j];
                row[n] += Math.abs(a[j]) * w[j];
            }
            lp.add(LinearConstraint.lessOrEqual(row, rowConstant(r)));
        }
        double[] c = new double[n + 1];
        c[n] = 1.0;
        LpResult result = solver.solve(lp.objective(c, 0.0, Sense.MAXIMIZE).build(), Deadline.after(timeLimit));
        if (!(result instanceof LpResult.Optimal optimal) || !(optimal.x()[n] > 0.0)) {
            return Optional.empty();
        }
        double[] centre = java.util.Arrays.copyOf(optimal.x(), n);
        for (double scale = optimal.x()[n]; scale > optimal.x()[n] * 1e-6; scale *= 0.5) {
            double[] lower = new double[n];
            double[] upper = new double[n];
            for (int j = 0; j < n; j++) {
                lower[j] = Math.max(box.lower(j), centre[j] - scale * w[j]);
                upper[j] = Math.min(box.upper(j), centre[j] + scale * w[j]);
            }
            Box candidate = new Box(lower, upper);
            if (containsBox(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
