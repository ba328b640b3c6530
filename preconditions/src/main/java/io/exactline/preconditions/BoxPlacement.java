package io.exactline.preconditions;

import io.exactline.verifier.bounds.LayerBounds;
import io.exactline.verifier.pattern.DecisionPattern;
import io.exactline.verifier.pattern.NeuronState;

/**
 * Where an input box lies relative to a decision pattern's region, as far as sound pre-activation bounds over the
 * box tell: every input inside, every input outside, or not known.
 */
enum BoxPlacement {
    /** Every constrained neuron's bounds lie in its closed piece (lower {@code >= 0} on, upper {@code <= 0} off). */
    INSIDE,
    /** Some constrained neuron's bounds lie strictly in its other piece, so no input of the box has the pattern. */
    OUTSIDE,
    /** Neither: some constrained neuron may change piece inside the box (or the bounds are too loose to tell). */
    UNKNOWN;

    /**
     * The placement of the box {@code bounds} were computed over (with no unit fixed), relative to {@code pattern},
     * whose ReLU layers are the bounds' activation layers one to one.
     */
    static BoxPlacement of(DecisionPattern pattern, LayerBounds bounds) {
        BoxPlacement placement = INSIDE;
        for (int k = 0; k < pattern.network().layerCount(); k++) {
            for (int i = 0; i < pattern.network().layerSize(k); i++) {
                NeuronState s = pattern.state(k, i);
                if (s == NeuronState.FREE) {
                    continue;
                }
                double lower = bounds.preActivationLower(k, i);
                double upper = bounds.preActivationUpper(k, i);
                if (s == NeuronState.ON ? upper < 0.0 : lower > 0.0) {
                    return OUTSIDE;
                }
                if (s == NeuronState.ON ? !(lower >= 0.0) : !(upper <= 0.0)) {
                    placement = UNKNOWN;
                }
            }
        }
        return placement;
    }
}
