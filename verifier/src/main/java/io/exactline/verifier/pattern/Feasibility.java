package io.exactline.verifier.pattern;

import java.util.Arrays;

/** The answer to "does some input of the box satisfy the pattern?". */
public sealed interface Feasibility {

    /** Yes: {@code witness} lies in the region (checked exactly). */
    record Feasible(double[] witness) implements Feasibility {
        public Feasible {
            witness = witness.clone();
        }

        @Override
        public double[] witness() {
            return witness.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Feasible f && Arrays.equals(witness, f.witness);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(witness);
        }

        @Override
        public String toString() {
            return "Feasible[witness=" + Arrays.toString(witness) + "]";
        }
    }

    /** No: the LP containing the region is infeasible with a checked Farkas certificate. */
    record Infeasible() implements Feasibility {
    }

    /** Neither shown; {@code reason} says why. */
    record Undecided(String reason) implements Feasibility {
    }
}
