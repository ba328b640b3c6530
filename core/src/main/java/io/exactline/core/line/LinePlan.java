package io.exactline.core.line;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import io.exactline.core.layer.Dense;
import io.exactline.core.layer.ElementwiseAffine;
import io.exactline.core.layer.ElementwisePiecewiseLinear;
import io.exactline.core.layer.Layer;
import io.exactline.core.layer.PiecewiseLinearLayer;
import io.exactline.core.layer.Relu;
import io.exactline.core.layer.Reshape;
import io.exactline.core.network.Network;

/**
 * A network laid out for ExactLine's inner loops: one step per layer that changes the points, with dense
 * weights stored as one array per input column (so the kernel over a column indexes from 0 and the JIT can
 * vectorise it), and reshapes dropped (they do not move data). Plans are immutable, made once per network and
 * shared by all threads; the cache holds networks weakly.
 */
final class LinePlan {
    private static final Map<Network, LinePlan> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    private final List<Step> steps;
    private final int maxWidth;

    private LinePlan(List<Step> steps, int maxWidth) {
        this.steps = steps;
        this.maxWidth = maxWidth;
    }

    /** The plan of {@code network}, made on first use. */
    static LinePlan of(Network network) {
        LinePlan plan = CACHE.get(network);
        if (plan == null) {
            plan = build(network);
            CACHE.put(network, plan);
        }
        return plan;
    }

    private static LinePlan build(Network network) {
        List<Step> steps = new ArrayList<>();
        int maxWidth = network.inputSize();
        for (Layer layer : network.layers()) {
            int in = layer.inputShape().size();
            int out = layer.outputShape().size();
            maxWidth = Math.max(maxWidth, out);
            if (layer instanceof Reshape) {
                continue;
            }
            if (layer instanceof Dense dense) {
                double[][] columns = new double[in][out];
                for (int i = 0; i < out; i++) {
                    for (int j = 0; j < in; j++) {
                        columns[j][i] = dense.weight(i, j);
                    }
                }
                steps.add(new DenseStep(in, out, columns, dense.bias()));
            } else if (layer instanceof ElementwiseAffine scaling) {
                steps.add(new ScalingStep(scaling.scale(), scaling.shift()));
            } else if (layer instanceof Relu) {
                steps.add(new ReluStep(in));
            } else if (layer instanceof ElementwisePiecewiseLinear elementwise) {
                steps.add(new ElementwiseStep(elementwise, elementwise.breakpoints(), in));
            } else if (layer instanceof PiecewiseLinearLayer pwl) {
                steps.add(new PiecewiseStep(pwl, in, out));
            } else {
                steps.add(new AffineStep(layer, in, out));
            }
        }
        return new LinePlan(List.copyOf(steps), maxWidth);
    }

    /** The steps, input side first. */
    List<Step> steps() {
        return steps;
    }

    /** The largest number of values a point has at any layer. */
    int maxWidth() {
        return maxWidth;
    }

    /** One layer's work on the points. */
    sealed interface Step permits DenseStep, ScalingStep, ReluStep, ElementwiseStep, PiecewiseStep, AffineStep {
    }

    /** {@code y = b + sum over x_j != 0 of x_j W[:, j]}, with {@code columns[j] = W[:, j]}. */
    record DenseStep(int in, int out, double[][] columns, double[] bias) implements Step {
    }

    /** {@code y_i = scale_i x_i + shift_i}. */
    record ScalingStep(double[] scale, double[] shift) implements Step {
    }

    /** ReLU over {@code width} units. */
    record ReluStep(int width) implements Step {
    }

    /** Another element-wise piecewise-linear layer, with its breakpoints read once. */
    record ElementwiseStep(ElementwisePiecewiseLinear layer, double[] breakpoints, int width) implements Step {
    }

    /** A piecewise-linear layer known only through its interface (max pooling). */
    record PiecewiseStep(PiecewiseLinearLayer layer, int in, int out) implements Step {
    }

    /** An affine layer known only through its interface (convolution, pooling, transpose). */
    record AffineStep(Layer layer, int in, int out) implements Step {
    }
}
