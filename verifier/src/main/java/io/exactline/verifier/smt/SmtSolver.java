package io.exactline.verifier.smt;

import io.exactline.verifier.Deadline;
import io.exactline.verifier.encoding.LinearObjective;
import io.exactline.verifier.encoding.NetworkRegion;
import io.exactline.verifier.encoding.PreActivationBounds;
import io.exactline.verifier.lp.Sense;
import io.exactline.verifier.property.Conjunction;
import io.exactline.verifier.property.OutputCondition;

/**
 * Exact decision and optimisation over a piecewise-linear network in linear real arithmetic.
 *
 * <p>Contract: the network is the real function its layers define with every double read as an exact rational;
 * the region is a {@link NetworkRegion} (a box with optional linear input constraints and units fixed to closed
 * pieces). Answers are exact: {@code Sat}/{@code Optimum} carry a witness that the implementation has re-checked in
 * exact rational arithmetic, and {@code Unsat}/{@code Infeasible} are decided by the solver's exact arithmetic (they
 * hold for the real-valued network, not necessarily for its floating-point evaluation, which may differ by
 * rounding). An implementation may always answer {@code Unknown}, and answers {@code Timeout} once the deadline has
 * passed. Implementations are thread-safe; each call is independent.
 */
public interface SmtSolver {

    /**
     * Decides whether some input {@code x} of {@code region} and its outputs {@code y = f(x)} satisfy
     * {@code condition} (whose inequalities may read inputs as well as outputs). With a condition of one empty
     * conjunction ({@link Conjunction#TRUE}) this is the feasibility of the region itself (of an activation
     * pattern).
     */
    default SmtResult findInput(NetworkRegion region, OutputCondition condition, Deadline deadline) {
        return findInput(region, region.intervalBounds(), condition, deadline);
    }

    /**
     * As {@link #findInput(NetworkRegion, OutputCondition, Deadline)}, with pre-activation bounds valid over the
     * region (tighter bounds rule out more pieces; bounds that are not valid make the answer wrong).
     */
    SmtResult findInput(NetworkRegion region, PreActivationBounds bounds, OutputCondition condition,
            Deadline deadline);

    /** The least ({@link Sense#MINIMIZE}) or greatest value of {@code objective(x, f(x))} over {@code region}. */
    OptimumResult optimize(NetworkRegion region, LinearObjective objective, Sense sense, Deadline deadline);
}
