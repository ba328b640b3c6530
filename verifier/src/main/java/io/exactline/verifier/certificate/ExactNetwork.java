package io.exactline.verifier.certificate;

import java.util.ArrayList;
import java.util.List;

import io.exactline.core.BadInputException;
import io.exactline.core.layer.AffineLayer;
import io.exactline.core.layer.Layer;
import io.exactline.core.layer.Relu;
import io.exactline.core.network.Network;

/**
 * A ReLU network as the certificate checker sees it: a chain of affine steps {@code y = W x + b} and ReLU steps. The
 * weights are the network's doubles, read exactly: column {@code j} of an affine layer is its linear part applied to
 * the unit vector {@code e_j} (exact, as every product but one is with zero), its offset is
 * {@link AffineLayer#offset}. Each double is read as the dyadic rational it stands for.
 *
 * <p>ReLU layers are numbered from 0 at the input side, as the activation layers of a branch-and-bound pattern.
 */
final class ExactNetwork {
    /** One step of the chain. */
    sealed interface Step permits Affine, ReluStep {
    }

    /**
     * {@code y_r = offset_r + sum_k weights[r][k] * x_{columns[r][k]}}, sparse by rows.
     *
     * @param inputSize length of {@code x}
     */
    record Affine(int inputSize, int[][] columns, double[][] weights, double[] offset) implements Step {
        int outputSize() {
            return offset.length;
        }
    }

    /**
     * {@code y = max(0, x)} element-wise.
     *
     * @param layer the index of this ReLU layer among the network's ReLU layers
     */
    record ReluStep(int size, int layer) implements Step {
    }

    private final List<Step> steps;
    private final int inputSize;
    private final int[] reluSizes;

    private ExactNetwork(List<Step> steps, int inputSize, int[] reluSizes) {
        this.steps = List.copyOf(steps);
        this.inputSize = inputSize;
        this.reluSizes = reluSizes;
    }

    /**
     * The exact form of {@code network}.
     *
     * @throws BadInputException if a layer is neither affine nor ReLU (the checker supports only these)
     */
    static ExactNetwork of(Network network) {
        List<Step> steps = new ArrayList<>();
        List<Integer> reluSizes = new ArrayList<>();
        List<Layer> layers = network.layers();
        for (int index = 0; index < layers.size(); index++) {
            Layer layer = layers.get(index);
            if (layer instanceof AffineLayer affine) {
                steps.add(affine(affine));
            } else if (layer instanceof Relu relu) {
                steps.add(new ReluStep(relu.inputShape().size(), reluSizes.size()));
                reluSizes.add(relu.inputShape().size());
            } else {
                throw new BadInputException("certificates are checked for networks of affine and ReLU layers only;"
                        + " layer " + index + " of " + network.source() + " is " + layer.describe());
            }
        }
        return new ExactNetwork(steps, network.inputSize(), reluSizes.stream().mapToInt(Integer::intValue).toArray());
    }

    private static Affine affine(AffineLayer layer) {
        int in = layer.inputShape().size();
        int out = layer.outputShape().size();
        List<List<Integer>> columns = new ArrayList<>();
        List<List<Double>> weights = new ArrayList<>();
        for (int r = 0; r < out; r++) {
            columns.add(new ArrayList<>());
            weights.add(new ArrayList<>());
        }
        layer.forEachColumn((column, j) -> {
            for (int r = 0; r < out; r++) {
                if (column[r] != 0.0) {
                    columns.get(r).add(j);
                    weights.get(r).add(exact(column[r], layer));
                }
            }
        });
        int[][] cols = new int[out][];
        double[][] w = new double[out][];
        for (int r = 0; r < out; r++) {
            cols[r] = columns.get(r).stream().mapToInt(Integer::intValue).toArray();
            w[r] = weights.get(r).stream().mapToDouble(Double::doubleValue).toArray();
        }
        double[] offset = layer.offset();
        for (double v : offset) {
            exact(v, layer);
        }
        return new Affine(in, cols, w, offset);
    }

    private static double exact(double v, Layer layer) {
        if (!Double.isFinite(v)) {
            throw new BadInputException("layer " + layer.describe() + " has a weight " + v
                    + "; a certificate needs finite weights");
        }
        return v;
    }

    /** The steps from input to output. */
    List<Step> steps() {
        return steps;
    }

    /** Number of network inputs. */
    int inputSize() {
        return inputSize;
    }

    /** Number of ReLU layers. */
    int reluLayerCount() {
        return reluSizes.length;
    }

    /** Number of units of ReLU layer {@code layer}. */
    int reluSize(int layer) {
        return reluSizes[layer];
    }
}
