package io.exactline.verifier.verdict;

/** Who stands behind an {@link Unsat} verdict. */
public enum Assurance {
    /** A built-in engine, within its {@code Guarantee}. */
    BUILT_IN("built-in"),
    /** A plug-in engine whose certificate the independent checker accepted. */
    CERTIFIED("certificate checked"),
    /**
     * Nobody has checked the answer: a plug-in engine that supplied no certificate the checker accepts, or a built-in
     * engine whose unsat is not sound under floating point (MILP: the solver's tolerances decide).
     */
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
