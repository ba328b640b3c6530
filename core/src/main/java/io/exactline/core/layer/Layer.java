package io.exactline.core.layer;

import io.exactline.core.network.Shape;

/**
 * One layer of a feed-forward network: a function from a tensor of {@link #inputShape()} to a tensor of
 * {@link #outputShape()}, both stored flat in row-major order as {@code double[]}.
 *
 * <p>Layers fall into three kinds, which decides what the exact analyses can do with them:
 * <ul>
 *   <li>{@link AffineLayer}: {@code y = A x + c}; a segment maps to a segment, so no new breakpoints appear;</li>
 *   <li>{@link PiecewiseLinearLayer}: finitely many affine pieces (ReLU, leaky ReLU, hard tanh, max pool);
 *       exact analyses insert the points where a unit changes piece;</li>
 *   <li>{@link SmoothLayer}: neither (sigmoid, tanh); such networks can be evaluated but every exact analysis
 *       rejects them.</li>
 * </ul>
 * Implementations are immutable and thread-safe.
 */
public sealed interface Layer permits AffineLayer, PiecewiseLinearLayer, SmoothLayer {

    /** Shape of the input tensor. */
    Shape inputShape();

    /** Shape of the output tensor. */
    Shape outputShape();

    /**
     * Evaluates the layer at one point: reads {@code inputShape().size()} values of {@code in} from
     * {@code inOffset} and writes {@code outputShape().size()} values to {@code out} from {@code outOffset}.
     */
    void apply(double[] in, int inOffset, double[] out, int outOffset);

    /** Evaluates the layer at one point, returning a new output array. */
    default double[] apply(double[] in) {
        double[] out = new double[outputShape().size()];
        apply(in, 0, out, 0);
        return out;
    }

    /**
     * Vector-Jacobian product at {@code input}: {@code gradIn = J(input)^T gradOut}, where {@code J} is the
     * Jacobian of the layer at the point. For piecewise-linear layers at a breakpoint, the Jacobian of the
     * piece below is used (a ReLU at exactly 0 passes no gradient, as in common frameworks).
     *
     * @param input the layer's input at which the Jacobian is taken
     * @param gradOut a vector of {@code outputShape().size()}
     * @return a new vector of {@code inputShape().size()}
     */
    double[] backward(double[] input, double[] gradOut);

    /** A short human-readable description naming the kind and shapes, e.g. {@code "Dense 50->50"}. */
    String describe();
}
