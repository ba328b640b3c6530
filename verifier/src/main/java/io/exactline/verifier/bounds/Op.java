package io.exactline.verifier.bounds;

/**
 * One step of a network as bound propagation sees it: a map from a tensor of {@link #inputSize()} values to one
 * of {@link #outputSize()} values, either affine ({@link LinearOp}) or an element-wise piecewise-linear
 * activation ({@link ActivationOp}). Identity layers (reshapes, unit scalings) are dropped when a
 * {@link BoundNetwork} is compiled.
 */
sealed interface Op permits LinearOp, ActivationOp, MaxPoolOp {
    int inputSize();

    int outputSize();
}
