package io.exactline.verifier.bab;

import java.util.Optional;

import io.exactline.verifier.bounds.ActivationUnit;

/**
 * A sound lower bound of a linear objective {@code c . f(x)} over one branch-and-bound sub-problem, with the hints
 * branching needs.
 *
 * @param value {@code c . f(x) >= value} for every input of the sub-problem (may be negative infinity)
 * @param inputSplitScores per input, how much of the bound's looseness that input accounts for (larger = better to
 *     split); one entry per input
 * @param candidate an input of the box where the objective is likely small, to try as a counterexample
 * @param unitSplit the activation unit whose relaxation costs the bound most, if any
 */
public record LowerBound(double value, double[] inputSplitScores, double[] candidate,
        Optional<ActivationUnit> unitSplit) {
    public LowerBound {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("a lower bound cannot be NaN");
        }
        inputSplitScores = inputSplitScores.clone();
        candidate = candidate.clone();
    }

    @Override
    public double[] inputSplitScores() {
        return inputSplitScores.clone();
    }

    @Override
    public double[] candidate() {
        return candidate.clone();
    }

    /** Split score of input {@code i}. */
    public double inputSplitScore(int i) {
        return inputSplitScores[i];
    }
}
