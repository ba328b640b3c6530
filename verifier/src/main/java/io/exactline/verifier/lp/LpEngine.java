package io.exactline.verifier.lp;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.exactline.core.network.Network;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.DeadlineExceededException;
import io.exactline.verifier.Engine;
import io.exactline.verifier.Guarantee;
import io.exactline.verifier.bounds.BoundComputer;
import io.exactline.verifier.bounds.BoundNetwork;
import io.exactline.verifier.bounds.BoundOptions;
import io.exactline.verifier.bounds.LayerBounds;
import io.exactline.verifier.bounds.PartialPattern;
import io.exactline.verifier.encoding.ActivationPieces;
import io.exactline.verifier.encoding.ActivationStep;
import io.exactline.verifier.encoding.CaseQueries;
import io.exactline.verifier.encoding.NetworkRegion;
import io.exactline.verifier.encoding.PiecewiseAffineNetwork;
import io.exactline.verifier.encoding.PreActivationBounds;
import io.exactline.verifier.encoding.RegionLp;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.property.Conjunction;
import io.exactline.verifier.property.LinearInequality;
import io.exactline.verifier.property.OutputCondition;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.property.PropertyCase;
import io.exactline.verifier.property.Term;
import io.exactline.verifier.smt.JavaSmtSolver;
import io.exactline.verifier.smt.SmtEngine;
import io.exactline.verifier.smt.SmtSolver;
import io.exactline.verifier.verdict.Counterexample;
import io.exactline.verifier.verdict.NetworkDigest;
import io.exactline.verifier.verdict.Provenance;
import io.exactline.verifier.verdict.Sat;
import io.exactline.verifier.verdict.Timeout;
import io.exactline.verifier.verdict.Unknown;
import io.exactline.verifier.verdict.Unsat;
import io.exactline.verifier.verdict.Verdict;

/**
 * Complete verification by linear programming: depth-first branch and bound over activation patterns, one LP per
 * node.
 *
 * <p>For each property case and each conjunction {@code q_1 <= 0, ..., q_m <= 0} of its unsafe condition, a node is
 * a {@link PartialPattern}. Its pre-activation bounds come from outward-rounded bound propagation over the case's
 * box under the pattern ({@link BoundComputer}; no bounds means no input of the box has the pattern, and the node
 * is closed), and a node where back-substitution alone bounds some inequality above 0 is closed too. Its LP
 * ({@link RegionLp#ofViolation}) minimises {@code t >= q_i} over the triangle relaxation of the
 * free unstable units, the fixed units exactly, and the case's input constraints. The node is closed when the
 * Neumaier-Shcherbina bound from GLOP's duals ({@link SafeBounds}) is {@code > 0}, or the LP is infeasible with a
 * checked Farkas certificate: then no real input of the node's region reaches the conjunction. Otherwise the LP's
 * minimiser is tried as a counterexample ({@link Counterexample#confirm}), and the node is split on the free unit
 * whose relaxation is loosest (one child per piece its bounds meet). A node without free unstable units has an
 * exact LP; if its safe bound is not positive and its minimiser is no floating-point counterexample, the node is
 * decided exactly by an {@link SmtSolver} (for a fixed pattern, an LP in rational arithmetic).
 *
 * <p>So unsat holds for the real-valued network despite rounding, sat carries a re-evaluated counterexample, and
 * the search ends (every unit fixed) on any piecewise-linear network given time. It answers unknown only when a
 * leaf has a counterexample in exact arithmetic but none in floating point, or the SMT solver gives up.
 */
public final class LpEngine implements Engine {
    /** The engine's name. */
    public static final String NAME = "lp";

    private final LpSolver solver;
    private final SmtSolver leafSolver;
    private final BoundOptions boundOptions;

    /**
     * @param solver the LP solver of the nodes
     * @param leafSolver the exact solver of leaves the LP cannot decide
     * @param boundOptions the bound propagation of the nodes' pre-activation bounds
     */
    public LpEngine(LpSolver solver, SmtSolver leafSolver, BoundOptions boundOptions) {
        this.solver = solver;
        this.leafSolver = leafSolver;
        this.boundOptions = boundOptions;
    }

