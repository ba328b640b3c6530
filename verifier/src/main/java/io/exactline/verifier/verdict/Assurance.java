package io.exactline.verifier.verdict;

/** Who stands behind an {@link Unsat} verdict. */
public enum Assurance {
    /** A built-in engine, within its {@code Guarantee}. */
    BUILT_IN("built-in"),
    /** A plug-in engine whose certificate the independent checker accepted. */
    CERTIFIED("certificate checked"),
    /** A plug-in engine that supplied no certificate the checker accepts: nobody has checked the answer. */
    UNCHECKED("unchecked");

    private final String word;

    Assurance(String word) {
        this.word = word;
    }

    /** The word used in labels and reports, e.g. {@code unchecked}. */
    public String word() {
        return word;
    }
}
