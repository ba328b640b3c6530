package io.exactline.verifier.bounds;

import java.util.Arrays;

import io.exactline.core.layer.MaxPool2d;

/**
 * 2-D max pooling, {@code y_u = max} of the inputs in window {@code u} (padding never wins), with DeepPoly's
 * relaxation: on given input bounds, let {@code k*} be the element with the largest lower bound; then
 * {@code y_u >= x_k*} always, {@code y_u <= max_k hi_k}, and if {@code lo_k* >= hi_k} for every other element the
 * window is stable and {@code y_u = x_k*}. All of it is exact in floating point (a choice of element and a
 * maximum of doubles). Max-pooling units are not branched on: they belong to no {@link PartialPattern}.
 */
final class MaxPoolOp implements Op {
    private final int inputs;
    private final int[] start;
    private final int[] index;
    private final int maxSharing;

    MaxPoolOp(MaxPool2d pool) {
        int units = pool.unitCount();
        this.inputs = pool.inputShape().size();
        this.start = new int[units + 1];
        int[][] windows = new int[units][];
        for (int u = 0; u < units; u++) {
            windows[u] = pool.windowInputs(u);
            start[u + 1] = start[u] + windows[u].length;
        }
        this.index = new int[start[units]];
        int[] sharing = new int[inputs];
        for (int u = 0; u < units; u++) {
            System.arraycopy(windows[u], 0, index, start[u], windows[u].length);
            for (int i : windows[u]) {
                sharing[i]++;
            }
        }
        this.maxSharing = Arrays.stream(sharing).max().orElse(1);
    }

    @Override
    public int inputSize() {
        return inputs;
    }

    @Override
    public int outputSize() {
        return start.length - 1;
    }

    /** Length of the dot products back-substitution performs here, for {@link Rounding#kappa}. */
    long terms() {
        return (long) outputSize() + maxSharing + 1;
    }

    /**
     * The relaxation on input bounds {@code [lo, hi]}: for each window its element with the largest lower bound
     * ({@code choice}, a flat input index), the largest upper bound ({@code top}), whether the window is stable,
     * and its interval image {@code [lo_k*, top]}.
     */
    void relax(double[] lo, double[] hi, int[] choice, double[] top, boolean[] stable, double[] outLo,
            double[] outHi) {
        for (int u = 0; u < outputSize(); u++) {
            int best = index[start[u]];
            double max = hi[best];
            for (int e = start[u] + 1; e < start[u + 1]; e++) {
                int k = index[e];
                if (lo[k] > lo[best]) {
                    best = k;
                }
                max = Math.max(max, hi[k]);
            }
            boolean alone = true;
            for (int e = start[u]; e < start[u + 1] && alone; e++) {
                int k = index[e];
                alone = k == best || hi[k] <= lo[best];
            }
            choice[u] = best;
            top[u] = max;
            stable[u] = alone;
            outLo[u] = lo[best];
            outHi[u] = alone ? hi[best] : max;
        }
    }

    /** The input elements of window {@code u}: entries {@code windowStart(u) .. windowStart(u + 1) - 1}. */
    int windowStart(int u) {
        return start[u];
    }

    int element(int entry) {
        return index[entry];
    }

    /** Plain evaluation. */
    void apply(double[] x, double[] out) {
        for (int u = 0; u < outputSize(); u++) {
            double best = x[index[start[u]]];
            for (int e = start[u] + 1; e < start[u + 1]; e++) {
                best = Math.max(best, x[index[e]]);
            }
            out[u] = best;
        }
    }
}
