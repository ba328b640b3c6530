package io.exactline.verifier.bab;

import java.util.Optional;

import io.exactline.verifier.bounds.ActivationUnit;
import io.exactline.verifier.bounds.LowerSlopes;

/**
 * A sound lower bound of a linear objective {@code c . f(x)} over one branch-and-bound sub-problem, with the hints
 * branching needs.
 *
 * @param value {@code c . f(x) >= value} for every input of the sub-problem (may be negative infinity)
 * @param coefficients {@code a} of a linear function with {@code c . f(x) >= a . x + b} on the sub-problem, whose
 *     minimum over the box is about {@code value} (branching and the choice of multipliers use it; soundness does not)
 * @param constant {@code b} of that linear function
 * @param inputSplitScores per input, how much of the bound's looseness that input accounts for (larger = better to
 *     split); one entry per input
 * @param candidate an input of the box where the objective is likely small, to try as a counterexample
 * @param unitSplit the activation unit whose relaxation costs the bound most, if any
 * @param lowerSlopes the lower relaxation slopes behind {@code value}, a witness for certificates
 *     ({@link LowerSlopes#NONE} when the bounder gives none)
 */
public record LowerBound(double value, double[] coefficients, double constant, double[] inputSplitScores,
        double[] candidate, Optional<ActivationUnit> unitSplit, LowerSlopes lowerSlopes) {
    public LowerBound {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("a lower bound cannot be NaN");
        }
        coefficients = coefficients.clone();
        inputSplitScores = inputSplitScores.clone();
        candidate = candidate.clone();
    }

    /** A lower bound without slopes. */
    public LowerBound(double value, double[] coefficients, double constant, double[] inputSplitScores,
            double[] candidate, Optional<ActivationUnit> unitSplit) {
        this(value, coefficients, constant, inputSplitScores, candidate, unitSplit, LowerSlopes.NONE);
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** Coefficient {@code a_i} of the linear lower bound. */
    public double coefficient(int i) {
        return coefficients[i];
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
