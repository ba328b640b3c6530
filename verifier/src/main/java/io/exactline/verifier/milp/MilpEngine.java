package io.exactline.verifier.milp;

import java.util.Map;

import io.exactline.core.network.Network;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.Engine;
import io.exactline.verifier.Guarantee;
import io.exactline.verifier.bounds.BoundOptions;
import io.exactline.verifier.encoding.CaseQueries;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.verdict.Assurance;
import io.exactline.verifier.verdict.Unsat;
import io.exactline.verifier.verdict.Verdict;

/**
 * Complete verification by mixed-integer linear programming: each property case is one big-M MILP
 * ({@link BigMMilpSolver}, SCIP through OR-Tools) whose constants come from outward-rounded symbolic bound
 * propagation over the case's box, so the big-M constants are small and the relaxation strong ({@link CaseQueries}).
 *
 * <p><b>Floating point.</b> SCIP solves in double precision with feasibility and integrality tolerances (about
 * {@code 1e-6}) and no safe bounds, so its "infeasible" is a numerical judgement: this engine's unsat is <em>not</em>
 * sound under floating point (the {@link Guarantee} says so), and a property that fails only by about the
 * tolerance can be reported unsat. So its unsat carries {@link Assurance#UNCHECKED}: labelled
 * {@code unsat (engine milp, unchecked)}, never cached, and no pass for the JUnit assertions or the Maven plugin. Its
 * sat is sound: SCIP's point is re-evaluated on the network; a point that is a
 * solution only within the tolerances is retried with the condition tightened by {@code 1e-2}, then {@code 1e-4},
 * and gives unknown if no point survives.
 */
public final class MilpEngine implements Engine {
    /** The engine's name. */
    public static final String NAME = "milp";
    private static final double[] MARGINS = {1e-2, 1e-4};

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
        Verdict verdict = CaseQueries.verify(NAME, Map.of("solver", "SCIP", "bounds",
                BoundOptions.FORWARD_BACKWARD.toString()), solver::findInput, MARGINS, network, property, deadline);
        return verdict instanceof Unsat unsat
                ? new Unsat(unsat.certificate(), unsat.provenance(), Assurance.UNCHECKED) : verdict;
    }
}
