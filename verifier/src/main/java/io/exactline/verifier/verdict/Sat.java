package io.exactline.verifier.verdict;

/**
 * The property is sat: {@code counterexample} lies in the unsafe set. A {@link Counterexample} can only be made
 * by re-evaluating the network and checking the property, so a Sat verdict is never based on an unchecked point.
 */
public record Sat(Counterexample counterexample, Provenance provenance) implements Verdict {
    public Sat {
        if (counterexample == null || provenance == null) {
            throw new IllegalArgumentException("a sat verdict needs a counterexample and its provenance");
        }
    }

    @Override
    public String status() {
        return "sat";
    }
}
