package io.exactline.preconditions;

import java.util.ArrayList;
import java.util.List;

import io.exactline.verifier.bounds.ActivationUnit;
import io.exactline.verifier.bounds.LayerBounds;
import io.exactline.verifier.pattern.DecisionPattern;
import io.exactline.verifier.pattern.NeuronState;

/**
 * Where the inputs of a bounded sub-problem (a box, and some units fixed to a closed piece) lie relative to a
 * decision pattern's region, as far as sound pre-activation bounds over the sub-problem tell: all inside, none inside,
 * or not known. The pattern's ReLU layers are the bounds' activation layers one to one.
 */
enum BoxPlacement {
    /**
     * Every constrained neuron is in its closed piece on the whole sub-problem: fixed there, or its bounds lie in it
     * (lower {@code >= 0} for on, upper {@code <= 0} for off).
     */
    INSIDE,
    /**
     * Some constrained neuron's bounds lie strictly in its other piece, so no input of the sub-problem has the
     * pattern; or the sub-problem fixes it to the other piece, so at most the inputs on its hyperplane have it. Only
     * ever used to stop trying a pattern, never to claim cover.
     */
    OUTSIDE,
    /**
     * Neither: some constrained neuron may change piece inside the sub-problem (or the bounds are too loose to
     * tell).
     */
    UNKNOWN;

    /** The placement of the sub-problem {@code bounds} were computed over, relative to {@code pattern}. */
    static BoxPlacement of(DecisionPattern pattern, LayerBounds bounds) {
        BoxPlacement placement = INSIDE;
        for (int k = 0; k < pattern.network().layerCount(); k++) {
            for (int i = 0; i < pattern.network().layerSize(k); i++) {
                BoxPlacement neuron = of(pattern.state(k, i), bounds, k, i);
                if (neuron == OUTSIDE) {
                    return OUTSIDE;
                }
                if (neuron == UNKNOWN) {
                    placement = UNKNOWN;
                }
            }
        }
        return placement;
    }

    /** The constrained neurons of {@code pattern} whose placement is {@link #UNKNOWN}, layer by layer. */
    static List<ActivationUnit> undecided(DecisionPattern pattern, LayerBounds bounds) {
        List<ActivationUnit> undecided = new ArrayList<>();
        for (int k = 0; k < pattern.network().layerCount(); k++) {
            for (int i = 0; i < pattern.network().layerSize(k); i++) {
                if (of(pattern.state(k, i), bounds, k, i) == UNKNOWN) {
                    undecided.add(new ActivationUnit(k, i));
                }
            }
        }
        return undecided;
    }

    /** The placement of one neuron that the pattern puts in {@code state}. */
    private static BoxPlacement of(NeuronState state, LayerBounds bounds, int k, int i) {
        if (state == NeuronState.FREE) {
            return INSIDE;
        }
        int piece = state == NeuronState.ON ? 1 : 0;
        if (bounds.pattern().isFixed(k, i)) {
            // fixed to the other closed piece, the two share only the hyperplane z = 0: not worth covering
            return bounds.pattern().state(k, i) == piece ? INSIDE : OUTSIDE;
        }
        double lower = bounds.preActivationLower(k, i);
        double upper = bounds.preActivationUpper(k, i);
        if (state == NeuronState.ON ? upper < 0.0 : lower > 0.0) {
            return OUTSIDE;
        }
        return (state == NeuronState.ON ? lower >= 0.0 : upper <= 0.0) ? INSIDE : UNKNOWN;
    }
}
