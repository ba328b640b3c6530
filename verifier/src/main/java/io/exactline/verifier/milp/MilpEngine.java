package io.exactline.verifier.milp;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import io.exactline.core.network.Network;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.Engine;
import io.exactline.verifier.Guarantee;
import io.exactline.verifier.bounds.BoundComputer;
import io.exactline.verifier.bounds.BoundNetwork;
import io.exactline.verifier.bounds.BoundOptions;
import io.exactline.verifier.encoding.NetworkRegion;
import io.exactline.verifier.encoding.PiecewiseAffineNetwork;
import io.exactline.verifier.encoding.PreActivationBounds;
import io.exactline.verifier.property.OutputCondition;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.property.PropertyCase;
import io.exactline.verifier.verdict.Counterexample;
import io.exactline.verifier.verdict.NetworkDigest;
import io.exactline.verifier.verdict.Provenance;
import io.exactline.verifier.verdict.Sat;
import io.exactline.verifier.verdict.Timeout;
import io.exactline.verifier.verdict.Unknown;
import io.exactline.verifier.verdict.Unsat;
import io.exactline.verifier.verdict.Verdict;

/**
 * Complete verification by mixed-integer linear programming: each property case is one big-M MILP
 * ({@link BigMMilpSolver}, SCIP through OR-Tools) whose constants come from outward-rounded symbolic bound
 * propagation over the case's box (tight bounds make small big-M constants and a strong relaxation).
 *
 * <p><b>Floating point.</b> SCIP solves in double precision with feasibility and integrality tolerances (about
 * {@code 1e-6}) and no safe bounds, so its "infeasible" is a numerical judgement: this engine's unsat is <em>not</em>
 * sound under floating point (the {@link Guarantee} says so), and a property that fails only by about the
 * tolerance can be reported unsat. Its sat is sound: SCIP's point is re-evaluated on the network
 * ({@link Counterexample#confirm}), and a point that is a solution only within the tolerances gives unknown.
 */
public final class MilpEngine implements Engine {
    /** The engine's name. */
    public static final String NAME = "milp";

    private final BigMMilpSolver solver;

    public MilpEngine(BigMMilpSolver solver) {
        this.solver = solver;
    }

    /** SCIP through OR-Tools. */
    public MilpEngine() {
        this(new BigMMilpSolver());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Guarantee guarantee() {
        return new Guarantee(true, false, false, "SCIP on a big-M MILP over outward-rounded symbolic bounds, one per"
                + " property case; unsat is SCIP's floating-point judgement within its tolerances (about 1e-6), not"
                + " a proof; counterexamples are re-evaluated");
    }

    @Override
    public Verdict verify(Network network, Property property, Deadline deadline) {
        property.requireCompatible(network);
        long start = System.nanoTime();
        PiecewiseAffineNetwork encoded = PiecewiseAffineNetwork.of(network);
        BoundComputer bounds = new BoundComputer(BoundNetwork.of(network), BoundOptions.FORWARD_BACKWARD);
        long milps = 0;
        Optional<String> unknown = Optional.empty();
        for (PropertyCase c : property.cases()) {
            NetworkRegion region = NetworkRegion.of(encoded, c);
            PreActivationBounds pre = bounds.bounds(c.box(), region.pattern()).map(PreActivationBounds::of)
                    .orElseGet(region::intervalBounds);
            milps++;
            MilpResult result = solver.findInput(region, pre, c.outputCondition(), deadline);
            Provenance provenance = provenance(network, property, start, milps);
            if (result instanceof MilpResult.Timeout) {
                return new Timeout(deadline.budget(), provenance);
            }
            if (result instanceof MilpResult.Feasible feasible) {
                double[] x = feasible.input();
                Optional<Counterexample> found = Counterexample.confirm(network, property, x)
                        .or(() -> deeper(region, pre, c.outputCondition(), network, property, deadline));
                if (found.isPresent()) {
                    return new Sat(found.get(), provenance(network, property, start, milps));
                }
                unknown = unknown.or(() -> Optional.of("SCIP's solution x = " + Arrays.toString(x) + " reaches the"
                        + " unsafe set only within its tolerances, not when the network is evaluated there"));
            } else if (result instanceof MilpResult.Unknown u) {
                unknown = unknown.or(() -> Optional.of("SCIP gave no answer on a case: " + u.reason()));
            }
        }
        Provenance provenance = provenance(network, property, start, milps);
        return unknown.<Verdict>map(reason -> new Unknown(reason, provenance))
                .orElseGet(() -> Unsat.uncertified(provenance));
    }

    /**
     * A counterexample when SCIP's point is one only within its tolerances: SCIP is asked again for inputs that meet
     * the condition with room {@code 1e-2}, then {@code 1e-4} ({@link OutputCondition#tightened}, well above its
     * tolerances), and each point is re-evaluated. Empty when none is a counterexample.
     */
    private Optional<Counterexample> deeper(NetworkRegion region, PreActivationBounds pre, OutputCondition condition,
            Network network, Property property, Deadline deadline) {
        for (double margin : new double[] {1e-2, 1e-4}) {
            if (solver.findInput(region, pre, condition.tightened(margin), deadline)
                    instanceof MilpResult.Feasible feasible) {
                Optional<Counterexample> found = Counterexample.confirm(network, property, feasible.input());
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Provenance provenance(Network network, Property property, long start, long milps) {
        return Provenance.of(NAME, Map.of("solver", "SCIP", "bounds", BoundOptions.FORWARD_BACKWARD.toString()),
                Duration.ofNanos(System.nanoTime() - start), Map.of("milps", milps), NetworkDigest.of(network),
                property.source());
    }
}
