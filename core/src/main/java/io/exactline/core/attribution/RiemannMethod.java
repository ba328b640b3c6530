package io.exactline.core.attribution;

import io.exactline.core.BadInputException;

/**
 * A rule for approximating the path integral {@code ∫_0^1 g(t) dt} of the gradient along a segment by a weighted
 * sum {@code Σ_s w_s g(τ_s)} of gradients sampled at ratios {@code τ_s}, with {@code m} sub-intervals of width
 * {@code 1/m}. The Integrated Gradients paper (Sundararajan, Taly and Yan, ICML 2017) uses {@link #LEFT}.
 *
 * <p>Sample ratios are computed as {@code s / m} (or {@code (s + 1/2) / m}) in double precision, as the
 * reference implementations do.
 */
public enum RiemannMethod {
    /** {@code τ_s = s/m} for {@code s = 0 .. m-1}, weights {@code 1/m}: m gradients. */
    LEFT,
    /** {@code τ_s = s/m} for {@code s = 1 .. m}, weights {@code 1/m}: m gradients. */
    RIGHT,
    /** {@code τ_s = (s + 1/2)/m} for {@code s = 0 .. m-1}, weights {@code 1/m}: m gradients. */
    MIDPOINT,
    /**
     * {@code τ_s = s/m} for {@code s = 0 .. m}, weights {@code 1/(2m)} at both ends and {@code 1/m} inside:
     * m sub-intervals need <b>m + 1</b> gradients.
     */
    TRAPEZOID;

    /** Number of gradients the rule evaluates with {@code m} sub-intervals: {@code m}, or {@code m + 1} for the trapezoid rule. */
    public int gradientCount(int m) {
        requirePositive(m);
        return this == TRAPEZOID ? m + 1 : m;
    }

    /** The sample ratio {@code τ_s}, {@code 0 <= s < gradientCount(m)}. */
    public double ratio(int s, int m) {
        return switch (this) {
            case LEFT, TRAPEZOID -> (double) s / m;
            case RIGHT -> (double) (s + 1) / m;
            case MIDPOINT -> (s + 0.5) / m;
        };
    }

    /** The weight {@code w_s} of sample {@code s}, {@code 0 <= s < gradientCount(m)}; the weights sum to 1. */
    public double weight(int s, int m) {
        if (this == TRAPEZOID && (s == 0 || s == m)) {
            return 0.5 / m;
        }
        return 1.0 / m;
    }

    private static void requirePositive(int m) {
        if (m <= 0) {
            throw new BadInputException("a Riemann sum needs at least one sub-interval, got " + m);
        }
    }
}
