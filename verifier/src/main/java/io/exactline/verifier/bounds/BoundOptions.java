package io.exactline.verifier.bounds;

/**
 * How hard {@link BoundComputer} works for its bounds. Every combination is sound; they trade time for
 * tightness.
 *
 * @param forwardSymbolic propagate linear bounds in terms of the input forward through the network (cheap when
 *     the input has few dimensions, as ACAS Xu's 5) and intersect their concretisation with the interval bounds
 * @param backSubstitution tighten every unstable pre-activation unit and every output by back-substitution to
 *     the input (DeepPoly/CROWN); costs one pass per unstable unit
 * @param alphaSteps projected-gradient steps on the lower-relaxation slopes of unstable ReLUs when bounding an
 *     objective (alpha-CROWN), each followed by one more back-substitution; the best bound is kept. 0 keeps the
 *     adaptive DeepPoly slopes. On ACAS Xu 3 steps give most of the gain (about 40 us each)
 * @param reuseParentLinearBounds when bounds are computed from a parent's, take the input-level linear bounds
 *     the parent's back-substitution found for a unit and concretise them over the new box, instead of
 *     back-substituting that unit again (they stay valid on every sub-problem; much cheaper, somewhat looser)
 */
public record BoundOptions(boolean forwardSymbolic, boolean backSubstitution, int alphaSteps,
        boolean reuseParentLinearBounds) {
    /** Interval bound propagation only: the cheapest and loosest. */
    public static final BoundOptions INTERVAL = new BoundOptions(false, false, 0, false);
    /** Forward symbolic bounds, objectives by back-substitution. */
    public static final BoundOptions FORWARD = new BoundOptions(true, false, 0, false);
    /** DeepPoly/CROWN: every unstable unit by back-substitution. */
    public static final BoundOptions BACKWARD = new BoundOptions(false, true, 0, false);
    /** Forward symbolic bounds refined by back-substitution of the units they leave unstable. */
    public static final BoundOptions FORWARD_BACKWARD = new BoundOptions(true, true, 0, false);

    public BoundOptions {
        if (alphaSteps < 0) {
            throw new IllegalArgumentException("alphaSteps must be >= 0, got " + alphaSteps);
        }
    }

    /** These options with {@code steps} alpha-CROWN steps per objective. */
    public BoundOptions withAlphaSteps(int steps) {
        return new BoundOptions(forwardSymbolic, backSubstitution, steps, reuseParentLinearBounds);
    }

    /** These options with {@link #reuseParentLinearBounds()} set to {@code reuse}. */
    public BoundOptions withParentLinearBounds(boolean reuse) {
        return new BoundOptions(forwardSymbolic, backSubstitution, alphaSteps, reuse);
    }
}
