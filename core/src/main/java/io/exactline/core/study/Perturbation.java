package io.exactline.core.study;

import java.util.OptionalDouble;

/**
 * How the exact attributions at one perturbed input compare with those at the original input.
 *
 * @param kind {@code "random"} (uniform in the ε-box) or {@code "gradient-sign"}
 * @param predicted the class the network predicts at the perturbed input
 * @param kendallTau Kendall's τ-b between the two attribution vectors; empty when undefined (a constant vector)
 * @param topKIntersection fraction of the top-K features (by magnitude) the two share
 * @param pieceCount ExactLine pieces on the segment from the baseline to the perturbed input
 */
public record Perturbation(String kind, int predicted, OptionalDouble kendallTau, double topKIntersection,
        int pieceCount) {
}
