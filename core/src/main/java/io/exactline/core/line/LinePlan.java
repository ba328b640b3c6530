package io.exactline.core.line;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import io.exactline.core.layer.AffineLayer;
import io.exactline.core.layer.Conv2d;
import io.exactline.core.layer.Dense;
import io.exactline.core.layer.ElementwiseAffine;
import io.exactline.core.layer.ElementwisePiecewiseLinear;
import io.exactline.core.layer.Layer;
import io.exactline.core.layer.PiecewiseLinearLayer;
import io.exactline.core.layer.Relu;
import io.exactline.core.layer.Reshape;
import io.exactline.core.layer.Window2d;
import io.exactline.core.network.Network;

/**
 * A network laid out for ExactLine's inner loops: one step per layer that changes the points, with dense and
 * convolution weights stored as one array per input column (so the kernel over a column indexes from 0 and the
 * JIT can vectorise it), and reshapes dropped (they do not move data). Plans are immutable, made once per network
 * and shared by all threads; the cache holds networks weakly.
 */
final class LinePlan {
    private static final Map<Network, LinePlan> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    private final List<Step> steps;

    private LinePlan(List<Step> steps) {
        this.steps = steps;
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
        for (Layer layer : network.layers()) {
            int in = layer.inputShape().size();
            int out = layer.outputShape().size();
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
            } else if (layer instanceof Conv2d conv && conv.groups() == 1) {
                steps.add(ConvStep.of(conv));
            } else if (layer instanceof ElementwiseAffine scaling) {
                steps.add(new ScalingStep(scaling.scale(), scaling.shift()));
            } else if (layer instanceof Relu) {
                steps.add(new ReluStep(in));
            } else if (layer instanceof ElementwisePiecewiseLinear elementwise) {
                steps.add(new ElementwiseStep(elementwise, elementwise.breakpoints(), in));
            } else if (layer instanceof PiecewiseLinearLayer pwl) {
                steps.add(new PiecewiseStep(pwl, in, out));
            } else {
                steps.add(new AffineStep((AffineLayer) layer, in, out));
            }
        }
        return new LinePlan(List.copyOf(steps));
    }

    /** The steps, input side first. */
    List<Step> steps() {
        return steps;
    }

    /** One layer's work on the points. */
    sealed interface Step permits MapStep, CutStep {
        /** Number of values a point has before the step. */
        int in();

        /** Number of values a point has after the step. */
        int out();
    }

    /** An affine layer: maps every point, inserts none. */
    sealed interface MapStep extends Step permits DenseStep, ConvStep, ScalingStep, AffineStep {
    }

    /** A piecewise-linear layer: inserts the points where a unit changes piece, then maps every point. */
    sealed interface CutStep extends Step permits ReluStep, ElementwiseStep, PiecewiseStep {
    }

    /** {@code y = b + sum over x_j != 0 of x_j W[:, j]}, with {@code columns[j] = W[:, j]}. */
    record DenseStep(int in, int out, double[][] columns, double[] bias) implements MapStep {
    }

    /**
     * An ungrouped convolution as one small dense product per output position: output position {@code p} gathers
     * the inputs of its receptive field, entries {@code fieldStart[p] .. fieldStart[p + 1] - 1}, each an input
     * index {@code fieldInput[e]} with the weights {@code columns[fieldColumn[e]]} over the output channels, in
     * increasing (input channel, kernel row, kernel column) order, which is the order in which {@link Conv2d}
     * sums; the bias is added last, as there. Conversely input {@code i} reaches, for entries
     * {@code tapStart[i] .. tapStart[i + 1] - 1}, output position {@code tapPosition[t]} through the weights
     * {@code columns[tapColumn[t]]}: column {@code i} of the convolution's matrix.
     */
    record ConvStep(int in, int out, int positions, int channels, int[] fieldStart, int[] fieldInput,
            int[] fieldColumn, int largestField, int[] tapStart, int[] tapPosition, int[] tapColumn,
            double[][] columns, double[] bias) implements MapStep {

        static ConvStep of(Conv2d conv) {
            Window2d w = conv.window();
            int inChannels = conv.inputShape().dim(0);
            int height = conv.inputShape().dim(1);
            int width = conv.inputShape().dim(2);
            int channels = conv.outputShape().dim(0);
            int outHeight = conv.outputShape().dim(1);
            int outWidth = conv.outputShape().dim(2);
            int kh = w.kernelHeight();
            int kw = w.kernelWidth();
            double[] kernel = conv.kernel();
            double[][] columns = new double[inChannels * kh * kw][channels];
            for (int o = 0; o < channels; o++) {
                for (int c = 0; c < columns.length; c++) {
                    columns[c][o] = kernel[o * columns.length + c];
                }
            }
            int positions = outHeight * outWidth;
            int[] fieldStart = new int[positions + 1];
            int[] fieldInput = new int[positions * columns.length];
            int[] fieldColumn = new int[positions * columns.length];
            int n = 0;
            int largestField = 0;
            for (int oy = 0; oy < outHeight; oy++) {
                for (int ox = 0; ox < outWidth; ox++) {
                    int p = oy * outWidth + ox;
                    fieldStart[p] = n;
                    for (int i = 0; i < inChannels; i++) {
                        for (int ky = 0; ky < kh; ky++) {
                            int iy = oy * w.strideHeight() - w.padTop() + ky * w.dilationHeight();
                            for (int kx = 0; kx < kw; kx++) {
                                int ix = ox * w.strideWidth() - w.padLeft() + kx * w.dilationWidth();
                                if (iy >= 0 && iy < height && ix >= 0 && ix < width) {
                                    fieldInput[n] = (i * height + iy) * width + ix;
                                    fieldColumn[n] = (i * kh + ky) * kw + kx;
                                    n++;
                                }
                            }
                        }
                    }
                    largestField = Math.max(largestField, n - fieldStart[p]);
                }
            }
            fieldStart[positions] = n;
            int in = conv.inputShape().size();
            int[] tapStart = new int[in + 1];
            for (int e = 0; e < n; e++) {
                tapStart[fieldInput[e] + 1]++;
            }
            for (int i = 0; i < in; i++) {
                tapStart[i + 1] += tapStart[i];
            }
            int[] tapPosition = new int[n];
            int[] tapColumn = new int[n];
            int[] filled = Arrays.copyOf(tapStart, in);
            for (int p = 0; p < positions; p++) {
                for (int e = fieldStart[p]; e < fieldStart[p + 1]; e++) {
                    int slot = filled[fieldInput[e]]++;
                    tapPosition[slot] = p;
                    tapColumn[slot] = fieldColumn[e];
                }
            }
            return new ConvStep(in, conv.outputShape().size(), positions, channels, fieldStart,
                    Arrays.copyOf(fieldInput, n), Arrays.copyOf(fieldColumn, n), largestField, tapStart, tapPosition,
                    tapColumn, columns, conv.bias());
        }
    }

    /** {@code y_i = scale_i x_i + shift_i}. */
    record ScalingStep(double[] scale, double[] shift) implements MapStep {
        @Override
        public int in() {
            return scale.length;
        }

        @Override
        public int out() {
            return scale.length;
        }
    }

    /** ReLU over {@code width} units. */
    record ReluStep(int width) implements CutStep {
        @Override
        public int in() {
            return width;
        }

        @Override
        public int out() {
            return width;
        }
    }

    /** Another element-wise piecewise-linear layer, with its breakpoints read once. */
    record ElementwiseStep(ElementwisePiecewiseLinear layer, double[] breakpoints, int width) implements CutStep {
        @Override
        public int in() {
            return width;
        }

        @Override
        public int out() {
            return width;
        }
    }

    /** A piecewise-linear layer known only through its interface (max pooling). */
    record PiecewiseStep(PiecewiseLinearLayer layer, int in, int out) implements CutStep {
    }

    /** An affine layer known only through its interface (convolution, pooling, transpose). */
    record AffineStep(AffineLayer layer, int in, int out) implements MapStep {
    }
}
