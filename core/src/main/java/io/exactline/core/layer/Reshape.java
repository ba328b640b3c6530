package io.exactline.core.layer;

import io.exactline.core.network.Shape;

/**
 * Reinterprets a tensor under another shape of the same size without moving data (ONNX Flatten, Reshape,
 * Squeeze, Unsqueeze, Identity): the identity map on the flat row-major storage.
 */
public record Reshape(Shape inputShape, Shape outputShape) implements AffineLayer {
    public Reshape {
        if (inputShape.size() != outputShape.size()) {
            throw new IllegalArgumentException("cannot reshape " + inputShape + " (" + inputShape.size()
                    + " elements) to " + outputShape + " (" + outputShape.size() + " elements)");
        }
    }

    @Override
    public void apply(double[] in, int inOffset, double[] out, int outOffset) {
        System.arraycopy(in, inOffset, out, outOffset, inputShape.size());
    }

    @Override
    public void applyLinear(double[] in, int inOffset, double[] out, int outOffset) {
        apply(in, inOffset, out, outOffset);
    }

    @Override
    public void applyTransposed(double[] gradOut, int gOffset, double[] gradIn, int inOffset) {
        System.arraycopy(gradOut, gOffset, gradIn, inOffset, inputShape.size());
    }

    @Override
    public double[] offset() {
        return new double[outputShape.size()];
    }

    @Override
    public String describe() {
        return "Reshape " + inputShape + "->" + outputShape;
    }
}
