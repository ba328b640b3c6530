package io.exactline.core.layer;

import java.util.function.ObjIntConsumer;

/**
 * A layer computing {@code y = A x + c}: dense, convolution, average pooling, element-wise scaling and shifting
 * (normalisation, folded batch norm), reshapes and transposes.
 *
 * <p>Exact analyses rely on the map being affine: the image of a segment is the segment between the images of
 * its endpoints. The linear part and the offset are exposed separately so bound propagation can push symbolic
 * expressions through any affine layer without knowing its kind.
 */
public sealed interface AffineLayer extends Layer
        permits Dense, ElementwiseAffine, Reshape, Transpose, Conv2d, AveragePool2d {

    /** The linear part: writes {@code A x} (no offset) for {@code x} at {@code in[inOffset..]}. */
    void applyLinear(double[] in, int inOffset, double[] out, int outOffset);

    /**
     * The transposed linear part: writes {@code A^T g} for {@code g} at {@code gradOut[gOffset..]}. This is the
     * layer's vector-Jacobian product, which does not depend on the point.
     */
    void applyTransposed(double[] gradOut, int gOffset, double[] gradIn, int inOffset);

    /** The offset {@code c = f(0)}, a new array of {@code outputShape().size()}. */
    double[] offset();

    /**
     * Reads the matrix {@code A} column by column: calls {@code sink} with {@code A e_j} and {@code j} for every input
     * {@code j} in order, by {@link #applyLinear} on unit vectors (so each entry is the stored weight itself when the
     * layer's weights are doubles). The column array is reused between calls: copy what must outlive the call.
     */
    default void forEachColumn(ObjIntConsumer<double[]> sink) {
        double[] unit = new double[inputShape().size()];
        double[] column = new double[outputShape().size()];
        for (int j = 0; j < unit.length; j++) {
            unit[j] = 1.0;
            applyLinear(unit, 0, column, 0);
            unit[j] = 0.0;
            sink.accept(column, j);
        }
    }

    @Override
    default double[] backward(double[] input, double[] gradOut) {
        double[] gradIn = new double[inputShape().size()];
        applyTransposed(gradOut, 0, gradIn, 0);
        return gradIn;
    }
}
