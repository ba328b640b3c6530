package io.exactline.core.layer;

import java.util.Arrays;

import io.exactline.core.network.Shape;

/**
 * Permutes the axes of a tensor (ONNX Transpose): output axis {@code k} is input axis {@code perm[k]}. A linear
 * map that moves each element to one place, e.g. NHWC to NCHW with {@code perm = [0, 3, 1, 2]}.
 */
public final class Transpose implements AffineLayer {
    private final Shape inputShape;
    private final Shape outputShape;
    private final int[] perm;
    private final int[] source; // source[outputIndex] = inputIndex

    /**
     * @param inputShape shape of the input
     * @param perm a permutation of {@code 0 .. rank-1}
     */
    public Transpose(Shape inputShape, int[] perm) {
        int rank = inputShape.rank();
        boolean[] seen = new boolean[rank];
        if (perm.length != rank) {
            throw new IllegalArgumentException("Transpose of " + inputShape + " needs a permutation of " + rank
                    + " axes, got " + Arrays.toString(perm));
        }
        for (int p : perm) {
            if (p < 0 || p >= rank || seen[p]) {
                throw new IllegalArgumentException("Transpose of " + inputShape + ": " + Arrays.toString(perm)
                        + " is not a permutation of 0.." + (rank - 1));
            }
            seen[p] = true;
        }
        this.inputShape = inputShape;
        this.perm = perm.clone();
        int[] outDims = new int[rank];
        for (int k = 0; k < rank; k++) {
            outDims[k] = inputShape.dim(perm[k]);
        }
        this.outputShape = Shape.of(outDims);
        int[] inStrides = strides(inputShape);
        int n = inputShape.size();
        this.source = new int[n];
        int[] index = new int[rank];
        for (int o = 0; o < n; o++) {
            int s = 0;
            for (int k = 0; k < rank; k++) {
                s += index[k] * inStrides[perm[k]];
            }
            source[o] = s;
            for (int k = rank - 1; k >= 0; k--) {
                if (++index[k] < outDims[k]) {
                    break;
                }
                index[k] = 0;
            }
        }
    }

    private static int[] strides(Shape shape) {
        int[] strides = new int[shape.rank()];
        int stride = 1;
        for (int k = shape.rank() - 1; k >= 0; k--) {
            strides[k] = stride;
            stride *= shape.dim(k);
        }
        return strides;
    }

    /** A copy of the permutation. */
    public int[] perm() {
        return perm.clone();
    }

    @Override
    public Shape inputShape() {
        return inputShape;
    }

    @Override
    public Shape outputShape() {
        return outputShape;
    }

    @Override
    public void apply(double[] in, int inOffset, double[] out, int outOffset) {
        for (int o = 0; o < source.length; o++) {
            out[outOffset + o] = in[inOffset + source[o]];
        }
    }

    @Override
    public void applyLinear(double[] in, int inOffset, double[] out, int outOffset) {
        apply(in, inOffset, out, outOffset);
    }

    @Override
    public void applyTransposed(double[] gradOut, int gOffset, double[] gradIn, int inOffset) {
        for (int o = 0; o < source.length; o++) {
            gradIn[inOffset + source[o]] = gradOut[gOffset + o];
        }
    }

    @Override
    public double[] offset() {
        return new double[outputShape.size()];
    }

    @Override
    public String describe() {
        return "Transpose " + inputShape + " perm " + Arrays.toString(perm) + " -> " + outputShape;
    }
}
