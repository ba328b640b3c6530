package io.exactline.core.attribution;

import java.util.Arrays;

/** A sparse change to a vector: dense values with the list of touched indices, cleared in time proportional to them. */
final class SparseAccumulator {
    private final double[] values;
    private final boolean[] touched;
    private int[] indices;
    private int count;

    SparseAccumulator(int size) {
        values = new double[size];
        touched = new boolean[size];
        indices = new int[16];
    }

    /** Adds {@code v} at index {@code i}; {@code v = 0} marks {@code i} as touched. */
    void add(int i, double v) {
        if (!touched[i]) {
            touched[i] = true;
            if (count == indices.length) {
                indices = Arrays.copyOf(indices, 2 * count);
            }
            indices[count++] = i;
        }
        values[i] += v;
    }

    /** Number of touched indices. */
    int count() {
        return count;
    }

    /** The {@code k}-th touched index, in order of first touch. */
    int index(int k) {
        return indices[k];
    }

    /** The accumulated value at {@code i} (0 if untouched). */
    double value(int i) {
        return values[i];
    }

    void clear() {
        for (int k = 0; k < count; k++) {
            values[indices[k]] = 0;
            touched[indices[k]] = false;
        }
        count = 0;
    }
}
