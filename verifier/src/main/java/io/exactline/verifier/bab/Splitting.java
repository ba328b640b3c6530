package io.exactline.verifier.bab;

/** How {@link BabEngine} splits a sub-problem it cannot close. */
public enum Splitting {
    /** Bisect the box along the input with the largest smear score: best for few inputs (ACAS Xu's 5). */
    INPUT,
    /**
     * Fix the unstable activation unit whose relaxation costs the bound most, one child per piece; bisect the box
     * once every unit is fixed. Suits many inputs and small boxes (image robustness).
     */
    ACTIVATION,
    /** {@link #INPUT} for networks of at most {@value BabOptions#FEW_INPUTS} inputs, else {@link #ACTIVATION}. */
    AUTO
}