    /** GLOP, Z3 at the leaves, forward and back-substituted symbolic bounds. */
    public LpEngine() {
        this(new GlopLpSolver(), JavaSmtSolver.z3(), BoundOptions.FORWARD_BACKWARD);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Guarantee guarantee() {
        return new Guarantee(true, true, false, "depth-first branch and bound on activation patterns with one GLOP"
                + " LP per node (triangle relaxation over outward-rounded symbolic bounds); nodes close only on"
                + " Neumaier-Shcherbina safe dual bounds or checked Farkas certificates, undecided leaves go to Z3;"
                + " counterexamples are re-evaluated");
    }

    @Override
    public Verdict verify(Network network, Property property, Deadline deadline) {
        property.requireCompatible(network);
        long start = System.nanoTime();
        Search search = new Search(network, property, deadline);
        try {
            Optional<Counterexample> found = search.run();
            if (found.isPresent()) {
                return new Sat(found.get(), search.provenance(start));
            }
        } catch (DeadlineExceededException e) {
            return new Timeout(e.budget(), search.provenance(start));
        }
        return search.unknown.<Verdict>map(reason -> new Unknown(reason, search.provenance(start)))
                .orElseGet(() -> Unsat.uncertified(search.provenance(start)));
    }

    /** One run: the network in both encodings, counters, and the first reason to answer unknown. */
    private final class Search {
        private final Network network;
        private final Property property;
        private final Deadline deadline;
        private final PiecewiseAffineNetwork encoded;
        private final BoundComputer bounds;
        private long nodes;
        private long lps;
        private long exactLeaves;
        private Optional<String> unknown = Optional.empty();

        Search(Network network, Property property, Deadline deadline) {
            this.network = network;
            this.property = property;
            this.deadline = deadline;
            this.encoded = PiecewiseAffineNetwork.of(network);
            this.bounds = new BoundComputer(BoundNetwork.of(network), boundOptions);
        }

        /** A counterexample, or empty when every conjunction of every case was closed or left unknown. */
        Optional<Counterexample> run() {
            for (PropertyCase c : property.cases()) {
                Optional<Counterexample> midpoint = Counterexample.confirm(network, property, c.box().midpoint());
                if (midpoint.isPresent()) {
                    return midpoint;
                }
                NetworkRegion region = NetworkRegion.of(encoded, c);
                for (Conjunction unsafe : c.outputCondition().disjuncts()) {
                    Optional<Counterexample> found = unsafe.inequalities().isEmpty()
                            ? emptyConjunction(region)
                            : search(region, unsafe);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            return Optional.empty();
        }

        /** A conjunction without inequalities holds everywhere: any input of the region is a counterexample. */
        private Optional<Counterexample> emptyConjunction(NetworkRegion region) {
            return leaf(region, region.intervalBounds(), Conjunction.TRUE);
        }

        private Optional<Counterexample> search(NetworkRegion root, Conjunction unsafe) {
            Deque<PartialPattern> open = new ArrayDeque<>();
            open.push(root.pattern());
            while (!open.isEmpty()) {
                deadline.check();
                PartialPattern pattern = open.pop();
                nodes++;
                Optional<LayerBounds> propagated = bounds.bounds(root.box(), pattern);
                if (propagated.isEmpty()) {
                    continue;
                }
                if (closedByPropagation(propagated.get(), unsafe)) {
                    continue;
                }
                PreActivationBounds pre = PreActivationBounds.of(propagated.get());
                NetworkRegion region = root.with(pattern);
                RegionLp lp = RegionLp.ofViolation(region, pre, unsafe);
                lps++;
                LpResult result = solver.solve(lp.program(), deadline);
                if (result instanceof LpResult.Optimal optimal) {
                    if (SafeBounds.objectiveBound(lp.program(), optimal.duals()) > 0.0) {
                        continue;
                    }
                    Optional<Counterexample> candidate = Counterexample.confirm(network, property,
                            root.box().clamp(lp.input(optimal.x())));
                    if (candidate.isPresent()) {
                        return candidate;
                    }
                } else if (result instanceof LpResult.Infeasible infeasible
                        && infeasible.certificate().map(f -> f.provesInfeasible(lp.program())).orElse(false)) {
                    continue;
                }
                deadline.check();
                Optional<Unit> split = loosestUnit(pre, pattern);
                if (split.isEmpty()) {
                    Optional<Counterexample> found = leaf(region, pre, unsafe);
                    if (found.isPresent()) {
                        return found;
                    }
                    continue;
                }
                Unit u = split.get();
                for (int s = 0; s < u.pieces.pieceCount(); s++) {
                    if (u.pieces.pieceLow(s) <= u.upper && u.pieces.pieceHigh(s) >= u.lower) {
                        open.push(pattern.with(u.layer, u.index, s));
                    }
                }
            }
            return Optional.empty();
        }

        /**
         * Whether some inequality {@code c . y + d <= 0} of the conjunction over the outputs alone has a sound
         * lower bound of {@code c . y} (back-substitution over the node's bounds) above {@code -d}: then no input
         * of the node satisfies the conjunction, without an LP.
         */
        private boolean closedByPropagation(LayerBounds node, Conjunction unsafe) {
            for (LinearInequality q : unsafe.inequalities()) {
                if (q.readsInputs()) {
                    continue;
                }
                double[] c = new double[network.outputSize()];
                for (Term t : q.terms()) {
                    c[t.variable().index()] += t.coefficient();
                }
                if (OutwardRounding.addDown(bounds.lowerBound(node, c).lower(), q.constant()) > 0.0) {
                    return true;
                }
            }
            return false;
        }

        /** Decides an exact leaf with the SMT solver; an undecided leaf leaves a reason to answer unknown. */
        private Optional<Counterexample> leaf(NetworkRegion region, PreActivationBounds pre, Conjunction unsafe) {
            exactLeaves++;
            OutputCondition condition = new OutputCondition(List.of(unsafe));
            CaseQueries.Query query = SmtEngine.query(leafSolver);
            CaseQueries.Answer answer = query.ask(region, pre, condition, deadline);
            if (answer instanceof CaseQueries.Answer.OutOfTime) {
                throw new DeadlineExceededException(deadline.budget());
            }
            if (answer instanceof CaseQueries.Answer.Candidate candidate) {
                double[] margins = SmtEngine.margins();
                Optional<Counterexample> found = CaseQueries.confirm(query, candidate.input(), margins, region, pre,
                        condition, network, property, deadline);
                if (found.isEmpty() && unknown.isEmpty()) {
                    unknown = Optional.of(CaseQueries.missed(candidate.input(), margins));
                }
                return found;
            }
            if (answer instanceof CaseQueries.Answer.Undecided undecided && unknown.isEmpty()) {
                unknown = Optional.of("the exact solver left a leaf undecided: " + undecided.reason());
            }
            return Optional.empty();
        }

        /**
         * The free unit whose bounds meet more than one closed piece with the largest
         * {@code (c - l)(u - c) / (u - l)} at its first breakpoint {@code c} inside {@code (l, u)} (for ReLU the
         * area of the triangle relaxation over its height); empty when every free unit is stable.
         */
        private Optional<Unit> loosestUnit(PreActivationBounds pre, PartialPattern pattern) {
            Unit best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (ActivationStep step : encoded.activations()) {
                ActivationPieces pieces = step.pieces();
                for (int i = 0; i < step.size(); i++) {
                    if (pattern.isFixed(step.layer(), i)) {
                        continue;
                    }
                    double l = pre.lower(step.layer(), i);
                    double u = pre.upper(step.layer(), i);
                    for (int s = 0; s + 1 < pieces.pieceCount(); s++) {
                        double c = pieces.pieceHigh(s);
                        if (l < c && c < u) {
                            double score = (c - l) * (u - c) / (u - l);
                            if (score > bestScore) {
                                bestScore = score;
                                best = new Unit(step.layer(), i, l, u, pieces);
                            }
                            break;
                        }
                    }
                }
            }
            return Optional.ofNullable(best);
        }

        Provenance provenance(long start) {
            Map<String, String> settings = new TreeMap<>(Map.of("bounds", boundOptions.toString(),
                    "lp", solver.getClass().getSimpleName(), "leaves", leafSolver.getClass().getSimpleName()));
            return Provenance.of(NAME, settings, Duration.ofNanos(System.nanoTime() - start),
                    Map.of("nodes", nodes, "lps", lps, "exactLeaves", exactLeaves), NetworkDigest.of(network),
                    property.source());
        }
    }

    /** A unit to split on, with its bounds and pieces. */
    private record Unit(int layer, int index, double lower, double upper, ActivationPieces pieces) {
    }
}
