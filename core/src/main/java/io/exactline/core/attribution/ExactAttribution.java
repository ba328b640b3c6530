package io.exactline.core.attribution;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * Exact Integrated Gradients of one network output {@code F_k} at an input {@code x} relative to a baseline
 * {@code x'}:
 * <pre>
 *   IG_i = (x_i − x'_i) ∫_0^1 ∂F_k(x' + t (x − x')) / ∂x_i dt = (x_i − x'_i) Σ_j (t_{j+1} − t_j) ∂F_k/∂x_i |_{piece j}
 * </pre>
 * summed over the ExactLine pieces of the segment, on each of which the gradient is constant.
 *
 * @param attributions {@code IG_i} per input coordinate
 * @param target the output {@code k} attributed
 * @param baseline the baseline {@code x'}
 * @param pieceCount number of ExactLine pieces of the segment from {@code x'} to {@code x}, i.e. the number of
 *        gradients the exact integral took
 * @param outputChange {@code F_k(x) − F_k(x')}
 * @param completenessGap {@code Σ_i IG_i − (F_k(x) − F_k(x'))}, which is zero in exact arithmetic
 *        (completeness); what is left is rounding
 */
public record ExactAttribution(double[] attributions, int target, double[] baseline, int pieceCount,
        double outputChange, double completenessGap) {

    public ExactAttribution {
        attributions = attributions.clone();
        baseline = baseline.clone();
    }

    @Override
    public double[] attributions() {
        return attributions.clone();
    }

    @Override
    public double[] baseline() {
        return baseline.clone();
    }

    /** The attribution {@code IG_i} of input coordinate {@code i}. */
    public double attribution(int i) {
        return attributions[i];
    }

    /**
     * {@code |completenessGap| / |F_k(x) − F_k(x')|}; empty when the output does not change along the segment,
     * where the relative gap is undefined.
     */
    public OptionalDouble relativeCompletenessGap() {
        return outputChange == 0 ? OptionalDouble.empty()
                : OptionalDouble.of(Math.abs(completenessGap) / Math.abs(outputChange));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExactAttribution a && target == a.target && pieceCount == a.pieceCount
                && Double.compare(outputChange, a.outputChange) == 0
                && Double.compare(completenessGap, a.completenessGap) == 0
                && Arrays.equals(attributions, a.attributions) && Arrays.equals(baseline, a.baseline);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(attributions) + Arrays.hashCode(baseline)) + target;
    }

    @Override
    public String toString() {
        return "ExactAttribution[target " + target + ", " + attributions.length + " features, " + pieceCount
                + " pieces, output change " + outputChange + ", completeness gap " + completenessGap + "]";
    }
}
