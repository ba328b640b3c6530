package io.exactline.verifier.pattern;

import java.util.Arrays;

/** The answer to "what is the least (greatest) value of an output expression over a pattern's region?". */
public sealed interface RegionBound {

    /**
     * A bound on the optimum.
     *
     * @param safe a rigorous lower bound of the minimum (upper bound of the maximum) over the region, from the LP's
     *             duals by Neumaier-Shcherbina
     * @param solverValue the LP solver's floating-point optimum, not a proof
     * @param exact whether the LP was exact on the region (every neuron constrained or stable), so that the bound
     *              is tight up to rounding; otherwise free neurons were relaxed and the bound may be loose
     * @param input the input part of the LP's optimal point, not checked
     */
    record Bound(double safe, double solverValue, boolean exact, double[] input) implements RegionBound {
        public Bound {
            input = input.clone();
        }

        @Override
        public double[] input() {
            return input.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bound b && Double.compare(safe, b.safe) == 0
                    && Double.compare(solverValue, b.solverValue) == 0 && exact == b.exact
                    && Arrays.equals(input, b.input);
        }

        @Override
        public int hashCode() {
            return Double.hashCode(safe) * 31 + Arrays.hashCode(input);
        }

        @Override
        public String toString() {
            return "Bound[safe=" + safe + ", solverValue=" + solverValue + ", exact=" + exact + ", input="
                    + Arrays.toString(input) + "]";
        }
    }

    /** The region is empty, proved by a checked Farkas certificate. */
    record Empty() implements RegionBound {
    }

    /** No rigorous answer; {@code reason} says why. */
    record Undetermined(String reason) implements RegionBound {
    }
}
