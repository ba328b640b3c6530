package io.exactline.verifier.lp;

/** The direction of an optimisation: the smallest or the largest value of the objective. */
public enum Sense {
    MINIMIZE,
    MAXIMIZE;

    /** {@code +1} for {@link #MINIMIZE}, {@code -1} for {@link #MAXIMIZE}: {@code max f = -min(-f)}. */
    int sign() {
        return this == MINIMIZE ? 1 : -1;
    }
}
