package io.exactline.core.study;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import io.exactline.core.attribution.Baseline;
import io.exactline.core.attribution.ErrorMetric;
import io.exactline.core.attribution.ExactAttribution;
import io.exactline.core.attribution.IntegratedGradients;
import io.exactline.core.attribution.PathGradients;
import io.exactline.core.attribution.RiemannMethod;
import io.exactline.core.attribution.RiemannSearch;

/**
 * The exact-IG study of the ExactLine poster, on one input at a time: how far the Integrated Gradients paper's
 * practice is from exact IG, and how many gradient samples each Riemann rule needs to come within 5% of it.
 * Definitions (those of the ExactLine authors' experiment code, see {@link RiemannSearch} and {@link ErrorMetric}):
 * <ul>
 *   <li>target: the class the network predicts at the input;</li>
 *   <li>practice m̃: left sums with m = 20, 21, ..., 1000, the first m with completeness error below 1%;</li>
 *   <li>errors: {@link ErrorMetric#MEAN_RELATIVE} (the poster's "mean relative error") and
 *       {@link ErrorMetric#RELATIVE_L1};</li>
 *   <li>samples to 5%: the smallest n such that n, ..., n+4 sub-intervals all give an error below 5%, counted in
 *       gradients (n + 1 for the trapezoid rule); more than 1,000 sub-intervals is an outlier.</li>
 * </ul>
 * All sums come from the per-piece gradients of one ExactLine partition, so each input costs one partition and
 * one gradient walk.
 */
public final class IgStudy {
    /** Sub-interval counts at which {@link IgImageResult#errorCurve} is sampled, for error-versus-m plots. */
    static final int[] CURVE_STEPS = {1, 2, 3, 5, 7, 10, 15, 20, 30, 50, 70, 100, 150, 200, 300, 500, 700, 1000};

    private IgStudy() {
    }

    /** The sub-interval counts of the error curves. */
    public static int[] curveSteps() {
        return CURVE_STEPS.clone();
    }

    /**
     * Measures one input: exact IG of the predicted class from {@code baseline} to {@code input}, and its Riemann
     * approximations.
     */
    public static IgImageResult measure(IntegratedGradients ig, String name, double[] input, Baseline baseline) {
        PathGradients path = ig.path(input, baseline);
        ExactAttribution exact = path.exact();
        double[] exactValues = exact.attributions();
        OptionalInt practice = RiemannSearch.practiceSteps(path);
        Map<ErrorMetric, OptionalDouble> practiceError = new EnumMap<>(ErrorMetric.class);
        Map<ErrorMetric, Map<RiemannMethod, OptionalInt>> samples = new EnumMap<>(ErrorMetric.class);
        Map<ErrorMetric, Map<RiemannMethod, double[]>> curves = new EnumMap<>(ErrorMetric.class);
        double[] practiceValues = practice.isPresent() ? path.riemann(RiemannMethod.LEFT, practice.getAsInt()) : null;
        for (ErrorMetric metric : ErrorMetric.values()) {
            practiceError.put(metric, practiceValues == null ? OptionalDouble.empty()
                    : OptionalDouble.of(metric.between(practiceValues, exactValues)));
            Map<RiemannMethod, OptionalInt> perMethod = new EnumMap<>(RiemannMethod.class);
            Map<RiemannMethod, double[]> curve = new EnumMap<>(RiemannMethod.class);
            for (RiemannMethod method : RiemannMethod.values()) {
                perMethod.put(method, RiemannSearch.samplesToFivePercent(path, method, metric));
                double[] errors = new double[CURVE_STEPS.length];
                for (int s = 0; s < CURVE_STEPS.length; s++) {
                    errors[s] = metric.between(path.riemann(method, CURVE_STEPS[s]), exactValues);
                }
                curve.put(method, errors);
            }
            samples.put(metric, perMethod);
            curves.put(metric, curve);
        }
        return new IgImageResult(name, path.output(), path.pieceCount(), exact.relativeCompletenessGap(), practice,
                practiceError, samples, curves);
    }
}
