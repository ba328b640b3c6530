package io.exactline.verifier.smt;

import java.time.Duration;

import io.exactline.verifier.encoding.LinearExpression;
import io.exactline.verifier.encoding.NetworkRegion;
import io.exactline.verifier.encoding.OutputCondition;
import io.exactline.verifier.lp.Sense;

/**
 * Exact decision and optimisation over a piecewise-linear network in linear real arithmetic.
 *
 * <p>Contract: the network is the real function its layers define with every double read as an exact rational;
 * the region is a {@link NetworkRegion} (a box, optionally with units fixed to closed pieces). Answers are exact:
 * {@code Sat}/{@code Optimum} carry a witness that the implementation has re-checked in exact rational arithmetic,
 * and {@code Unsat}/{@code Infeasible} are decided by the solver's exact arithmetic (they hold for the real-valued
 * network, not necessarily for its floating-point evaluation, which may differ by rounding). An implementation may
 * always answer {@code Unknown} or {@code Timeout}. Implementations are thread-safe; each call is independent.
 */
public interface SmtSolver {

    /**
     * Decides whether some input {@code x} of {@code region} has outputs {@code y = f(x)} satisfying
     * {@code condition}. With {@link OutputCondition#always()} this is the feasibility of the region itself (of an
     * activation pattern).
     */
    SmtResult findInput(NetworkRegion region, OutputCondition condition, Duration timeLimit);

    /** The least ({@link Sense#MINIMIZE}) or greatest value of {@code objective(f(x))} over {@code x} in {@code region}. */
    OptimumResult optimize(NetworkRegion region, LinearExpression objective, Sense sense, Duration timeLimit);
}
