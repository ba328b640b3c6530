package io.exactline.verifier.bab;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.exactline.verifier.bounds.BoundComputer;
import io.exactline.verifier.bounds.BoundNetwork;
import io.exactline.verifier.bounds.BoundOptions;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.bounds.LayerBounds;
import io.exactline.verifier.bounds.ObjectiveBound;
import io.exactline.verifier.bounds.PartialPattern;

/**
 * {@link BoxBounder} by the outward-rounded bound propagation of {@link BoundComputer} (intervals, forward symbolic
 * bounds, DeepPoly/CROWN back-substitution as {@link BoundOptions} choose): layer bounds for the sub-problem once,
 * then one back-substitution per objective. A parent's layer bounds are intersected with the new ones, and the units
 * they prove stable are not back-substituted again. Split hints are the bound's smear scores
 * ({@link ObjectiveBound#inputSplitScores}), the box corner minimising its linear lower bound, and its costliest
 * relaxed unit. Owns a computer, so one instance per thread.
 */
public final class DeepPolyBounder implements BoxBounder {
    private final BoundComputer computer;

    public DeepPolyBounder(BoundNetwork network, BoundOptions options) {
        this.computer = new BoundComputer(network, options);
    }

    @Override
    public Optional<Bounded> lowerBounds(Box box, PartialPattern pattern, Optional<LayerBounds> parent,
            List<double[]> objectives) {
        Optional<LayerBounds> layers = parent.isPresent() ? computer.bounds(box, pattern, parent.get())
                : computer.bounds(box, pattern);
        if (layers.isEmpty()) {
            return Optional.empty();
        }
        List<LowerBound> result = new ArrayList<>(objectives.size());
        for (double[] objective : objectives) {
            result.add(lowerBound(layers.get(), objective));
        }
        return Optional.of(new Bounded(result, layers.get()));
    }

    @Override
    public LowerBound lowerBound(LayerBounds layers, double[] objective) {
        ObjectiveBound bound = computer.lowerBound(layers, objective);
        return new LowerBound(bound.lower(), bound.inputCoefficients(), bound.constant(), bound.inputSplitScores(),
                bound.candidate(), bound.bestUnitSplit(), bound.lowerSlopes());
    }
}
