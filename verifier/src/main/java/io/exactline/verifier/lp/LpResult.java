package io.exactline.verifier.lp;

import java.util.Arrays;
import java.util.Optional;

/** The answer of an {@link LpSolver} to one {@link LinearProgram}. */
public sealed interface LpResult {

    /**
     * The solver found an optimum. All numbers are the solver's floating-point ones: {@code x} satisfies the rows
     * only within the solver's tolerances and {@code value} is not a proof. For a rigorous bound on the optimum
     * pass {@code duals} to {@link SafeBounds#objectiveBound}.
     *
     * @param value the objective {@code c . x + c0} as reported by the solver
     * @param x the primal solution, one value per variable
     * @param duals one multiplier per row, the sensitivity {@code y_i = d value / d b_i}: for a minimisation
     *              {@code y_i <= 0} on inequality rows, for a maximisation {@code y_i >= 0}
     */
    record Optimal(double value, double[] x, double[] duals) implements LpResult {
        public Optimal {
            x = x.clone();
            duals = duals.clone();
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] duals() {
            return duals.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Optimal other && Double.compare(value, other.value) == 0
                    && Arrays.equals(x, other.x) && Arrays.equals(duals, other.duals);
        }

        @Override
        public int hashCode() {
            return (Double.hashCode(value) * 31 + Arrays.hashCode(x)) * 31 + Arrays.hashCode(duals);
        }

        @Override
        public String toString() {
            return "Optimal[value=" + value + ", x=" + Arrays.toString(x) + ", duals=" + Arrays.toString(duals) + "]";
        }
    }

    /**
     * The solver found the rows and bounds contradictory. With a certificate that
     * {@link FarkasCertificate#provesInfeasible passes its check}, that is a proof; without one it is only the
     * solver's floating-point judgement.
     */
    record Infeasible(Optional<FarkasCertificate> certificate) implements LpResult {
    }

    /** The solver found the objective unbounded in the optimisation direction (a floating-point judgement). */
    record Unbounded() implements LpResult {
    }

    /** No answer: the time limit ran out, or the solver failed; {@code reason} says which. */
    record Unknown(String reason) implements LpResult {
    }
}
