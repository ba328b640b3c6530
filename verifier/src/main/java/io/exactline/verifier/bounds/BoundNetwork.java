package io.exactline.verifier.bounds;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.exactline.core.layer.AveragePool2d;
import io.exactline.core.layer.Conv2d;
import io.exactline.core.layer.Dense;
import io.exactline.core.layer.ElementwiseAffine;
import io.exactline.core.layer.ElementwisePiecewiseLinear;
import io.exactline.core.layer.Layer;
import io.exactline.core.layer.MaxPool2d;
import io.exactline.core.layer.Reshape;
import io.exactline.core.layer.Transpose;
import io.exactline.core.network.Network;
import io.exactline.core.network.UnsupportedNetworkException;

/**
 * A network compiled for bound propagation: a chain of ops, each affine ({@code y = A x + b}: dense,
 * convolution, average pooling, scaling, transpose), an element-wise piecewise-linear activation, or a max
 * pooling, over flat arrays. Tensor {@code t} is the input of op {@code t} and the output of
 * op {@code t - 1}; tensor 0 is the network input. Reshapes, identity transposes and unit scalings are dropped,
 * which changes no value.
 *
 * <p>Activation layers (the element-wise ones; max pooling is bounded but never branched on) are numbered from 0
 * at the input side; {@link #networkLayerIndex} maps them back to the
 * core network's layers. Immutable and thread-safe: compile once, share between the {@link BoundComputer}s of
 * several threads.
 */
public final class BoundNetwork {
    private final Network network;
    private final Op[] ops;
    private final int[] tensorSizes;
    private final int[] activationOps;
    private final int[] activationLayers;
    private final int maxSize;

    private BoundNetwork(Network network, List<Op> ops, List<Integer> activationOps, List<Integer> activationLayers) {
        this.network = network;
        this.ops = ops.toArray(new Op[0]);
        this.tensorSizes = new int[ops.size() + 1];
        tensorSizes[0] = network.inputSize();
        int max = tensorSizes[0];
        for (int i = 0; i < this.ops.length; i++) {
            tensorSizes[i + 1] = this.ops[i].outputSize();
            max = Math.max(max, tensorSizes[i + 1]);
        }
        this.maxSize = max;
        this.activationOps = activationOps.stream().mapToInt(Integer::intValue).toArray();
        this.activationLayers = activationLayers.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Compiles a piecewise-linear network.
     *
     * @throws UnsupportedNetworkException if a layer is not supported by bound propagation (smooth activations,
     *     or a layer kind this package does not know yet)
     */
    public static BoundNetwork of(Network network) {
        network.requirePiecewiseLinear("bound propagation");
        List<Op> ops = new ArrayList<>();
        List<Integer> activationOps = new ArrayList<>();
        List<Integer> activationLayers = new ArrayList<>();
        List<Layer> layers = network.layers();
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            if (layer instanceof ElementwisePiecewiseLinear activation) {
                activationOps.add(ops.size());
                activationLayers.add(i);
                ops.add(ActivationOp.of(activation));
            } else if (layer instanceof MaxPool2d pool) {
                ops.add(new MaxPoolOp(pool));
            } else {
                compileAffine(network, i, layer).ifPresent(ops::add);
            }
        }
        return new BoundNetwork(network, ops, activationOps, activationLayers);
    }

    /** The op of an affine layer, or empty for one that is the identity. */
    private static Optional<LinearOp> compileAffine(Network network, int index, Layer layer) {
        if (layer instanceof Dense dense) {
            return Optional.of(new DenseOp(dense));
        }
        if (layer instanceof ElementwiseAffine affine) {
            return DiagonalOp.isIdentity(affine) ? Optional.empty() : Optional.of(new DiagonalOp(affine));
        }
        if (layer instanceof Transpose transpose) {
            int[] source = PermutationOp.sourceOf(transpose);
            return PermutationOp.isIdentity(source) ? Optional.empty() : Optional.of(new PermutationOp(source));
        }
        if (layer instanceof Reshape) {
            return Optional.empty();
        }
        if (layer instanceof Conv2d conv) {
            return Optional.of(LayerAffineOp.of(conv));
        }
        if (layer instanceof AveragePool2d pool) {
            return Optional.of(LayerAffineOp.of(pool));
        }
        throw new UnsupportedNetworkException("bound propagation does not support " + network.source() + " layer "
                + index + " (" + layer.describe() + ")");
    }

    /** The network this was compiled from. */
    public Network network() {
        return network;
    }

    /** Number of input values. */
    public int inputSize() {
        return tensorSizes[0];
    }

    /** Number of output values. */
    public int outputSize() {
        return tensorSizes[ops.length];
    }

    /** Number of activation layers. */
    public int activationLayerCount() {
        return activationOps.length;
    }

    /** Number of units of activation layer {@code k}. */
    public int unitCount(int k) {
        return ops[activationOps[k]].inputSize();
    }

    /** Number of pieces (states) of a unit of activation layer {@code k}: 2 for ReLU. */
    public int stateCount(int k) {
        return activation(k).pieceCount();
    }

    /** The index in {@link Network#layers()} of activation layer {@code k}. */
    public int networkLayerIndex(int k) {
        return activationLayers[k];
    }

    int opCount() {
        return ops.length;
    }

    Op op(int i) {
        return ops[i];
    }

    int tensorSize(int t) {
        return tensorSizes[t];
    }

    int maxSize() {
        return maxSize;
    }

    /** The op index of activation layer {@code k}; its input is tensor {@code activationOp(k)}. */
    int activationOp(int k) {
        return activationOps[k];
    }

    ActivationOp activation(int k) {
        return (ActivationOp) ops[activationOps[k]];
    }

    /** The activation layer whose op is {@code op}, or -1. */
    int activationIndexOfOp(int op) {
        for (int k = 0; k < activationOps.length; k++) {
            if (activationOps[k] == op) {
                return k;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "BoundNetwork(" + network.source() + ", " + ops.length + " ops, " + activationOps.length
                + " activation layers)";
    }
}
