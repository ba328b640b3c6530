package io.exactline.verifier.smt;

import java.time.Duration;
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
 * Complete and exact verification by SMT: each property case is one query to an {@link SmtSolver} (Z3 by
 * default) over the exact encoding of the network in linear real arithmetic, every double read as the rational it
 * is. Pre-activation bounds from outward-rounded bound propagation only drop pieces a unit cannot reach.
 *
 * <p>Unsat is decided in exact arithmetic, so it holds for the real-valued network; sat carries the solver's
 * witness rounded to doubles and re-evaluated ({@link Counterexample#confirm}). When the exact witness is no
 * floating-point counterexample the answer is unknown. Meant for small networks and for cross-checking the other
 * engines: on ACAS Xu-sized networks a query can take minutes.
 */
public final class SmtEngine implements Engine {
    /** The engine's name. */
    public static final String NAME = "smt";

    private final SmtSolver solver;

    public SmtEngine(SmtSolver solver) {
        this.solver = solver;
    }

    /** Z3 through JavaSMT. */
    public SmtEngine() {
        this(JavaSmtSolver.z3());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Guarantee guarantee() {
        return new Guarantee(true, true, false, "Z3 on the exact encoding of the network in linear real"
                + " arithmetic, one query per property case; unsat holds for the real-valued network, witnesses are"
                + " re-evaluated in floating point; for small networks and cross-checks");
    }

    @Override
    public Verdict verify(Network network, Property property, Deadline deadline) {
        property.requireCompatible(network);
        long start = System.nanoTime();
        PiecewiseAffineNetwork encoded = PiecewiseAffineNetwork.of(network);
        BoundComputer bounds = new BoundComputer(BoundNetwork.of(network), BoundOptions.FORWARD_BACKWARD);
        long queries = 0;
        Optional<String> unknown = Optional.empty();
        for (PropertyCase c : property.cases()) {
            NetworkRegion region = NetworkRegion.of(encoded, c);
            PreActivationBounds pre = bounds.bounds(c.box(), region.pattern()).map(PreActivationBounds::of)
                    .orElseGet(region::intervalBounds);
            queries++;
            SmtResult result = solver.findInput(region, pre, c.outputCondition(), deadline);
            Provenance provenance = provenance(network, property, start, queries);
            if (result instanceof SmtResult.Timeout) {
                return new Timeout(deadline.budget(), provenance);
            }
            if (result instanceof SmtResult.Sat sat) {
                Optional<Counterexample> found = Counterexample.confirm(network, property, sat.witness().input())
                        .or(() -> deeper(solver, network, property, region, pre, c.outputCondition(), deadline));
                if (found.isPresent()) {
                    return new Sat(found.get(), provenance(network, property, start, queries));
                }
                unknown = unknown.or(() -> Optional.of("an input reaches the unsafe set in exact arithmetic ("
                        + sat.witness().exactInput() + "), but rounded to doubles it is no counterexample of the"
                        + " floating-point network"));
            } else if (result instanceof SmtResult.Unknown u) {
                unknown = unknown.or(() -> Optional.of("the SMT solver gave up on a case: " + u.reason()));
            }
        }
        Provenance provenance = provenance(network, property, start, queries);
        return unknown.<Verdict>map(reason -> new Unknown(reason, provenance))
                .orElseGet(() -> Unsat.uncertified(provenance));
    }

    /**
     * A floating-point counterexample when the solver's witness rounded to doubles is none (it typically lies on
     * the boundary of the unsafe set): the solver is asked again for inputs that meet {@code condition} with room
     * {@code 1e-3}, then {@code 1e-6}, then {@code 1e-9} ({@link OutputCondition#tightened}), and each witness is
     * re-evaluated. Empty when none is a counterexample or the time runs out.
     */
    public static Optional<Counterexample> deeper(SmtSolver solver, Network network, Property property,
            NetworkRegion region, PreActivationBounds bounds, OutputCondition condition, Deadline deadline) {
        for (double margin : new double[] {1e-3, 1e-6, 1e-9}) {
            if (deadline.expired()) {
                return Optional.empty();
            }
            SmtResult result = solver.findInput(region, bounds, condition.tightened(margin), deadline);
            if (result instanceof SmtResult.Sat sat) {
                Optional<Counterexample> found = Counterexample.confirm(network, property, sat.witness().input());
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private Provenance provenance(Network network, Property property, long start, long queries) {
        return Provenance.of(NAME, Map.of("solver", solver.toString()), Duration.ofNanos(System.nanoTime() - start),
                Map.of("queries", queries), NetworkDigest.of(network), property.source());
    }
}
