package io.exactline.preconditions;

import java.time.Duration;

import io.exactline.verifier.pattern.DecisionPattern;
import io.exactline.verifier.pattern.Implication;

/**
 * A layer precondition candidate: a conjunction of on/off states of neurons of one hidden ReLU layer {@code L}
 * (a decision pattern constraining only layer {@code L}), read off a root-to-leaf path of a decision tree whose leaf
 * predicts {@code P}, with the way it was validated.
 *
 * @param layer the ReLU layer {@code L} (0 = first hidden layer)
 * @param pattern the states of the constrained neurons of layer {@code L}; every other neuron free
 * @param support the fraction of all drawn inputs that satisfy the pattern (in floating point)
 * @param validation whether {@code forall X in D: pattern(X) => P(F(X))} was proved, refuted, or only tested
 */
public record LayerPrecondition(int layer, DecisionPattern pattern, double support, Validation validation) {

    /** How a candidate was validated. */
    public sealed interface Validation {
        /** A short label for reports: {@code proven}, {@code refuted}, or {@code empirical}. */
        String label();
    }

    /**
     * Proved over the whole domain by {@link LayerPatternProver}.
     *
     * @param margin a rigorous lower bound of the least atom value of {@code P} over the region
     * @param time the proof's time
     */
    public record Proven(double margin, Duration time) implements Validation {
        @Override
        public String label() {
            return "proven";
        }
    }

    /**
     * Refuted by a checked counterexample: its input satisfies the pattern (checked exactly) and the network's output
     * there, re-evaluated, violates {@code P}.
     */
    public record Refuted(Implication.Refuted counterexample) implements Validation {
        @Override
        public String label() {
            return "refuted";
        }
    }

    /**
     * Not decided by proof within the time limit; tested on held-out samples instead. Not a guarantee.
     *
     * @param heldOut how many held-out samples satisfy the pattern
     * @param violations how many of those violate {@code P} in floating point (none of them confirmed exactly)
     * @param reason why the proof did not decide
     */
    public record Empirical(int heldOut, int violations, String reason) implements Validation {
        @Override
        public String label() {
            return "empirical (" + heldOut + " held-out samples, " + violations + " violations)";
        }
    }

    /** Whether the candidate is a proven precondition. */
    public boolean proven() {
        return validation instanceof Proven;
    }
}
