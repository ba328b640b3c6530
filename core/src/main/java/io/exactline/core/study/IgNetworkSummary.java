package io.exactline.core.study;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import io.exactline.core.attribution.ErrorMetric;
import io.exactline.core.attribution.RiemannMethod;

/**
 * The exact-IG study's results on one network, averaged over its inputs.
 *
 * @param network the network's name
 * @param images the per-input results
 * @param clippedCoordinates how many input coordinates, over all inputs, came from a box clipped at the input range
 *        (where the box midpoint is not the test image); reported, not corrected
 * @param coordinates the number of input coordinates over all inputs
 */
public record IgNetworkSummary(String network, List<IgImageResult> images, int clippedCoordinates, int coordinates) {
    public IgNetworkSummary {
        images = List.copyOf(images);
    }

    /** Mean number of ExactLine pieces (gradients the exact integral takes). */
    public OptionalDouble meanPieces() {
        return images.stream().mapToInt(IgImageResult::pieceCount).average();
    }

    /** Mean practice step count m̃ over the inputs that have one. */
    public OptionalDouble meanPracticeSteps() {
        return present(images.stream().map(IgImageResult::practiceSteps).toList());
    }

    /** Inputs where no m in 20..1000 met completeness within 1%. */
    public int practiceMissing() {
        return (int) images.stream().filter(r -> r.practiceSteps().isEmpty()).count();
    }

    /** Mean error of the practice under {@code metric}, over the inputs that have an m̃. */
    public OptionalDouble meanPracticeError(ErrorMetric metric) {
        return images.stream().map(r -> r.practiceError().get(metric)).filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble).average();
    }

    /**
     * Median error of the practice under {@code metric}, over the inputs that have an m̃ (the mean of the two middle
     * values for an even count): unlike the mean, not dominated by one input whose exact attributions are nearly
     * zero in some coordinates.
     */
    public OptionalDouble medianPracticeError(ErrorMetric metric) {
        double[] errors = images.stream().map(r -> r.practiceError().get(metric)).filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble).sorted().toArray();
        if (errors.length == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((errors[(errors.length - 1) / 2] + errors[errors.length / 2]) / 2);
    }

    /** Mean gradients {@code method} needs to reach 5% under {@code metric}, outliers left out. */
    public OptionalDouble meanSamples(ErrorMetric metric, RiemannMethod method) {
        return present(images.stream().map(r -> r.samples(metric, method)).toList());
    }

    /** Inputs for which {@code method} needs more than 1,000 sub-intervals under {@code metric}. */
    public int outliers(ErrorMetric metric, RiemannMethod method) {
        return (int) images.stream().filter(r -> r.samples(metric, method).isEmpty()).count();
    }

    /** Largest relative completeness gap of the exact attributions (rounding only). */
    public OptionalDouble worstCompletenessGap() {
        return images.stream().map(IgImageResult::relativeCompletenessGap).filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble).max();
    }

    /** Per method, the mean error under {@code metric} at each of {@link IgStudy#curveSteps()} sub-intervals. */
    public Map<RiemannMethod, double[]> meanCurve(ErrorMetric metric) {
        Map<RiemannMethod, double[]> curves = new EnumMap<>(RiemannMethod.class);
        for (RiemannMethod method : RiemannMethod.values()) {
            double[] mean = new double[IgStudy.CURVE_STEPS.length];
            for (IgImageResult r : images) {
                for (int s = 0; s < mean.length; s++) {
                    mean[s] += r.curve(metric, method, s) / images.size();
                }
            }
            curves.put(method, mean);
        }
        return curves;
    }

    private static OptionalDouble present(List<OptionalInt> values) {
        return values.stream().filter(OptionalInt::isPresent).mapToInt(OptionalInt::getAsInt).average();
    }
}
