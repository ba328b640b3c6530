package io.exactline.verifier.verdict;

import java.util.Optional;

/**
 * The property is unsat: no input in the region has outputs in the unsafe set, as far as the engine's
 * guarantee reaches (see {@code Engine#guarantee()}). A certificate, when present, lets a checker confirm this
 * without trusting the engine.
 */
public record Unsat(Optional<Certificate> certificate, Provenance provenance) implements Verdict {
    public Unsat {
        if (certificate == null || provenance == null) {
            throw new IllegalArgumentException("an unsat verdict needs Optional.empty() or a certificate, and its"
                    + " provenance");
        }
    }

    /** An unsat verdict without certificate. */
    public static Unsat uncertified(Provenance provenance) {
        return new Unsat(Optional.empty(), provenance);
    }

    @Override
    public String status() {
        return "unsat";
    }
}
