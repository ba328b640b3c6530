package io.exactline.core.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * ONNX's rules for the output shapes of shape-only operators (Flatten, Reshape, Squeeze, Unsqueeze, Transpose)
 * and of broadcasting, shared by constant folding and layer building. Violations are reported against the node.
 */
final class ShapeRules {
    private ShapeRules() {
    }

    static String show(int[] dims) {
        return Arrays.toString(dims).replace(" ", "");
    }

    /** Numpy-style broadcast of two shapes (trailing axes aligned, 1 stretches). */
    static int[] broadcast(OnnxNode node, int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int k = 0; k < rank; k++) {
            int da = k < rank - a.length ? 1 : a[k - (rank - a.length)];
            int db = k < rank - b.length ? 1 : b[k - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw node.error("cannot broadcast shapes " + show(a) + " and " + show(b));
            }
            out[k] = da == 1 ? db : da;
        }
        return out;
    }

    /** An axis attribute in {@code [-rank, rank)} made non-negative. */
    static int axis(OnnxNode node, long axis, int rank, String what) {
        if (axis < -rank || axis >= rank) {
            throw node.error(what + " " + axis + " is out of range for a tensor of rank " + rank);
        }
        return (int) (axis < 0 ? axis + rank : axis);
    }

    /** Flatten: {@code [d0 * ... * d(axis-1), d(axis) * ... * d(rank-1)]}. */
    static int[] flatten(OnnxNode node, int[] dims, long axisAttribute) {
        int axis = axisAttribute == dims.length ? dims.length : axis(node, axisAttribute, dims.length, "axis");
        int outer = 1;
        int inner = 1;
        for (int k = 0; k < dims.length; k++) {
            if (k < axis) {
                outer *= dims[k];
            } else {
                inner *= dims[k];
            }
        }
        return new int[] {outer, inner};
    }

    /**
     * Reshape's target: {@code 0} copies the input dimension at the same index (unless {@code allowZero}), one
     * {@code -1} is inferred from the size.
     */
    static int[] reshape(OnnxNode node, int[] dims, long[] target, boolean allowZero) {
        long size = ConstantTensor.elementCount(dims);
        int[] out = new int[target.length];
        int inferred = -1;
        long known = 1;
        for (int k = 0; k < target.length; k++) {
            long t = target[k];
            if (t == 0 && !allowZero) {
                if (k >= dims.length) {
                    throw node.error("target shape " + Arrays.toString(target) + " copies dimension " + k
                            + " (0), but the input " + show(dims) + " has only " + dims.length);
                }
                t = dims[k];
            }
            if (t == -1) {
                if (inferred >= 0) {
                    throw node.error("target shape " + Arrays.toString(target) + " has more than one -1");
                }
                inferred = k;
            } else if (t < 0 || t > Integer.MAX_VALUE) {
                throw node.error("target shape " + Arrays.toString(target) + " has the invalid dimension " + t);
            } else {
                out[k] = (int) t;
                known *= t;
            }
        }
        if (inferred >= 0) {
            if (known == 0 || size % known != 0) {
                throw node.error("cannot infer the -1 in target shape " + Arrays.toString(target) + " for input "
                        + show(dims) + " of " + size + " elements");
            }
            out[inferred] = (int) (size / known);
            known *= out[inferred];
        }
        if (known != size) {
            throw node.error("cannot reshape " + show(dims) + " (" + size + " elements) to " + show(out) + " ("
                    + known + " elements)");
        }
        return out;
    }

    /** Squeeze: drops the listed axes (which must be 1), or every axis of extent 1 when none are listed. */
    static int[] squeeze(OnnxNode node, int[] dims, long[] axes) {
        boolean[] drop = new boolean[dims.length];
        if (axes.length == 0) {
            for (int k = 0; k < dims.length; k++) {
                drop[k] = dims[k] == 1;
            }
        }
        for (long a : axes) {
            int k = axis(node, a, dims.length, "axis");
            if (dims[k] != 1) {
                throw node.error("cannot squeeze axis " + k + " of shape " + show(dims) + ": its extent is not 1");
            }
            drop[k] = true;
        }
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < dims.length; k++) {
            if (!drop[k]) {
                out.add(dims[k]);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Unsqueeze: inserts axes of extent 1 at the listed positions of the output. */
    static int[] unsqueeze(OnnxNode node, int[] dims, long[] axes) {
        int rank = dims.length + axes.length;
        boolean[] inserted = new boolean[rank];
        for (long a : axes) {
            int k = axis(node, a, rank, "axis");
            if (inserted[k]) {
                throw node.error("axis " + k + " is listed twice in " + Arrays.toString(axes));
            }
            inserted[k] = true;
        }
        int[] out = new int[rank];
        int next = 0;
        for (int k = 0; k < rank; k++) {
            out[k] = inserted[k] ? 1 : dims[next++];
        }
        return out;
    }

    /** Transpose's permutation: the attribute, checked, or the reversal of the axes when absent. */
    static int[] permutation(OnnxNode node, int rank) {
        long[] perm = node.intsAttribute("perm").orElseGet(() -> {
            long[] reversed = new long[rank];
            for (int k = 0; k < rank; k++) {
                reversed[k] = rank - 1 - k;
            }
            return reversed;
        });
        if (perm.length != rank) {
            throw node.error("perm " + Arrays.toString(perm) + " does not fit a tensor of rank " + rank);
        }
        int[] p = new int[rank];
        boolean[] seen = new boolean[rank];
        for (int k = 0; k < rank; k++) {
            if (perm[k] < 0 || perm[k] >= rank || seen[(int) perm[k]]) {
                throw node.error("perm " + Arrays.toString(perm) + " is not a permutation of 0.." + (rank - 1));
            }
            p[k] = (int) perm[k];
            seen[p[k]] = true;
        }
        return p;
    }

    /** The shape {@code dims} permuted by {@code perm}: output axis k is input axis {@code perm[k]}. */
    static int[] permute(int[] dims, int[] perm) {
        int[] out = new int[perm.length];
        for (int k = 0; k < perm.length; k++) {
            out[k] = dims[perm[k]];
        }
        return out;
    }
}
