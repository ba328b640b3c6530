package io.exactline.core.network;

import java.util.Arrays;

/**
 * The shape of a tensor, outermost dimension first (row-major / C order, as ONNX stores tensors).
 *
 * <p>Layers act on tensors stored flat as {@code double[]} of length {@link #size()}; element
 * {@code (i0, ..., ik)} lives at offset {@code ((i0 * d1 + i1) * d2 + ...) + ik}.
 */
public record Shape(int[] dims) {
    public Shape {
        dims = dims.clone();
        for (int d : dims) {
            if (d <= 0) {
                throw new IllegalArgumentException("shape " + Arrays.toString(dims) + " has a non-positive dimension");
            }
        }
    }

    /** A shape with the given dimensions. */
    public static Shape of(int... dims) {
        return new Shape(dims);
    }

    /** A one-dimensional shape of {@code n} elements. */
    public static Shape vector(int n) {
        return new Shape(new int[] {n});
    }

    @Override
    public int[] dims() {
        return dims.clone();
    }

    /** Number of dimensions. */
    public int rank() {
        return dims.length;
    }

    /** The extent of dimension {@code axis}. */
    public int dim(int axis) {
        return dims[axis];
    }

    /** Number of elements. */
    public int size() {
        long n = 1;
        for (int d : dims) {
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape " + this + " has more than 2^31-1 elements");
        }
        return (int) n;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        return Arrays.toString(dims).replace(" ", "");
    }
}
