package io.exactline.verifier.milp;

import java.util.Arrays;

/**
 * The answer of {@link BigMMilpSolver#findInput}. Nothing here is a proof: the MILP is solved in floating point
 * with tolerances (about {@code 1e-6}) and trusts the pre-activation bounds it was given.
 */
public sealed interface MilpResult {

    /**
     * The solver found a candidate {@code input}; its outputs satisfy the condition only up to the solver's
     * tolerances, so the caller re-evaluates the network there before calling it a counterexample.
     */
    record Feasible(double[] input) implements MilpResult {
        public Feasible {
            input = input.clone();
        }

        @Override
        public double[] input() {
            return input.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Feasible f && Arrays.equals(input, f.input);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(input);
        }

        @Override
        public String toString() {
            return "Feasible[input=" + Arrays.toString(input) + "]";
        }
    }

    /**
     * The solver found no input: a floating-point judgement that holds only if the given pre-activation bounds
     * are valid and the solver's tolerances did not cut off a solution. Not an {@code unsat} proof.
     */
    record Infeasible() implements MilpResult {
    }

    /** The solver gave no answer; {@code reason} says why. */
    record Unknown(String reason) implements MilpResult {
    }

    /** The time limit ran out before an answer. */
    record Timeout() implements MilpResult {
    }
}
