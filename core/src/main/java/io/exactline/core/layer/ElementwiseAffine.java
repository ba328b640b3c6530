package io.exactline.core.layer;

import java.util.Arrays;

import io.exactline.core.network.Shape;

/**
 * Element-wise {@code y_i = scale_i x_i + shift_i}: per-channel normalisation ({@code (x - mean) / std}),
 * a folded batch norm, ONNX Sub/Add/Mul/Div by a constant, and the input and output (de)normalisation of
 * .nnet networks. Shape is unchanged.
 */
public final class ElementwiseAffine implements AffineLayer {
    private final Shape shape;
    private final double[] scale;
    private final double[] shift;

    /**
     * @param shape input and output shape
     * @param scale one factor per element
     * @param shift one offset per element
     */
    public ElementwiseAffine(Shape shape, double[] scale, double[] shift) {
        int n = shape.size();
        if (scale.length != n || shift.length != n) {
            throw new IllegalArgumentException("element-wise affine over " + shape + " (" + n + " elements) got "
                    + scale.length + " scales and " + shift.length + " shifts");
        }
        this.shape = shape;
        this.scale = scale.clone();
        this.shift = shift.clone();
    }

    /**
     * Per-channel form for a tensor whose dimension {@code channelAxis} holds the channels:
     * {@code y = scale[c] x + shift[c]} for every element of channel {@code c}.
     */
    public static ElementwiseAffine perChannel(Shape shape, int channelAxis, double[] scale, double[] shift) {
        int channels = shape.dim(channelAxis);
        if (scale.length != channels || shift.length != channels) {
            throw new IllegalArgumentException("per-channel affine over " + shape + " axis " + channelAxis + " ("
                    + channels + " channels) got " + scale.length + " scales and " + shift.length + " shifts");
        }
        int inner = 1;
        for (int axis = channelAxis + 1; axis < shape.rank(); axis++) {
            inner *= shape.dim(axis);
        }
        int n = shape.size();
        double[] fullScale = new double[n];
        double[] fullShift = new double[n];
        for (int i = 0; i < n; i++) {
            int c = (i / inner) % channels;
            fullScale[i] = scale[c];
            fullShift[i] = shift[c];
        }
        return new ElementwiseAffine(shape, fullScale, fullShift);
    }

    /** The same scale and shift for every element. */
    public static ElementwiseAffine uniform(Shape shape, double scale, double shift) {
        double[] s = new double[shape.size()];
        double[] c = new double[shape.size()];
        Arrays.fill(s, scale);
        Arrays.fill(c, shift);
        return new ElementwiseAffine(shape, s, c);
    }

    /** A copy of the per-element factors. */
    public double[] scale() {
        return scale.clone();
    }

    /** A copy of the per-element offsets. */
    public double[] shift() {
        return shift.clone();
    }

    @Override
    public Shape inputShape() {
        return shape;
    }

    @Override
    public Shape outputShape() {
        return shape;
    }

    @Override
    public void apply(double[] in, int inOffset, double[] out, int outOffset) {
        for (int i = 0; i < scale.length; i++) {
            out[outOffset + i] = scale[i] * in[inOffset + i] + shift[i];
        }
    }

    @Override
    public void applyLinear(double[] in, int inOffset, double[] out, int outOffset) {
        for (int i = 0; i < scale.length; i++) {
            out[outOffset + i] = scale[i] * in[inOffset + i];
        }
    }

    @Override
    public void applyTransposed(double[] gradOut, int gOffset, double[] gradIn, int inOffset) {
        applyLinear(gradOut, gOffset, gradIn, inOffset);
    }

    @Override
    public double[] offset() {
        return shift.clone();
    }

    @Override
    public String describe() {
        return "ElementwiseAffine " + shape;
    }
}
