package io.exactline.core.attribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.exactline.core.layer.AffineLayer;
import io.exactline.core.layer.ElementwisePiecewiseLinear;
import io.exactline.core.layer.Layer;
import io.exactline.core.network.Network;
import io.exactline.core.network.UnsupportedNetworkException;

/**
 * A piecewise-linear network written as {@code f = B_L ∘ P_{L−1} ∘ ... ∘ P_0 ∘ B_0}: element-wise piecewise-linear
 * layers {@code P_l} between affine blocks {@code B_l} (runs of consecutive affine layers, possibly empty). Of the
 * blocks only the linear parts are kept, as sparse matrices: their products with tangents and adjoints are all
 * a gradient needs, and a convolution's matrix is mostly zeros.
 *
 * <p>Each block's matrix is read off column by column, by applying the linear parts of its layers to unit
 * vectors; this costs one sparse evaluation per block input and is done once per network.
 */
final class NetworkBlocks {
    private final Network network;
    private final SparseMatrix[] blocks;
    private final ElementwisePiecewiseLinear[] activations;
    private final int[] activationLayers;

    private NetworkBlocks(Network network, SparseMatrix[] blocks, ElementwisePiecewiseLinear[] activations,
            int[] activationLayers) {
        this.network = network;
        this.blocks = blocks;
        this.activations = activations;
        this.activationLayers = activationLayers;
    }

    /**
     * Decomposes {@code network}; empty if it has a piecewise-linear layer that is not element-wise (max
     * pooling), whose Jacobian is not diagonal.
     *
     * @throws UnsupportedNetworkException if a layer is not piecewise linear
     */
    static Optional<NetworkBlocks> of(Network network) {
        network.requirePiecewiseLinear("exact Integrated Gradients");
        List<SparseMatrix> blocks = new ArrayList<>();
        List<ElementwisePiecewiseLinear> activations = new ArrayList<>();
        List<Integer> activationLayers = new ArrayList<>();
        List<AffineLayer> run = new ArrayList<>();
        int runInput = network.inputSize();
        List<Layer> layers = network.layers();
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            if (layer instanceof AffineLayer affine) {
                run.add(affine);
            } else if (layer instanceof ElementwisePiecewiseLinear activation) {
                blocks.add(matrix(run, runInput));
                activations.add(activation);
                activationLayers.add(i);
                run = new ArrayList<>();
                runInput = activation.outputShape().size();
            } else {
                return Optional.empty();
            }
        }
        blocks.add(matrix(run, runInput));
        return Optional.of(new NetworkBlocks(network, blocks.toArray(SparseMatrix[]::new),
                activations.toArray(ElementwisePiecewiseLinear[]::new),
                activationLayers.stream().mapToInt(Integer::intValue).toArray()));
    }

    private static SparseMatrix matrix(List<AffineLayer> run, int inputs) {
        int outputs = run.isEmpty() ? inputs : run.get(run.size() - 1).outputShape().size();
        return SparseMatrix.ofColumns(outputs, inputs, c -> {
            double[] v = new double[inputs];
            v[c] = 1;
            for (AffineLayer layer : run) {
                double[] out = new double[layer.outputShape().size()];
                layer.applyLinear(v, 0, out, 0);
                v = out;
            }
            return SparseMatrix.nonZeros(v);
        });
    }

    Network network() {
        return network;
    }

    /** Number {@code L} of piecewise-linear layers. */
    int activationCount() {
        return activations.length;
    }

    /** The linear part of block {@code B_l}, {@code 0 <= l <= L}. */
    SparseMatrix block(int l) {
        return blocks[l];
    }

    /** The piecewise-linear layer {@code P_l}. */
    ElementwisePiecewiseLinear activation(int l) {
        return activations[l];
    }

    /** The pre-activations of every {@code P_l} at {@code x}, by evaluating the network. */
    double[][] preActivations(double[] x) {
        List<double[]> values = network.activations(x);
        double[][] z = new double[activations.length][];
        for (int l = 0; l < z.length; l++) {
            z[l] = values.get(activationLayers[l]);
        }
        return z;
    }
}
