package io.exactline.verifier.smt;

import java.util.Map;

import io.exactline.core.network.Network;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.Engine;
import io.exactline.verifier.Guarantee;
import io.exactline.verifier.bounds.BoundOptions;
import io.exactline.verifier.encoding.CaseQueries;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.verdict.Verdict;

/**
 * Complete and exact verification by SMT: each property case is one query to an {@link SmtSolver} (Z3 by
 * default) over the exact encoding of the network in linear real arithmetic, every double read as the rational it
 * is ({@link CaseQueries}). Pre-activation bounds from outward-rounded bound propagation only drop pieces a unit
 * cannot reach.
 *
 * <p>Unsat is decided in exact arithmetic, so it holds for the real-valued network; sat carries the solver's
 * witness rounded to doubles and re-evaluated. A witness on the boundary of the unsafe set may stop being a
 * counterexample when rounded; then the solver is asked again with the condition tightened by {@link #MARGINS}, and
 * the answer is unknown if no witness survives. Meant for small networks and for cross-checking the other engines:
 * on ACAS Xu-sized networks a query can take minutes.
 */
public final class SmtEngine implements Engine {
    /** The engine's name. */
    public static final String NAME = "smt";
    /** The margins a boundary witness is retried with. */
    private static final double[] MARGINS = {1e-3, 1e-6, 1e-9};

    private final SmtSolver solver;

    public SmtEngine(SmtSolver solver) {
        this.solver = solver;
    }

    /** Z3 through JavaSMT. */
    public SmtEngine() {
        this(JavaSmtSolver.z3());
    }

    /** The solver as a {@link CaseQueries.Query}: a witness is a candidate, exact unsat is no input. */
    public static CaseQueries.Query query(SmtSolver solver) {
        return (region, bounds, condition, deadline) -> {
            SmtResult result = solver.findInput(region, bounds, condition, deadline);
            if (result instanceof SmtResult.Sat sat) {
                return new CaseQueries.Answer.Candidate(sat.witness().input());
            }
            if (result instanceof SmtResult.Unsat) {
                return new CaseQueries.Answer.NoInput();
            }
            if (result instanceof SmtResult.Unknown unknown) {
                return new CaseQueries.Answer.Undecided(unknown.reason());
            }
            return new CaseQueries.Answer.OutOfTime();
        };
    }

    /** The margins a boundary witness is retried with, {@code 1e-3}, {@code 1e-6}, {@code 1e-9}. */
    public static double[] margins() {
        return MARGINS.clone();
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
        return CaseQueries.verify(NAME, Map.of("solver", solver.toString(), "bounds",
                BoundOptions.FORWARD_BACKWARD.toString()), query(solver), MARGINS, network, property, deadline);
    }
}
