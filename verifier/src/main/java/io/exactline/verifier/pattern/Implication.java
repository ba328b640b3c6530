package io.exactline.verifier.pattern;

import java.util.Arrays;
import java.util.Optional;

/**
 * The answer to "does {@code sigma(X)}, for {@code X} in the input box, imply {@code P(F(X))}?".
 */
public sealed interface Implication {

    /** How a {@link Proven} answer was proved. */
    enum Method {
        /** Every atom's minimum over an LP containing the region has a Neumaier-Shcherbina safe bound {@code >= 0}. */
        LP_SAFE_BOUND,
        /** The LP containing the region is infeasible with a checked Farkas certificate: the region is empty. */
        LP_FARKAS_EMPTY,
        /** An exact SMT solver (rational arithmetic) found no input of the region violating an atom. */
        SMT_EXACT,
        /**
         * Branch and bound over input boxes with the pattern's neurons fixed: every box is void or has a sound
         * (outward-rounded) lower bound {@code >= 0} of every atom.
         */
        BRANCH_AND_BOUND
    }

    /**
     * The implication holds for the real-valued network.
     *
     * @param method how it was proved
     * @param margin a rigorous lower bound of the least atom value over the region ({@code +inf} for an empty
     *               region)
     */
    record Proven(Method method, double margin) implements Implication {
    }

    /**
     * A counterexample: {@code input} satisfies the pattern (checked exactly) and {@code output}, computed with
     * {@link io.exactline.core.network.Network#evaluate}, violates atom {@code atom}. Engines build it only through
     * {@link #confirm}.
     */
    record Refuted(double[] input, double[] output, int atom) implements Implication {
        public Refuted {
            input = input.clone();
            output = output.clone();
        }

        /**
         * A refutation at {@code x} if {@code x} lies in {@code region} (exactly) and the network's floating-point
         * outputs there violate the property; empty otherwise.
         */
        public static Optional<Implication> confirm(PatternRegion region, OutputProperty property, double[] x) {
            if (!region.contains(x)) {
                return Optional.empty();
            }
            double[] y = region.pattern().network().network().evaluate(x);
            return property.firstViolated(y).stream().mapToObj(a -> (Implication) new Refuted(x, y, a)).findFirst();
        }

        @Override
        public double[] input() {
            return input.clone();
        }

        @Override
        public double[] output() {
            return output.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Refuted r && atom == r.atom && Arrays.equals(input, r.input)
                    && Arrays.equals(output, r.output);
        }

        @Override
        public int hashCode() {
            return (Arrays.hashCode(input) * 31 + Arrays.hashCode(output)) * 31 + atom;
        }

        @Override
        public String toString() {
            return "Refuted[input=" + Arrays.toString(input) + ", output=" + Arrays.toString(output) + ", atom="
                    + atom + "]";
        }
    }

    /** Neither proved nor refuted; {@code reason} says why (relaxation too loose, solver gave up, time ran out). */
    record Undecided(String reason) implements Implication {
    }
}
