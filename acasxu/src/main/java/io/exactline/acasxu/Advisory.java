package io.exactline.acasxu;

import java.util.Locale;

import io.exactline.core.BadInputException;

/**
 * The five ACAS Xu horizontal advisories, in the order of the networks' outputs. The networks output a score
 * (cost) per advisory; the advisory given is the one with the <em>minimal</em> score.
 */
public enum Advisory {
    /** Clear of conflict. */
    COC("clear of conflict"),
    /** Weak left turn, 1.5 deg/s. */
    WL("weak left"),
    /** Weak right turn, 1.5 deg/s. */
    WR("weak right"),
    /** Strong left turn, 3.0 deg/s. */
    SL("strong left"),
    /** Strong right turn, 3.0 deg/s. */
    SR("strong right");

    private final String description;

    Advisory(String description) {
        this.description = description;
    }

    /** Output index of this advisory's score (0 for COC ... 4 for SR). */
    public int outputIndex() {
        return ordinal();
    }

    /** A human-readable name, e.g. "weak left". */
    public String description() {
        return description;
    }

    /** The advisory whose score is output {@code index}. */
    public static Advisory ofOutput(int index) {
        if (index < 0 || index >= values().length) {
            throw new BadInputException("ACAS Xu has 5 advisories (outputs 0..4), not output " + index);
        }
        return values()[index];
    }

    /** The advisory given for these scores: the minimal score, lowest index on ties. */
    public static Advisory of(double[] scores) {
        if (scores.length != 5) {
            throw new BadInputException("ACAS Xu scores have 5 entries, got " + scores.length);
        }
        int best = 0;
        for (int i = 1; i < 5; i++) {
            if (scores[i] < scores[best]) {
                best = i;
            }
        }
        return values()[best];
    }

    /** Parses a name such as {@code COC} or {@code wl} (case-insensitive). */
    public static Advisory parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("unknown advisory '" + name + "'; use one of COC, WL, WR, SL, SR", e);
        }
    }
}
