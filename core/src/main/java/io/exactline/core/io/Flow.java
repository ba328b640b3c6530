package io.exactline.core.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.exactline.core.layer.Layer;
import io.exactline.core.layer.Reshape;
import io.exactline.core.network.Shape;

/**
 * The tensor computed from the network input: its ONNX shape and the chain of layers, input side first, that
 * computes it.
 *
 * <p>Layers see tensors without their batch dimension: {@link #layerShape(int[])} drops a leading dimension of 1
 * from a tensor of rank 2 or more. The invariant is that the chain's last layer outputs exactly
 * {@code layerShape(dims)}; {@link #then} restores it with a {@link Reshape} where a layer's natural output shape
 * differs (a Dense layer outputs a vector where ONNX says {@code [1, 1, N]}).
 */
record Flow(int[] dims, Shape inputShape, List<Layer> layers) implements TensorValue {

    /** @throws IllegalArgumentException if the tensor has more than {@link ConstantTensor#MAX_ELEMENTS} elements */
    Flow {
        ConstantTensor.allocatable(dims);
        dims = dims.clone();
        layers = List.copyOf(layers);
    }

    /** The network input: no layers yet. */
    static Flow input(int[] dims) {
        return new Flow(dims, layerShape(dims), List.of());
    }

    /** The shape layers use for a tensor of ONNX shape {@code dims}: a leading batch dimension of 1 removed. */
    static Shape layerShape(int[] dims) {
        boolean batched = dims.length >= 2 && dims[0] == 1;
        return Shape.of(batched ? Arrays.copyOfRange(dims, 1, dims.length) : dims);
    }

    @Override
    public int[] dims() {
        return dims.clone();
    }

    /** The shape the last layer outputs: {@code layerShape(dims)}. */
    Shape shape() {
        return layerShape(dims);
    }

    /**
     * The tensor of ONNX shape {@code outDims} computed by applying {@code next} to this one; the first layer
     * must take {@link #shape()}.
     */
    Flow then(int[] outDims, Layer... next) {
        List<Layer> chain = new ArrayList<>(layers);
        Shape current = shape();
        for (Layer layer : next) {
            if (!layer.inputShape().equals(current)) {
                throw new IllegalStateException("layer " + layer.describe() + " does not take " + current);
            }
            chain.add(layer);
            current = layer.outputShape();
        }
        Shape wanted = layerShape(outDims);
        if (!current.equals(wanted)) {
            chain.add(new Reshape(current, wanted));
        }
        return new Flow(outDims, inputShape, chain);
    }

    /** The same tensor seen under ONNX shape {@code outDims} of the same size (Flatten, Reshape, ...). */
    Flow reshaped(int[] outDims) {
        return then(outDims);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Flow f && Arrays.equals(dims, f.dims) && inputShape.equals(f.inputShape)
                && layers.equals(f.layers);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims) * 31 + layers.hashCode();
    }

    @Override
    public String toString() {
        return "Flow" + Arrays.toString(dims) + " after " + layers.size() + " layers";
    }
}
