package io.exactline.verifier.encoding;

/**
 * An element-wise activation {@code y_i = f(z_i)} of a {@link PiecewiseAffineNetwork}.
 *
 * @param layer the index among the network's activation steps, as in
 *              {@link io.exactline.core.line.ActivationPattern} ({@code k}-th piecewise-linear layer)
 * @param networkLayer the index of the layer in the original network
 * @param size number of units
 * @param pieces the activation {@code f}
 */
public record ActivationStep(int layer, int networkLayer, int size, ActivationPieces pieces) implements NetworkStep {

    @Override
    public int inputSize() {
        return size;
    }

    @Override
    public int outputSize() {
        return size;
    }
}
