package io.exactline.verifier.encoding;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.numbers.fraction.BigFraction;

import io.exactline.core.BadInputException;
import io.exactline.core.layer.AffineLayer;
import io.exactline.core.layer.Dense;
import io.exactline.core.layer.ElementwiseAffine;
import io.exactline.core.layer.ElementwisePiecewiseLinear;
import io.exactline.core.layer.Layer;
import io.exactline.core.layer.Reshape;
import io.exactline.core.network.Network;
import io.exactline.core.network.UnsupportedNetworkException;
import io.exactline.verifier.bounds.PartialPattern;

/**
 * A network as the chain of steps the solver encodings work on: affine maps with explicit sparse weights and
 * element-wise piecewise-linear activations.
 *
 * <p>Every layer of the original network becomes one step, weights unchanged (consecutive affine layers are not
 * multiplied out, which would round): {@code Dense} and {@code ElementwiseAffine} directly, any other affine
 * layer (transpose, convolution, average pooling) by reading its columns {@code A e_j} and its offset, which is
 * exact because a column is a sum of products of the layer's weights with one 1 and zeros (it costs one
 * evaluation per input, so large convolutions are slow to encode); {@code Reshape} disappears because it is the identity on the flat
 * storage. Activations must be ReLU, leaky ReLU or hard tanh. The result describes the same real function as
 * the original network with its doubles read as exact rationals. Immutable.
 */
public final class PiecewiseAffineNetwork {
    private final List<NetworkStep> steps;
    private final List<ActivationStep> activations;
    private final int inputSize;
    private final int outputSize;
    private final String source;

    private PiecewiseAffineNetwork(List<NetworkStep> steps, int inputSize, int outputSize, String source) {
        this.steps = List.copyOf(steps);
        this.activations = steps.stream().filter(s -> s instanceof ActivationStep).map(s -> (ActivationStep) s)
                .toList();
        this.inputSize = inputSize;
        this.outputSize = outputSize;
        this.source = source;
    }

