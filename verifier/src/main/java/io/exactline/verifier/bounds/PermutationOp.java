package io.exactline.verifier.bounds;

import io.exactline.core.layer.Transpose;

/** {@code y_o = x_source(o)}: a transpose. Exact in floating point, so it owes no slack. */
final class PermutationOp implements LinearOp {
    private final int[] source;

    PermutationOp(int[] source) {
        this.source = source.clone();
    }

    /** The permutation a transpose applies, read off by transposing the tensor of element indices. */
    static int[] sourceOf(Transpose transpose) {
        int n = transpose.inputShape().size();
        double[] index = new double[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        double[] moved = transpose.apply(index);
        int[] source = new int[n];
        for (int o = 0; o < n; o++) {
            source[o] = (int) moved[o];
        }
        return source;
    }

    /** Whether the permutation leaves every element in place. */
    static boolean isIdentity(int[] source) {
        for (int o = 0; o < source.length; o++) {
            if (source[o] != o) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int inputSize() {
        return source.length;
    }

    @Override
    public int outputSize() {
        return source.length;
    }

    @Override
    public void apply(double[] x, double[] out) {
        for (int o = 0; o < source.length; o++) {
            out[o] = x[source[o]];
        }
    }

    @Override
    public void slackWeights(double[] inAbs, double inAbsMax, double[] out) {
        java.util.Arrays.fill(out, 0, source.length, 0.0);
    }

    @Override
    public void interval(double[] lo, double[] hi, double[] weights, double tiny, double[] outLo, double[] outHi) {
        for (int o = 0; o < source.length; o++) {
            outLo[o] = lo[source[o]];
            outHi[o] = hi[source[o]];
        }
    }

    @Override
    public void backward(double[] rows, double[] next, int count, double[] constants, double[] weights,
            double tiny) {
        int n = source.length;
        for (int r = 0; r < count; r++) {
            int base = r * n;
            for (int o = 0; o < n; o++) {
                next[base + source[o]] = rows[base + o];
            }
        }
    }

    @Override
    public void forward(SymbolicBounds in, SymbolicBounds out, double[] weights, double tiny) {
        int n = source.length;
        out.reset(n);
        for (int c = 0; c <= in.inputs; c++) {
            int row = c * n;
            for (int o = 0; o < n; o++) {
                out.lower[row + o] = in.lower[row + source[o]];
                out.upper[row + o] = in.upper[row + source[o]];
            }
        }
    }
}
