package io.exactline.verifier.milp;

import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

import io.exactline.verifier.Deadline;
import io.exactline.verifier.encoding.ExactConditions;
import io.exactline.verifier.encoding.LinearObjective;
import io.exactline.verifier.encoding.NetworkRegion;
import io.exactline.verifier.encoding.PiecewiseAffineNetwork;
import io.exactline.verifier.encoding.PreActivationBounds;
import io.exactline.verifier.lp.OrToolsNatives;
import io.exactline.verifier.lp.Sense;
import io.exactline.verifier.lp.TimeLimits;
import io.exactline.verifier.property.OutputCondition;

/**
 * Searches and optimises over a piecewise-linear network with the big-M mixed-integer encoding of
 * {@link MilpEncoding}, solved by SCIP through OR-Tools.
 *
 * <p>Guarantee: none by itself. The MILP is solved in floating point with feasibility and integrality tolerances,
 * and it is only as right as the pre-activation bounds it is given (bounds that are too tight cut off inputs). A
 * {@link MilpResult.Feasible} input is a candidate the caller re-evaluates; {@link MilpResult.Infeasible} and the
 * optimal values are floating-point judgements, useful to guide a search or to compare with exact engines, never an
 * {@code unsat} proof. Thread-safe: each call builds its own solver.
 */
public final class BigMMilpSolver {

    public BigMMilpSolver() {
        OrToolsNatives.load();
    }

    /**
     * Looks for an input of {@code region} whose outputs satisfy {@code condition}, with rigorous interval bounds of
     * the pre-activations over the box.
     */
    public MilpResult findInput(NetworkRegion region, OutputCondition condition, Deadline deadline) {
        return findInput(region, region.intervalBounds(), condition, deadline);
    }

    /**
     * Looks for an input of {@code region} whose outputs satisfy {@code condition}.
     *
     * @param bounds pre-activation bounds valid over the region (e.g. from DeepPoly); they set the big-M constants
     */
    public MilpResult findInput(NetworkRegion region, PreActivationBounds bounds, OutputCondition condition,
            Deadline deadline) {
        PiecewiseAffineNetwork network = region.network();
        ExactConditions.checkVariables(condition, network.inputSize(), network.outputSize());
        if (deadline.expired()) {
            return new MilpResult.Timeout();
        }
        MPSolver solver = newSolver();
        try {
            MilpEncoding encoding = new MilpEncoding(solver, region, bounds);
            if (encoding.empty()) {
                return new MilpResult.Infeasible();
            }
            encoding.require(condition);
            solver.setTimeLimit(TimeLimits.millis(deadline.remaining()));
            MPSolver.ResultStatus status = solver.solve();
            return switch (status) {
                case OPTIMAL, FEASIBLE -> new MilpResult.Feasible(values(encoding.inputs()));
                case INFEASIBLE -> new MilpResult.Infeasible();
                case NOT_SOLVED -> new MilpResult.Timeout();
                default -> new MilpResult.Unknown("SCIP ended with status " + status);
            };
        } finally {
            solver.delete();
        }
    }

    /** The least or greatest value of {@code objective}, with rigorous interval bounds of the pre-activations. */
    public MilpOptimum optimize(NetworkRegion region, LinearObjective objective, Sense sense, Deadline deadline) {
        return optimize(region, region.intervalBounds(), objective, sense, deadline);
    }

    /**
     * The least or greatest value of {@code objective} over the region.
     *
     * @param bounds pre-activation bounds valid over the region; they set the big-M constants
     */
    public MilpOptimum optimize(NetworkRegion region, PreActivationBounds bounds, LinearObjective objective,
            Sense sense, Deadline deadline) {
        PiecewiseAffineNetwork network = region.network();
        ExactConditions.checkVariables(objective.terms(), network.inputSize(), network.outputSize(), "objective");
        if (deadline.expired()) {
            return new MilpOptimum.Timeout();
        }
        MPSolver solver = newSolver();
        try {
            MilpEncoding encoding = new MilpEncoding(solver, region, bounds);
            if (encoding.empty()) {
                return new MilpOptimum.Infeasible();
            }
            encoding.setObjective(objective);
            MPObjective goal = solver.objective();
            goal.setOptimizationDirection(sense == Sense.MAXIMIZE);
            solver.setTimeLimit(TimeLimits.millis(deadline.remaining()));
            MPSolver.ResultStatus status = solver.solve();
            return switch (status) {
                case OPTIMAL -> new MilpOptimum.Optimal(goal.value(), goal.bestBound(), values(encoding.inputs()));
                case FEASIBLE -> new MilpOptimum.Incumbent(goal.value(), goal.bestBound(), values(encoding.inputs()));
                case INFEASIBLE -> new MilpOptimum.Infeasible();
                case NOT_SOLVED -> new MilpOptimum.Timeout();
                default -> new MilpOptimum.Unknown("SCIP ended with status " + status);
            };
        } finally {
            solver.delete();
        }
    }

    private static MPSolver newSolver() {
        MPSolver solver = MPSolver.createSolver("SCIP");
        if (solver == null) {
            throw new IllegalStateException("OR-Tools was built without SCIP");
        }
        return solver;
    }

    private static double[] values(MPVariable[] variables) {
        double[] x = new double[variables.length];
        for (int j = 0; j < x.length; j++) {
            x[j] = variables[j].solutionValue();
        }
        return x;
    }
}
