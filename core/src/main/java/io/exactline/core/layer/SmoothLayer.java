package io.exactline.core.layer;

/**
 * A layer that is not piecewise linear (sigmoid, tanh). Networks containing one can be evaluated and
 * differentiated, but every exact analysis rejects them with an error naming the layer.
 */
public sealed interface SmoothLayer extends Layer permits Sigmoid, Tanh {
}
