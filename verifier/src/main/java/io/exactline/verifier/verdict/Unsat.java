package io.exactline.verifier.verdict;

import java.util.Optional;

/**
 * The property is unsat: no input in the region has outputs in the unsafe set, as far as the engine's
 * guarantee reaches (see {@code Engine#guarantee()}). A certificate, when present, lets a checker confirm this
 * without trusting the engine; {@code assurance} says who stands behind the answer.
 */
public record Unsat(Optional<Certificate> certificate, Provenance provenance, Assurance assurance)
        implements Verdict {
    public Unsat {
        if (certificate == null || provenance == null || assurance == null) {
            throw new IllegalArgumentException("an unsat verdict needs Optional.empty() or a certificate, its"
                    + " provenance and its assurance");
        }
    }

    /** The unsat verdict of a built-in engine. */
    public Unsat(Optional<Certificate> certificate, Provenance provenance) {
        this(certificate, provenance, Assurance.BUILT_IN);
    }

    /** An unsat verdict of a built-in engine without certificate. */
    public static Unsat uncertified(Provenance provenance) {
        return new Unsat(Optional.empty(), provenance);
    }

    /** Whether nobody checked this answer: a plug-in engine's unsat without an accepted certificate. */
    public boolean unchecked() {
        return assurance == Assurance.UNCHECKED;
    }

    /**
     * The label for reports: {@code unsat (engine NAME, unchecked)} for an {@link Assurance#UNCHECKED} answer,
     * {@code unsat (engine NAME, certificate checked)} or {@code unsat (engine NAME)} otherwise.
     */
    public String label() {
        String engine = "engine " + provenance.engine();
        return assurance == Assurance.BUILT_IN ? "unsat (" + engine + ")"
                : "unsat (" + engine + ", " + assurance.word() + ")";
    }

    @Override
    public String status() {
        return "unsat";
    }
}
