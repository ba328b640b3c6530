package io.exactline.verifier.milp;

import java.util.Arrays;

/**
 * The answer of {@link BigMMilpSolver#optimize}, in floating point (see {@link BigMMilpSolver} for what that means).
 * {@code value} is the objective at the best input found, {@code bound} the solver's bound on the optimum (for a
 * maximisation an upper bound, for a minimisation a lower bound), both up to the solver's tolerances.
 */
public sealed interface MilpOptimum {

    /** The solver closed the gap: {@code value} is optimal within its tolerances. */
    record Optimal(double value, double bound, double[] input) implements MilpOptimum {
        public Optimal {
            input = input.clone();
        }

        @Override
        public double[] input() {
            return input.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Optimal p && Double.compare(value, p.value) == 0
                    && Double.compare(bound, p.bound) == 0 && Arrays.equals(input, p.input);
        }

        @Override
        public int hashCode() {
            return (Double.hashCode(value) * 31 + Double.hashCode(bound)) * 31 + Arrays.hashCode(input);
        }

        @Override
        public String toString() {
            return "Optimal[value=" + value + ", bound=" + bound + ", input=" + Arrays.toString(input) + "]";
        }
    }

    /** The time limit ran out with a feasible {@code input} but the gap to {@code bound} still open. */
    record Incumbent(double value, double bound, double[] input) implements MilpOptimum {
        public Incumbent {
            input = input.clone();
        }

        @Override
        public double[] input() {
            return input.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Incumbent p && Double.compare(value, p.value) == 0
                    && Double.compare(bound, p.bound) == 0 && Arrays.equals(input, p.input);
        }

        @Override
        public int hashCode() {
            return (Double.hashCode(value) * 31 + Double.hashCode(bound)) * 31 + Arrays.hashCode(input);
        }

        @Override
        public String toString() {
            return "Incumbent[value=" + value + ", bound=" + bound + ", input=" + Arrays.toString(input) + "]";
        }
    }

    /** The solver found the region empty (floating-point judgement). */
    record Infeasible() implements MilpOptimum {
    }

    /** The solver gave no answer; {@code reason} says why. */
    record Unknown(String reason) implements MilpOptimum {
    }

    /** The time limit ran out before any feasible input was found. */
    record Timeout() implements MilpOptimum {
    }
}
