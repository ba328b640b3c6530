package io.exactline.maven;

import java.util.Locale;

import io.exactline.core.BadInputException;

/**
 * What a proof expects of its property. A VNN-LIB file describes an unsafe set: the property <em>holds</em> when
 * no input of its region reaches that set (verdict unsat), and is <em>violated</em> when some input does (verdict
 * sat, with a checked counterexample).
 */
enum Expectation {
    /** No input of the region reaches the unsafe set: the build needs an unsat verdict. */
    HOLDS("holds"),
    /** Some input reaches the unsafe set: the build needs a sat verdict with a checked counterexample. */
    VIOLATED("violated");

    private final String word;

    Expectation(String word) {
        this.word = word;
    }

    /** The word used in the configuration and the reports: {@code holds} or {@code violated}. */
    String word() {
        return word;
    }

    /**
     * Parses {@code holds} or {@code violated} (any case).
     *
     * @param where the configuration element, for the message
     * @throws BadInputException for any other word
     */
    static Expectation parse(String text, String where) {
        String word = text.trim().toLowerCase(Locale.ROOT);
        for (Expectation e : values()) {
            if (e.word.equals(word)) {
                return e;
            }
        }
        throw new BadInputException(where + ": <expect>" + text + "</expect> is neither 'holds' nor 'violated'");
    }
}
