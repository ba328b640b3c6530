package io.exactline.verifier.lp;

import java.util.List;
import java.util.Optional;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

import io.exactline.verifier.Deadline;

/**
 * {@link LpSolver} on OR-Tools' GLOP simplex, one fresh {@link MPSolver} per call (so calls on different threads
 * share nothing).
 *
 * <p>When GLOP reports infeasibility, a Farkas certificate is sought from the elastic program
 *
 * <pre>
 *   minimise sum_i s_i   subject to   a_i . x - s_i &lt;= b_i (inequality rows),
 *                                     a_i . x - s_i^+ + s_i^- = b_i (equality rows),   l &lt;= x &lt;= u,  s &gt;= 0,
 * </pre>
 *
 * which is always feasible. Its duals {@code y} (all {@code >= -1} on the slack columns) give {@code z = -y}: by the
 * safe bound of {@link SafeBounds} applied to the elastic program, a positive optimum makes
 * {@code min over the box of (A^T z) . x - z^T b} positive, which is the certificate's inequality. The certificate
 * is attached only if {@link FarkasCertificate#provesInfeasible} accepts it. An elastic optimum of 0 means the
 * rows are consistent after all, and GLOP's "infeasible" stood for "infeasible or unbounded": the answer is then
 * {@link LpResult.Unbounded}.
 */
public final class GlopLpSolver implements LpSolver {
    /** Total slack below which the elastic program counts as feasible. */
    private static final double ELASTIC_FEASIBLE = 1e-9;

    public GlopLpSolver() {
        OrToolsNatives.load();
    }

    @Override
    public LpResult solve(LinearProgram lp, Deadline deadline) {
        long millis = TimeLimits.millis(deadline.remaining());
        if (millis <= 0) {
            return new LpResult.Unknown("no time left to solve the LP");
        }
        MPSolver solver = newSolver();
        try {
            MPVariable[] x = variables(solver, lp);
            MPConstraint[] rows = rows(solver, lp, x);
            MPObjective objective = solver.objective();
            for (int j = 0; j < x.length; j++) {
                objective.setCoefficient(x[j], lp.objective(j));
            }
            objective.setOffset(lp.objectiveConstant());
            objective.setOptimizationDirection(lp.sense() == Sense.MAXIMIZE);
            solver.setTimeLimit(millis);
            MPSolver.ResultStatus status = solver.solve();
            switch (status) {
                case OPTIMAL:
                    double[] primal = new double[x.length];
                    for (int j = 0; j < x.length; j++) {
                        primal[j] = x[j].solutionValue();
                    }
                    double[] duals = new double[rows.length];
                    for (int i = 0; i < rows.length; i++) {
                        duals[i] = rows[i].dualValue();
                    }
                    return new LpResult.Optimal(objective.value(), primal, duals);
                case INFEASIBLE:
                    long left = TimeLimits.millis(deadline.remaining());
                    return left > 0 ? elastic(lp, left) : new LpResult.Infeasible(Optional.empty());
                case UNBOUNDED:
                    return new LpResult.Unbounded();
                case FEASIBLE:
                case NOT_SOLVED:
                    return new LpResult.Unknown("GLOP stopped with status " + status + " (time limit " + millis
                            + " ms)");
                default:
                    return new LpResult.Unknown("GLOP failed with status " + status);
            }
        } finally {
            solver.delete();
        }
    }

    /**
     * Solves the elastic program after GLOP reported infeasibility: a certificate if its duals prove it, and
     * {@link LpResult.Unbounded} if the elastic optimum is 0 (GLOP's presolve reports "infeasible or unbounded" as
     * infeasible, e.g. for a free variable with a non-zero cost and no rows).
     */
    private static LpResult elastic(LinearProgram lp, long millis) {
        MPSolver solver = newSolver();
        try {
            MPVariable[] x = variables(solver, lp);
            MPConstraint[] rows = rows(solver, lp, x);
            MPObjective objective = solver.objective();
            List<LinearConstraint> constraints = lp.constraints();
            for (int i = 0; i < rows.length; i++) {
                MPVariable slack = solver.makeNumVar(0.0, Double.POSITIVE_INFINITY, "s" + i);
                rows[i].setCoefficient(slack, -1.0);
                objective.setCoefficient(slack, 1.0);
                if (constraints.get(i).relation() == LinearConstraint.Relation.EQUAL) {
                    MPVariable surplus = solver.makeNumVar(0.0, Double.POSITIVE_INFINITY, "t" + i);
                    rows[i].setCoefficient(surplus, 1.0);
                    objective.setCoefficient(surplus, 1.0);
                }
            }
            objective.setMinimization();
            solver.setTimeLimit(millis);
            if (solver.solve() != MPSolver.ResultStatus.OPTIMAL) {
                return new LpResult.Infeasible(Optional.empty());
            }
            double[] z = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                z[i] = -rows[i].dualValue();
            }
            FarkasCertificate candidate = new FarkasCertificate(z);
            if (candidate.provesInfeasible(lp)) {
                return new LpResult.Infeasible(Optional.of(candidate));
            }
            return objective.value() <= ELASTIC_FEASIBLE ? new LpResult.Unbounded()
                    : new LpResult.Infeasible(Optional.empty());
        } finally {
            solver.delete();
        }
    }

    private static MPSolver newSolver() {
        MPSolver solver = MPSolver.createSolver("GLOP");
        if (solver == null) {
            throw new IllegalStateException("OR-Tools was built without GLOP");
        }
        return solver;
    }

    private static MPVariable[] variables(MPSolver solver, LinearProgram lp) {
        MPVariable[] x = new MPVariable[lp.variableCount()];
        for (int j = 0; j < x.length; j++) {
            x[j] = solver.makeNumVar(lp.lower(j), lp.upper(j), "x" + j);
        }
        return x;
    }

    private static MPConstraint[] rows(MPSolver solver, LinearProgram lp, MPVariable[] x) {
        List<LinearConstraint> constraints = lp.constraints();
        MPConstraint[] rows = new MPConstraint[constraints.size()];
        for (int i = 0; i < rows.length; i++) {
            LinearConstraint row = constraints.get(i);
            double low = row.relation() == LinearConstraint.Relation.EQUAL ? row.bound() : Double.NEGATIVE_INFINITY;
            rows[i] = solver.makeConstraint(low, row.bound(), "r" + i);
            for (int k = 0; k < row.size(); k++) {
                rows[i].setCoefficient(x[row.index(k)], row.coefficient(k));
            }
        }
        return rows;
    }
}
