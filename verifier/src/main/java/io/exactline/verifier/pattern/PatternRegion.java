package io.exactline.verifier.pattern;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.apache.commons.numbers.fraction.BigFraction;

import io.exactline.core.BadInputException;
import io.exactline.core.Rationals;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.encoding.LinearObjective;
import io.exactline.verifier.encoding.NetworkRegion;
import io.exactline.verifier.encoding.PreActivationBounds;
import io.exactline.verifier.encoding.RegionLp;
import io.exactline.verifier.lp.LpResult;
import io.exactline.verifier.lp.LpSolver;
import io.exactline.verifier.lp.SafeBounds;
import io.exactline.verifier.lp.Sense;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.property.Conjunction;
import io.exactline.verifier.smt.OptimumResult;
import io.exactline.verifier.smt.SmtSolver;

/**
 * The inputs {@code X} of a box that satisfy a {@link DecisionPattern}, and the questions asked of them.
 *
 * <h2>What the answers mean</h2>
 * The LP queries ({@link #feasible}, {@link #minimum}, {@link #maximum}, {@link #implies}) solve {@link RegionLp}:
 * constrained neurons are fixed to their closed piece exactly; a free neuron is replaced by the triangle relaxation
 * over rigorous pre-activation bounds (for a &larr;-closed pattern those of
 * {@link PatternPolytope#preActivationBounds(LpSolver, Duration)}, else interval bounds over the box). So the LP's feasible set contains the region (equals it when the pattern is
 * complete, or &larr;-closed with only later neurons free, up to those free neurons' values), and
 * <ul>
 *   <li>a proof ({@link Implication.Proven}, {@link RegionBound.Bound#safe}, {@link Feasibility.Infeasible}) rests
 *       on a Neumaier-Shcherbina safe bound from the duals or a checked Farkas certificate: valid for every pattern;
 *   <li>a refutation ({@link Implication.Refuted}) is a concrete input, checked exactly to satisfy the pattern and
 *       re-evaluated with {@code Network.evaluate}; the LP is only the heuristic that proposes it;
 *   <li>otherwise the answer is undecided: for a partial pattern a failed LP proof says nothing, because the
 *       relaxation may be loose. {@link #impliesExactly} decides those exactly with an {@link SmtSolver} (Z3).
 * </ul>
 * Immutable (the polytope and the bounds are computed once, on first use).
 */
public final class PatternRegion {
    private final DecisionPattern pattern;
    private final Box box;
    private final NetworkRegion region;
    /** The polytope of a closed pattern, computed on first use. */
    private volatile PatternPolytope polytope;
    /** The pre-activation bounds of the LPs, computed on first use. */
    private volatile PreActivationBounds bounds;

    /**
     * @throws BadInputException if the box does not fit the network
     */
    public PatternRegion(DecisionPattern pattern, Box box) {
        this.pattern = pattern;
        this.box = box;
        this.region = new NetworkRegion(pattern.network().encoding(), box, Conjunction.TRUE,
                pattern.toPartialPattern());
    }

    public DecisionPattern pattern() {
        return pattern;
    }

    public Box box() {
        return box;
    }

    /** The solvers' form of the region. */
    public NetworkRegion networkRegion() {
        return region;
    }

    /** The H-representation of the region; the pattern must be &larr;-closed. */
    public PatternPolytope polytope() {
        PatternPolytope p = polytope;
        if (p == null) {
            p = PatternPolytope.of(pattern, box);
            polytope = p;
        }
        return p;
    }

    /**
     * The LP of the region: with {@link PatternPolytope#preActivationBounds(LpSolver, Duration)} for a
     * &larr;-closed pattern, else with interval bounds over the box.
     */
    private RegionLp lp(LinearObjective objective, Sense sense, LpSolver solver, Duration timeLimit) {
        PreActivationBounds b = bounds;
        if (b == null) {
            b = pattern.isClosed() ? polytope().preActivationBounds(solver, timeLimit)
                    : region.network().intervalBounds(box.lower(), box.upper());
            bounds = b;
        }
        return RegionLp.of(region, b, objective, sense);
    }

