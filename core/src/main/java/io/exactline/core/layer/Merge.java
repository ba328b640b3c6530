package io.exactline.core.layer;

import java.util.Arrays;
import java.util.List;

import io.exactline.core.network.Shape;

/**
 * How a {@link Parallel} layer combines the outputs of its branches into one tensor: {@link Concat} joins them
 * along an axis (ONNX Concat), {@link Sum} adds them element by element (ONNX Add of two computed tensors, as in a
 * residual connection). Both are linear, so a merge never adds breakpoints.
 */
public sealed interface Merge {

    /**
     * The shape of the merged tensor.
     *
     * @throws IllegalArgumentException naming the shapes if the branch outputs cannot be merged
     */
    Shape outputShape(List<Shape> parts);

    /** The merged tensor of {@code parts} (flat row-major tensors of the shapes given to {@link #outputShape}). */
    double[] merge(List<Shape> shapes, List<double[]> parts);

    /**
     * The transpose of {@link #merge}: the part of {@code merged} (a gradient with respect to the merged tensor)
     * that goes to branch {@code branch}.
     */
    double[] part(List<Shape> shapes, int branch, double[] merged);

    /**
     * Concatenation along {@code axis} of the layer shape (the tensor without its batch dimension): all parts
     * have the same rank and the same extent on every other axis. In row-major order the output is, for every index
     * of the axes before {@code axis}, the block of part 0, then the block of part 1, and so on.
     */
    record Concat(int axis) implements Merge {

        @Override
        public Shape outputShape(List<Shape> parts) {
            int[] first = parts.get(0).dims();
            if (axis < 0 || axis >= first.length) {
                throw new IllegalArgumentException("concat axis " + axis + " is outside the rank " + first.length
                        + " of " + parts.get(0));
            }
            int[] out = first.clone();
            for (int i = 1; i < parts.size(); i++) {
                int[] dims = parts.get(i).dims();
                if (dims.length != first.length) {
                    throw new IllegalArgumentException("cannot concatenate " + parts.get(0) + " and " + parts.get(i)
                            + ": ranks differ");
                }
                for (int k = 0; k < dims.length; k++) {
                    if (k != axis && dims[k] != first[k]) {
                        throw new IllegalArgumentException("cannot concatenate " + parts.get(0) + " and "
                                + parts.get(i) + " along axis " + axis + ": axis " + k + " differs");
                    }
                }
                out[axis] += dims[axis];
            }
            return Shape.of(out);
        }

        @Override
        public double[] merge(List<Shape> shapes, List<double[]> parts) {
            int outer = outer(shapes.get(0));
            double[] out = new double[parts.stream().mapToInt(p -> p.length).sum()];
            int at = 0;
            for (int o = 0; o < outer; o++) {
                for (int i = 0; i < parts.size(); i++) {
                    int block = parts.get(i).length / outer;
                    System.arraycopy(parts.get(i), o * block, out, at, block);
                    at += block;
                }
            }
            return out;
        }

        @Override
        public double[] part(List<Shape> shapes, int branch, double[] merged) {
            int outer = outer(shapes.get(0));
            int[] blocks = shapes.stream().mapToInt(s -> s.size() / outer).toArray();
            int before = Arrays.stream(blocks, 0, branch).sum();
            int row = Arrays.stream(blocks).sum();
            double[] part = new double[blocks[branch] * outer];
            for (int o = 0; o < outer; o++) {
                System.arraycopy(merged, o * row + before, part, o * blocks[branch], blocks[branch]);
            }
            return part;
        }

        /** The number of blocks: the product of the extents of the axes before {@code axis}. */
        private int outer(Shape shape) {
            int outer = 1;
            for (int k = 0; k < axis; k++) {
                outer *= shape.dim(k);
            }
            return outer;
        }
    }

    /** Element-wise sum of parts of one shape. */
    record Sum() implements Merge {

        @Override
        public Shape outputShape(List<Shape> parts) {
            for (Shape part : parts) {
                if (!part.equals(parts.get(0))) {
                    throw new IllegalArgumentException("cannot add " + parts.get(0) + " and " + part
                            + ": shapes differ");
                }
            }
            return parts.get(0);
        }

        @Override
        public double[] merge(List<Shape> shapes, List<double[]> parts) {
            double[] out = parts.get(0).clone();
            for (int i = 1; i < parts.size(); i++) {
                double[] part = parts.get(i);
                for (int k = 0; k < out.length; k++) {
                    out[k] += part[k];
                }
            }
            return out;
        }

        @Override
        public double[] part(List<Shape> shapes, int branch, double[] merged) {
            return merged.clone();
        }
    }
}
