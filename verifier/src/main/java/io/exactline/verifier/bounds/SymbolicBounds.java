package io.exactline.verifier.bounds;

import java.util.Arrays;

/**
 * Linear bounds on a tensor in terms of the network input (forward symbolic propagation, as in ReluVal/Neurify
 * and DeepPoly's forward pass): for every unit {@code j} and every admissible input {@code x},
 * <pre>  L_j . x + l_j  <=  v_j  <=  U_j . x + u_j</pre>
 * holds exactly for the stored doubles. The coefficients are kept coefficient-major: row {@code k < d} holds
 * the coefficients of input {@code k} for all units, row {@code d} the constants, so that affine maps update
 * them with contiguous axpy loops. A mutable workspace owned by one {@link BoundComputer}.
 */
final class SymbolicBounds {
    final int inputs;
    int size;
    double[] lower;
    double[] upper;

    SymbolicBounds(int inputs, int capacity) {
        this.inputs = inputs;
        this.lower = new double[(inputs + 1) * capacity];
        this.upper = new double[(inputs + 1) * capacity];
    }

    /** Resizes to {@code n} units and zeroes every coefficient. */
    void reset(int n) {
        int needed = (inputs + 1) * n;
        if (lower.length < needed) {
            lower = new double[needed];
            upper = new double[needed];
        }
        size = n;
        Arrays.fill(lower, 0, needed, 0.0);
        Arrays.fill(upper, 0, needed, 0.0);
    }

    /** The identity bounds {@code x_j <= x_j <= x_j} on the input itself. */
    void identity() {
        reset(inputs);
        for (int j = 0; j < inputs; j++) {
            lower[j * inputs + j] = 1.0;
            upper[j * inputs + j] = 1.0;
        }
    }

    /**
     * Writes {@code out[j] >= sum_{k<d} (|L_kj| + |U_kj|) inAbs_k + |l_j| + |u_j|} (rounded up), a bound on the
     * magnitude of both linear forms of unit {@code j}, and returns the largest.
     */
    double magnitudes(double[] inputAbs, double[] out) {
        int n = size;
        Arrays.fill(out, 0, n, 0.0);
        for (int k = 0; k <= inputs; k++) {
            double m = k < inputs ? inputAbs[k] : 1.0;
            int row = k * n;
            for (int j = 0; j < n; j++) {
                out[j] += (Math.abs(lower[row + j]) + Math.abs(upper[row + j])) * m;
            }
        }
        double max = 0.0;
        for (int j = 0; j < n; j++) {
            out[j] = Rounding.sumUp(out[j], 2L * inputs + 2);
            max = Math.max(max, out[j]);
        }
        return max;
    }

    /**
     * Concretises over the box: writes {@code lo[j] <= min_x L_j . x + l_j} and {@code hi[j] >= max_x U_j . x + u_j}
     * over {@code boxLo <= x <= boxHi}.
     */
    void concretize(double[] boxLo, double[] boxHi, double[] boxAbs, double tiny, double[] lo, double[] hi) {
        int n = size;
        int d = inputs;
        int constRow = d * n;
        double kappa = Rounding.kappa(d + 1);
        for (int j = 0; j < n; j++) {
            double l = lower[constRow + j];
            double u = upper[constRow + j];
            double sl = Math.abs(l);
            double su = Math.abs(u);
            for (int k = 0; k < d; k++) {
                double a = lower[k * n + j];
                double b = upper[k * n + j];
                l += a >= 0 ? a * boxLo[k] : a * boxHi[k];
                u += b >= 0 ? b * boxHi[k] : b * boxLo[k];
                sl += Math.abs(a) * boxAbs[k];
                su += Math.abs(b) * boxAbs[k];
            }
            lo[j] = Rounding.saneLower(Rounding.down(l - Rounding.slack(kappa, tiny, sl)));
            hi[j] = Rounding.saneUpper(Rounding.up(u + Rounding.slack(kappa, tiny, su)));
        }
    }
}