    /**
     * Whether {@code x} lies in the box and satisfies the pattern in exact arithmetic (every constrained
     * pre-activation of the real-valued network in its closed piece): by the polytope's half-spaces for a
     * &larr;-closed pattern, else by evaluating the network in rationals.
     */
    public boolean contains(double[] x) {
        if (x.length != box.dimension()) {
            throw new BadInputException("point has " + x.length + " values but the input box has dimension "
                    + box.dimension());
        }
        if (pattern.isClosed()) {
            return polytope().contains(x);
        }
        BigFraction[] exact = new BigFraction[x.length];
        for (int j = 0; j < x.length; j++) {
            if (!Double.isFinite(x[j])) {
                return false;
            }
            exact[j] = BigFraction.from(x[j]);
        }
        return region.containsExactly(exact);
    }

    /** Whether some input of the box satisfies the pattern: a checked witness, a Farkas proof, or undecided. */
    public Feasibility feasible(LpSolver solver, Duration timeLimit) {
        LinearObjective zero = new LinearObjective(List.of(), 0.0);
        RegionLp lp = lp(zero, Sense.MINIMIZE, solver, timeLimit);
        LpResult result = solver.solve(lp.program(), Deadline.after(timeLimit));
        if (result instanceof LpResult.Optimal optimal) {
            double[] x = clamp(lp.input(optimal.x()));
            if (contains(x)) {
                return new Feasibility.Feasible(x);
            }
            Optional<double[]> interior = interiorPoint(timeLimit, solver);
            if (interior.isPresent()) {
                return new Feasibility.Feasible(interior.get());
            }
            return new Feasibility.Undecided("the LP's point " + java.util.Arrays.toString(x)
                    + " does not satisfy the pattern exactly (rounding, or a relaxed free neuron)");
        }
        if (certifiedEmpty(result, lp)) {
            return new Feasibility.Infeasible();
        }
        return new Feasibility.Undecided("LP: " + result);
    }

    /** The least value of {@code objective(F(X))} over the region: a safe lower bound (see the class description). */
    public RegionBound minimum(LinearObjective objective, LpSolver solver, Duration timeLimit) {
        return optimum(objective, Sense.MINIMIZE, solver, timeLimit);
    }

    /** The greatest value of {@code objective(F(X))} over the region: a safe upper bound. */
    public RegionBound maximum(LinearObjective objective, LpSolver solver, Duration timeLimit) {
        return optimum(objective, Sense.MAXIMIZE, solver, timeLimit);
    }

    private RegionBound optimum(LinearObjective objective, Sense sense, LpSolver solver, Duration timeLimit) {
        RegionLp lp = lp(objective, sense, solver, timeLimit);
        LpResult result = solver.solve(lp.program(), Deadline.after(timeLimit));
        if (result instanceof LpResult.Optimal optimal) {
            double safe = SafeBounds.objectiveBound(lp.program(), optimal.duals());
            return new RegionBound.Bound(safe, optimal.value(), lp.exact(), clamp(lp.input(optimal.x())));
        }
        if (certifiedEmpty(result, lp)) {
            return new RegionBound.Empty();
        }
        return new RegionBound.Undetermined("LP: " + result);
    }

    /**
     * Whether {@code sigma(X) => P(F(X))} for every {@code X} of the box, by LP: proved when every atom's safe
     * minimum is {@code >= 0} (or the region is certified empty); refuted only by a checked counterexample (the LP
     * minimiser of a failing atom, tried as a candidate); undecided otherwise.
     */
    public Implication implies(OutputProperty property, LpSolver solver, Duration timeLimit) {
        checkOutputs(property);
        double margin = Double.POSITIVE_INFINITY;
        for (int a = 0; a < property.atoms().size(); a++) {
            RegionBound bound = minimum(property.atoms().get(a), solver, timeLimit);
            if (bound instanceof RegionBound.Empty) {
                return new Implication.Proven(Implication.Method.LP_FARKAS_EMPTY, Double.POSITIVE_INFINITY);
            }
            if (bound instanceof RegionBound.Undetermined u) {
                return new Implication.Undecided("atom " + a + ": " + u.reason());
            }
            RegionBound.Bound b = (RegionBound.Bound) bound;
            if (b.safe() < 0.0) {
                Optional<Implication> refuted = refute(property, b.input(), solver, timeLimit);
                if (refuted.isPresent()) {
                    return refuted.get();
                }
                return new Implication.Undecided("atom " + a + " (" + property.atoms().get(a) + "): safe LP lower "
                        + "bound " + b.safe() + " < 0 (LP value " + b.solverValue() + ", "
                        + (b.exact() ? "exact LP" : "free neurons relaxed") + ") and the LP minimiser is no "
                        + "counterexample");
            }
            margin = Math.min(margin, b.safe());
        }
        return new Implication.Proven(Implication.Method.LP_SAFE_BOUND, margin);
    }

