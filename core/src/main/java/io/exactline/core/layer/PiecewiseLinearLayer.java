package io.exactline.core.layer;

import io.exactline.core.line.RatioSink;

/**
 * A layer made of finitely many affine pieces: ReLU, leaky ReLU, hard tanh (Clip), max pooling, and
 * {@link Parallel} branches of such layers.
 *
 * <p>The exact analyses need two things from such a layer, beyond evaluation:
 * <ul>
 *   <li>{@link #crossings}: for the segment between two input points {@code p} and {@code q}, every ratio
 *       {@code r} in the open interval (0, 1) at which some unit changes its linear piece along
 *       {@code p + r (q - p)}. Between consecutive crossings the layer is affine on the segment;</li>
 *   <li>{@link #states}: which piece every unit is on at a point (its entry in an activation pattern).</li>
 * </ul>
 */
public sealed interface PiecewiseLinearLayer extends Layer permits ElementwisePiecewiseLinear, MaxPool2d, Parallel {

    /**
     * Reports to {@code sink} every ratio {@code r} in (0, 1) at which some unit of this layer changes its linear
     * piece on the segment from {@code p} (at {@code p[pOffset..]}) to {@code q} (at {@code q[qOffset..]}).
     * Ratios may be reported in any order and more than once; a unit that only touches a breakpoint at an
     * endpoint reports nothing.
     */
    void crossings(double[] p, int pOffset, double[] q, int qOffset, RatioSink sink);

    /**
     * Writes the piece each unit is on at {@code point} into {@code states} (length {@link #unitCount()}).
     * The encoding is layer-specific and documented by each implementation (e.g. ReLU: 1 active, 0 inactive).
     */
    void states(double[] point, int offset, int[] states);

    /** Number of units with a state: outputs of an element-wise layer, windows of a max pool. */
    int unitCount();

    /** Number of distinct states a unit can take (2 for ReLU, 3 for hard tanh, window size for max pool). */
    int stateCount();
}
