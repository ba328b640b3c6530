package io.exactline.verifier.bounds;

/** One unit (neuron) of an activation layer: {@code layer} counts activation layers from 0 at the input side. */
public record ActivationUnit(int layer, int unit) {
}
