package io.exactline.verifier.encoding;

/** One step of a {@link PiecewiseAffineNetwork}: an affine map or an element-wise activation. */
public sealed interface NetworkStep permits AffineStep, ActivationStep {

    /** Number of values the step reads. */
    int inputSize();

    /** Number of values the step writes. */
    int outputSize();
}
