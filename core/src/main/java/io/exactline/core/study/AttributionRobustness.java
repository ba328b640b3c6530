package io.exactline.core.study;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;

import io.exactline.core.BadInputException;
import io.exactline.core.Vectors;
import io.exactline.core.attribution.AttributionAgreement;
import io.exactline.core.attribution.Baseline;
import io.exactline.core.attribution.ExactAttribution;
import io.exactline.core.attribution.IntegratedGradients;
import io.exactline.core.network.Network;

/**
 * Robustness of exact Integrated Gradients to small input perturbations (the attribution-fragility measures of
 * Ghorbani et al. and Chen et al.): attributions of the class predicted at {@code x} are computed exactly at
 * {@code x} and at perturbed inputs {@code x̃}, and compared by Kendall's τ-b and top-K intersection.
 *
 * <p>Perturbations: {@code x̃_i = clip(x_i + ε u_i)} with {@code u_i} uniform in [−1, 1] ({@link Random} seeded,
 * reproducible), and optionally the gradient-sign perturbation {@code x̃ = clip(x − ε sign(∇F_k(x)))}, the FGSM
 * step that lowers the predicted class's output. Clipping is to {@code [low_i, high_i]}, the input range.
 */
public final class AttributionRobustness {
    private AttributionRobustness() {
    }

    /** The outcome: exact attributions at the original input and one comparison per perturbation. */
    public record Result(ExactAttribution original, List<Perturbation> perturbations) {
        public Result {
            perturbations = List.copyOf(perturbations);
        }

        /** Mean τ over the perturbations of {@code kind} where τ is defined. */
        public OptionalDouble meanKendallTau(String kind) {
            return perturbations.stream().filter(p -> p.kind().equals(kind)).map(Perturbation::kendallTau)
                    .filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble).average();
        }

        /** Mean top-K intersection over the perturbations of {@code kind}. */
        public OptionalDouble meanTopK(String kind) {
            return perturbations.stream().filter(p -> p.kind().equals(kind))
                    .mapToDouble(Perturbation::topKIntersection).average();
        }
    }

    /**
     * Compares exact IG at {@code x} with exact IG at {@code samples} random perturbations and, if
     * {@code gradientSign}, the gradient-sign perturbation.
     *
     * @param low per-coordinate lower end of the input range
     * @param high per-coordinate upper end of the input range
     * @throws BadInputException if ε is negative or not finite, samples is negative, k is not in 1..n, or the range
     *         does not fit the input
     */
    public static Result measure(IntegratedGradients ig, double[] x, Baseline baseline, double epsilon, int samples,
            boolean gradientSign, int k, long seed, double[] low, double[] high) {
        Network network = ig.network();
        network.checkInput(x, "input");
        if (!(epsilon >= 0) || !Double.isFinite(epsilon)) {
            throw new BadInputException("epsilon must be a finite number >= 0, got " + epsilon);
        }
        if (samples < 0) {
            throw new BadInputException("the number of samples must be >= 0, got " + samples);
        }
        if (k < 1 || k > x.length) {
            throw new BadInputException("top-K: K must be in 1.." + x.length + ", got " + k);
        }
        if (low.length != x.length || high.length != x.length) {
            throw new BadInputException("the input range has " + low.length + " lower and " + high.length
                    + " upper ends for an input of " + x.length + " values");
        }
        int target = Vectors.argmax(network.evaluate(x));
        ExactAttribution original = ig.exact(x, baseline, target);
        List<Perturbation> perturbations = new ArrayList<>();
        Random random = new Random(seed);
        for (int s = 0; s < samples; s++) {
            double[] perturbed = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                perturbed[i] = clip(x[i] + epsilon * (2 * random.nextDouble() - 1), low[i], high[i]);
            }
            perturbations.add(compare(ig, original, perturbed, baseline, target, k, "random"));
        }
        if (gradientSign) {
            double[] gradient = network.gradient(x, target);
            double[] perturbed = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                perturbed[i] = clip(x[i] - epsilon * Math.signum(gradient[i]), low[i], high[i]);
            }
            perturbations.add(compare(ig, original, perturbed, baseline, target, k, "gradient-sign"));
        }
        return new Result(original, perturbations);
    }

    private static Perturbation compare(IntegratedGradients ig, ExactAttribution original, double[] perturbed,
            Baseline baseline, int target, int k, String kind) {
        ExactAttribution other = ig.exact(perturbed, baseline, target);
        double[] a = original.attributions();
        double[] b = other.attributions();
        return new Perturbation(kind, Vectors.argmax(ig.network().evaluate(perturbed)),
                AttributionAgreement.kendallTau(a, b), AttributionAgreement.topKIntersection(a, b, k),
                other.pieceCount());
    }

    private static double clip(double v, double low, double high) {
        return Math.max(low, Math.min(high, v));
    }
}
