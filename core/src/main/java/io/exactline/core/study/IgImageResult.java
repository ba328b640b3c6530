package io.exactline.core.study;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import io.exactline.core.attribution.ErrorMetric;
import io.exactline.core.attribution.RiemannMethod;

/**
 * What {@link IgStudy} measured on one input: exact Integrated Gradients against its Riemann approximations.
 *
 * @param image a name for the input, e.g. the spec it came from
 * @param target the output attributed (the predicted class)
 * @param pieceCount number of ExactLine pieces on the segment from the baseline to the input
 * @param relativeCompletenessGap {@code |Σ IG_i − (F(x) − F(x'))| / |F(x) − F(x')|} of the exact attributions;
 *        empty when the output does not change along the segment
 * @param practiceSteps the IG-paper practice m̃ (left sums, first m in 20..1000 meeting completeness within 1%);
 *        empty when no such m exists
 * @param practiceError the error of the left sum with m̃ steps under each metric; empty without m̃
 * @param samplesToFivePercent per metric and method, the gradients needed to reach 5% error for five consecutive
 *        sub-interval counts; empty for an outlier (more than 1,000 sub-intervals)
 * @param errorCurve per metric and method, the error with each of {@link IgStudy#curveSteps()} sub-intervals
 */
public record IgImageResult(String image, int target, int pieceCount, OptionalDouble relativeCompletenessGap,
        OptionalInt practiceSteps, Map<ErrorMetric, OptionalDouble> practiceError,
        Map<ErrorMetric, Map<RiemannMethod, OptionalInt>> samplesToFivePercent,
        Map<ErrorMetric, Map<RiemannMethod, double[]>> errorCurve) {
    public IgImageResult {
        practiceError = Map.copyOf(new EnumMap<>(practiceError));
        samplesToFivePercent = copyNested(samplesToFivePercent);
        errorCurve = copyCurves(errorCurve);
    }

    /** Gradients {@code method} needs to reach 5% under {@code metric}; empty for an outlier. */
    public OptionalInt samples(ErrorMetric metric, RiemannMethod method) {
        return samplesToFivePercent.get(metric).get(method);
    }

    /** The error of {@code method} under {@code metric} with {@code IgStudy.curveSteps()[s]} sub-intervals. */
    public double curve(ErrorMetric metric, RiemannMethod method, int s) {
        return errorCurve.get(metric).get(method)[s];
    }

    private static Map<ErrorMetric, Map<RiemannMethod, OptionalInt>> copyNested(
            Map<ErrorMetric, Map<RiemannMethod, OptionalInt>> map) {
        Map<ErrorMetric, Map<RiemannMethod, OptionalInt>> copy = new EnumMap<>(ErrorMetric.class);
        map.forEach((metric, inner) -> copy.put(metric, Map.copyOf(inner)));
        return Map.copyOf(copy);
    }

    private static Map<ErrorMetric, Map<RiemannMethod, double[]>> copyCurves(
            Map<ErrorMetric, Map<RiemannMethod, double[]>> map) {
        Map<ErrorMetric, Map<RiemannMethod, double[]>> copy = new EnumMap<>(ErrorMetric.class);
        map.forEach((metric, inner) -> {
            Map<RiemannMethod, double[]> methods = new EnumMap<>(RiemannMethod.class);
            inner.forEach((method, values) -> methods.put(method, values.clone()));
            copy.put(metric, Map.copyOf(methods));
        });
        return Map.copyOf(copy);
    }
}
