package io.exactline.verifier.bab;

import java.util.List;
import java.util.Optional;

import io.exactline.verifier.property.Box;
import io.exactline.verifier.bounds.LayerBounds;
import io.exactline.verifier.bounds.PartialPattern;

/**
 * The bounding step of branch and bound: sound lower bounds of linear objectives of the network outputs over a
 * sub-problem, the inputs of a box whose activations follow a partial pattern.
 *
 * <p>Contract: for every input {@code x} of {@code box} that follows {@code pattern} and every objective {@code c},
 * {@code c . f(x) >= } the returned value, in real arithmetic on the network's stored weights; empty only when no
 * input of the box follows the pattern. {@link BabEngine}'s unsat answers are exactly as sound as its bounder.
 * An instance is used by one thread at a time.
 */
public interface BoxBounder {

    /**
     * Lower bounds of {@code objectives.get(i) . f(x)}, in the same order, with the layer bounds behind them, or
     * empty when the sub-problem is void.
     *
     * @param parent layer bounds of a sub-problem containing this one (a box containing {@code box}, a pattern that
     *     {@code pattern} extends), which the bounder may intersect with its own and use to skip work
     * @param objectives one coefficient per network output each
     */
    Optional<Bounded> lowerBounds(Box box, PartialPattern pattern, Optional<LayerBounds> parent,
            List<double[]> objectives);

    /**
     * A lower bound of {@code objective . f(x)} over the sub-problem whose layer bounds {@code layers} this bounder
     * computed (same contract as {@link #lowerBounds}): a further objective without recomputing the layers.
     */
    LowerBound lowerBound(LayerBounds layers, double[] objective);

    /**
     * The bounds of one sub-problem.
     *
     * @param objectives the lower bounds of the objectives, in order
     * @param layers the layer bounds, for the children's {@code parent}
     */
    record Bounded(List<LowerBound> objectives, LayerBounds layers) {
        public Bounded {
            objectives = List.copyOf(objectives);
        }
    }
}