    /**
     * The steps of {@code network}.
     *
     * @throws UnsupportedNetworkException naming the first layer that has no exact encoding
     */
    public static PiecewiseAffineNetwork of(Network network) {
        List<NetworkStep> steps = new ArrayList<>();
        List<Layer> layers = network.layers();
        int activationIndex = 0;
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            String origin = network.source() + " layer " + i + " (" + layer.describe() + ")";
            if (layer instanceof Reshape) {
                continue;
            }
            if (layer instanceof Dense dense) {
                steps.add(AffineStep.dense(dense.weights(), dense.bias(), dense.inputs(), origin));
            } else if (layer instanceof ElementwiseAffine scaling) {
                steps.add(diagonal(scaling.scale(), scaling.shift(), origin));
            } else if (layer instanceof AffineLayer affine) {
                steps.add(byColumns(affine, origin));
            } else if (layer instanceof ElementwisePiecewiseLinear activation) {
                ActivationPieces pieces;
                try {
                    pieces = ActivationPieces.of(activation);
                } catch (UnsupportedNetworkException e) {
                    throw new UnsupportedNetworkException(origin + ": " + e.getMessage());
                }
                steps.add(new ActivationStep(activationIndex++, i, activation.unitCount(), pieces));
            } else {
                throw new UnsupportedNetworkException(origin + " has no exact solver encoding; the SMT, MILP and LP "
                        + "encodings support affine layers (Dense, ElementwiseAffine, Reshape, Transpose, convolution, "
                        + "average pooling) and the element-wise Relu, LeakyRelu and HardTanh");
            }
        }
        return new PiecewiseAffineNetwork(steps, network.inputSize(), network.outputSize(), network.source());
    }

    private static AffineStep diagonal(double[] scale, double[] shift, String origin) {
        int n = scale.length;
        double[][] w = new double[n][];
        for (int i = 0; i < n; i++) {
            w[i] = new double[n];
            w[i][i] = scale[i];
        }
        return AffineStep.dense(w, shift, n, origin);
    }

    private static AffineStep byColumns(AffineLayer layer, String origin) {
        int n = layer.inputShape().size();
        int m = layer.outputShape().size();
        List<List<Integer>> indices = new ArrayList<>(m);
        List<List<Double>> weights = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            indices.add(new ArrayList<>());
            weights.add(new ArrayList<>());
        }
        layer.forEachColumn((column, j) -> {
            for (int i = 0; i < m; i++) {
                if (column[i] != 0.0) {
                    indices.get(i).add(j);
                    weights.get(i).add(column[i]);
                }
            }
        });
        int[][] rowIndices = new int[m][];
        double[][] rowWeights = new double[m][];
        for (int i = 0; i < m; i++) {
            rowIndices[i] = indices.get(i).stream().mapToInt(Integer::intValue).toArray();
            rowWeights[i] = weights.get(i).stream().mapToDouble(Double::doubleValue).toArray();
        }
        return new AffineStep(n, rowIndices, rowWeights, layer.offset(), origin);
    }

    /** The steps, input side first. */
    public List<NetworkStep> steps() {
        return steps;
    }

    /** The activation steps in order; element {@code k} has {@link ActivationStep#layer()} {@code k}. */
    public List<ActivationStep> activations() {
        return activations;
    }

    /** The pattern with every unit of every activation free, the one a plain {@link NetworkRegion} has. */
    public PartialPattern freePattern() {
        return PartialPattern.free(activations.stream().mapToInt(ActivationStep::size).toArray());
    }

    public int inputSize() {
        return inputSize;
    }

    public int outputSize() {
        return outputSize;
    }

    /** Where the network came from, for messages. */
    public String source() {
        return source;
    }

    /** The network's output at {@code x} in exact rational arithmetic. */
    public BigFraction[] evaluateExactly(BigFraction[] x) {
        List<BigFraction[]> values = trace(x);
        return values.get(values.size() - 1);
    }

    /**
     * Every intermediate vector at {@code x} in exact arithmetic: element 0 is {@code x}, element {@code t + 1} the
     * output of step {@code t}. The pre-activation of activation step {@code k} is the element before it.
     */
    public List<BigFraction[]> trace(BigFraction[] x) {
        if (x.length != inputSize) {
            throw new BadInputException(source + " takes " + inputSize + " inputs, got " + x.length);
        }
        List<BigFraction[]> values = new ArrayList<>(steps.size() + 1);
        values.add(x.clone());
        BigFraction[] current = x;
        for (NetworkStep step : steps) {
            if (step instanceof AffineStep affine) {
                current = affine.applyExactly(current);
            } else {
                ActivationStep activation = (ActivationStep) step;
                BigFraction[] next = new BigFraction[current.length];
                for (int i = 0; i < next.length; i++) {
                    next[i] = activation.pieces().apply(current[i]);
                }
                current = next;
            }
            values.add(current);
        }
        return values;
    }

    /**
     * Rigorous interval bounds of every pre-activation over the input box {@code [lower, upper]} (interval
     * arithmetic with outward rounding, so they hold for the exact real network).
     */
    public PreActivationBounds intervalBounds(double[] lower, double[] upper) {
        checkBox(lower, upper);
        List<double[]> lows = new ArrayList<>();
        List<double[]> highs = new ArrayList<>();
        double[] low = lower.clone();
        double[] high = upper.clone();
        for (NetworkStep step : steps) {
            double[] nextLow = new double[step.outputSize()];
            double[] nextHigh = new double[step.outputSize()];
            if (step instanceof AffineStep affine) {
                affine.enclose(low, high, nextLow, nextHigh);
            } else {
                ActivationStep activation = (ActivationStep) step;
                lows.add(low);
                highs.add(high);
                for (int i = 0; i < low.length; i++) {
                    double[] image = activation.pieces().image(low[i], high[i]);
                    nextLow[i] = image[0];
                    nextHigh[i] = image[1];
                }
            }
            low = nextLow;
            high = nextHigh;
        }
        return new PreActivationBounds(lows, highs);
    }

    /** Checks that {@code [lower, upper]} is a finite, non-empty box of the network's input size. */
    private void checkBox(double[] lower, double[] upper) {
        if (lower.length != inputSize || upper.length != inputSize) {
            throw new BadInputException("input box has " + lower.length + " lower and " + upper.length
                    + " upper bounds but " + source + " takes " + inputSize + " inputs");
        }
        for (int j = 0; j < inputSize; j++) {
            if (!Double.isFinite(lower[j]) || !Double.isFinite(upper[j]) || lower[j] > upper[j]) {
                throw new BadInputException("input " + j + " has bounds [" + lower[j] + ", " + upper[j]
                        + "]; the solvers need finite bounds with lower <= upper");
            }
        }
    }

    @Override
    public String toString() {
        return "PiecewiseAffineNetwork(" + source + ", " + steps.size() + " steps, " + activations.size()
                + " activation layers)";
    }
}