    /**
     * A checked counterexample near the LP minimiser {@code x}: {@code x} itself, else (for a &larr;-closed pattern,
     * where the region is convex) points moved from {@code x} towards the centre of {@link PatternPolytope#inscribedBox},
     * since a minimiser on the region's boundary often leaves it when rounded to doubles.
     */
    private Optional<Implication> refute(OutputProperty property, double[] x, LpSolver solver, Duration timeLimit) {
        Optional<Implication> direct = Implication.Refuted.confirm(this, property, x);
        if (direct.isPresent()) {
            return direct;
        }
        Optional<double[]> interior = interiorPoint(timeLimit, solver);
        if (interior.isEmpty()) {
            return Optional.empty();
        }
        for (double t : new double[] {1e-12, 1e-9, 1e-6, 1e-4, 1e-2, 0.1, 0.5, 1.0}) {
            double[] candidate = new double[x.length];
            for (int j = 0; j < x.length; j++) {
                candidate[j] = x[j] + t * (interior.get()[j] - x[j]);
            }
            Optional<Implication> refuted = Implication.Refuted.confirm(this, property, candidate);
            if (refuted.isPresent()) {
                return refuted;
            }
        }
        return Optional.empty();
    }

    /** The centre of the polytope's inscribed box, for a &larr;-closed pattern, checked to lie in the region. */
    private Optional<double[]> interiorPoint(Duration timeLimit, LpSolver solver) {
        if (!pattern.isClosed()) {
            return Optional.empty();
        }
        return polytope().inscribedBox(solver, timeLimit).map(b -> {
            double[] c = new double[b.dimension()];
            for (int j = 0; j < c.length; j++) {
                c[j] = b.lower(j) + (b.upper(j) - b.lower(j)) / 2;
            }
            return c;
        }).filter(this::contains);
    }

    /**
     * Whether {@code sigma(X) => P(F(X))}, decided exactly by {@code solver} minimising every atom over the region
     * (free neurons encoded exactly). A negative exact minimum gives the solver's witness, which is reported as
     * {@link Implication.Refuted} only if it is still a counterexample after rounding to doubles and
     * re-evaluating with {@code Network.evaluate}.
     */
    public Implication impliesExactly(OutputProperty property, SmtSolver solver, Duration timeLimit) {
        checkOutputs(property);
        BigFraction margin = null;
        for (int a = 0; a < property.atoms().size(); a++) {
            OptimumResult result = solver.optimize(region, property.atoms().get(a), Sense.MINIMIZE,
                    Deadline.after(timeLimit));
            if (result instanceof OptimumResult.Infeasible) {
                return new Implication.Proven(Implication.Method.SMT_EXACT, Double.POSITIVE_INFINITY);
            }
            if (!(result instanceof OptimumResult.Optimum optimum)) {
                return new Implication.Undecided("atom " + a + ": SMT " + result);
            }
            if (optimum.value().signum() < 0) {
                int atom = a;
                double[] x = optimum.witness().input();
                return Implication.Refuted.confirm(this, property, x).orElseGet(() -> new Implication.Undecided(
                        "atom " + atom + " has exact minimum " + optimum.value().doubleValue() + " < 0 at "
                                + optimum.witness().exactInput() + ", but rounded to doubles that input is no "
                                + "floating-point counterexample"));
            }
            margin = margin == null || Rationals.compare(optimum.value(), margin) < 0 ? optimum.value() : margin;
        }
        return new Implication.Proven(Implication.Method.SMT_EXACT, Rationals.roundDown(margin));
    }

    private static boolean certifiedEmpty(LpResult result, RegionLp lp) {
        return result instanceof LpResult.Infeasible infeasible
                && infeasible.certificate().map(c -> c.provesInfeasible(lp.program())).orElse(false);
    }

    private double[] clamp(double[] x) {
        double[] c = x.clone();
        for (int j = 0; j < c.length; j++) {
            c[j] = Math.min(box.upper(j), Math.max(box.lower(j), c[j]));
        }
        return c;
    }

    private void checkOutputs(OutputProperty property) {
        if (property.outputCount() != pattern.network().encoding().outputSize()) {
            throw new BadInputException("output property " + property.description() + " is over "
                    + property.outputCount() + " outputs but " + pattern.network().network().source() + " has "
                    + pattern.network().encoding().outputSize());
        }
    }

    @Override
    public String toString() {
        return "PatternRegion(" + pattern + ", " + box + ")";
    }
}
