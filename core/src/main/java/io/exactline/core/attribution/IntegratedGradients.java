package io.exactline.core.attribution;

import io.exactline.core.BadInputException;
import io.exactline.core.Vectors;
import io.exactline.core.line.ExactLine;
import io.exactline.core.network.Network;

/**
 * Exact Integrated Gradients (Sundararajan, Taly and Yan, "Axiomatic Attribution for Deep Networks", ICML 2017)
 * for piecewise-linear networks, computed with ExactLine (Sotoudeh and Thakur): the segment from the baseline
 * {@code x'} to the input {@code x} is partitioned into the pieces on which the network is affine; on each the
 * gradient is constant, so the path integral
 * <pre>
 *   IG_i(x) = (x_i − x'_i) ∫_0^1 ∂F_k(x' + t (x − x')) / ∂x_i dt
 * </pre>
 * is a finite sum with one gradient per piece. Completeness, {@code Σ_i IG_i = F_k(x) − F_k(x')}, then holds up to
 * rounding.
 */
public final class IntegratedGradients {
    private IntegratedGradients() {
    }

    /** Exact IG of the class the network predicts at {@code input} (the largest output, lowest index on ties). */
    public static ExactAttribution exact(Network network, double[] input, Baseline baseline) {
        return path(network, input, baseline).exact();
    }

    /** Exact IG of output {@code target}. */
    public static ExactAttribution exact(Network network, double[] input, Baseline baseline, int target) {
        return path(network, input, baseline, target).exact();
    }

    /** The gradients along the segment from the baseline to {@code input}, of the predicted class. */
    public static PathGradients path(Network network, double[] input, Baseline baseline) {
        network.checkInput(input, "attributed input");
        return path(network, input, baseline, Vectors.argmax(network.evaluate(input)));
    }

    /**
     * The gradients of output {@code target} along the segment from the baseline to {@code input}, from which exact
     * IG and every Riemann approximation follow.
     *
     * @throws BadInputException if the input or baseline does not fit the network, the target is not an output,
     *         or the network is not piecewise linear
     */
    public static PathGradients path(Network network, double[] input, Baseline baseline, int target) {
        network.checkInput(input, "attributed input");
        if (target < 0 || target >= network.outputSize()) {
            throw new BadInputException("target class " + target + " is out of range; " + network.source() + " has "
                    + network.outputSize() + " outputs");
        }
        double[] start = baseline.pointFor(network);
        return PathGradients.of(ExactLine.partition(network, start, input), target);
    }
}
