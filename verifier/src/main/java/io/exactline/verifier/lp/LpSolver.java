package io.exactline.verifier.lp;

import io.exactline.verifier.Deadline;

/**
 * Solves linear programs in floating point.
 *
 * <p>Contract: the answer is the solver's numerical judgement, never a proof by itself. What is rigorous is
 * what can be checked afterwards: the bound {@link SafeBounds#objectiveBound} computes from the duals of an
 * {@link LpResult.Optimal}, and the {@link FarkasCertificate} an {@link LpResult.Infeasible} may carry.
 * Implementations are thread-safe; each call is independent.
 */
public interface LpSolver {

    /**
     * Solves {@code lp}, giving up with {@link LpResult.Unknown} once {@code deadline} has passed.
     */
    LpResult solve(LinearProgram lp, Deadline deadline);
}
