package io.exactline.verifier.bounds;

import java.util.Arrays;

import io.exactline.core.layer.Dense;

/**
 * {@code y = W x + b} with {@code W} of {@code outputs x inputs}, stored three ways for contiguous inner loops:
 * row-major for back-substitution ({@code mu^T W} as a sum of rows), and its positive and negative parts
 * transposed for interval and symbolic forward propagation (sums of columns).
 */
final class DenseOp implements LinearOp {
    private final int inputs;
    private final int outputs;
    private final double[] weights; // outputs x inputs
    private final double[] positiveT; // inputs x outputs: max(W, 0)^T
    private final double[] negativeT; // inputs x outputs: min(W, 0)^T
    private final double[] bias;
    private final double[] rowAbsSum; // >= sum_k |W_jk|, rounded up
    private final double kappaBackward;
    private final double kappaForward;

    DenseOp(Dense dense) {
        this(dense.weights(), dense.bias());
    }

    DenseOp(double[][] w, double[] bias) {
        this.outputs = w.length;
        this.inputs = w[0].length;
        this.weights = new double[outputs * inputs];
        this.positiveT = new double[inputs * outputs];
        this.negativeT = new double[inputs * outputs];
        this.rowAbsSum = new double[outputs];
        for (int j = 0; j < outputs; j++) {
            double sum = 0.0;
            for (int k = 0; k < inputs; k++) {
                double a = w[j][k];
                weights[j * inputs + k] = a;
                if (a > 0) {
                    positiveT[k * outputs + j] = a;
                } else if (a < 0) {
                    negativeT[k * outputs + j] = a;
                }
                sum = Rounding.up(sum + Math.abs(a));
            }
            rowAbsSum[j] = sum;
        }
        this.bias = bias.clone();
        this.kappaBackward = Rounding.kappa(outputs + 1L);
        this.kappaForward = Rounding.kappa(2L * inputs + 1);
    }

    @Override
    public int inputSize() {
        return inputs;
    }

    @Override
    public int outputSize() {
        return outputs;
    }

    @Override
    public void apply(double[] x, double[] out) {
        for (int j = 0; j < outputs; j++) {
            double v = bias[j];
            int row = j * inputs;
            for (int k = 0; k < inputs; k++) {
                v += weights[row + k] * x[k];
            }
            out[j] = v;
        }
    }

    /** {@code B_j = rowAbsSum_j * max_k M_k + |b_j|}, which is {@code >= sum_k |W_jk| M_k + |b_j|}. */
    @Override
    public void slackWeights(double[] inAbs, double inAbsMax, double[] out) {
        for (int j = 0; j < outputs; j++) {
            out[j] = Rounding.absAffineUp(rowAbsSum[j], inAbsMax, bias[j]);
        }
    }

    @Override
    public void interval(double[] lo, double[] hi, double[] slackWeights, double tiny, double[] outLo,
            double[] outHi) {
        System.arraycopy(bias, 0, outLo, 0, outputs);
        System.arraycopy(bias, 0, outHi, 0, outputs);
        for (int k = 0; k < inputs; k++) {
            double l = lo[k];
            double h = hi[k];
            int col = k * outputs;
            for (int j = 0; j < outputs; j++) {
                double p = positiveT[col + j];
                double n = negativeT[col + j];
                outLo[j] += p * l + n * h;
                outHi[j] += p * h + n * l;
            }
        }
        for (int j = 0; j < outputs; j++) {
            double s = Rounding.slack(kappaForward, tiny, slackWeights[j]);
            outLo[j] = Rounding.saneLower(Rounding.down(outLo[j] - s));
            outHi[j] = Rounding.saneUpper(Rounding.up(outHi[j] + s));
        }
    }

    /**
     * {@code nu = mu^T W} as a sum of the rows of {@code W} with a non-zero {@code mu_j} (after a ReLU layer many
     * are zero), four rows per pass over {@code nu}.
     */
    @Override
    public void backward(double[] rows, double[] next, int count, double[] constants, double[] slackWeights,
            double tiny) {
        int[] units = new int[outputs + 1];
        int[] offsets = new int[outputs + 1];
        double[] factors = new double[outputs + 1];
        for (int r = 0; r < count; r++) {
            int in = r * outputs;
            int out = r * inputs;
            int nonZero = 0;
            for (int j = 0; j < outputs; j++) {
                double m = rows[in + j];
                units[nonZero] = j;
                offsets[nonZero] = j * inputs;
                factors[nonZero] = m;
                nonZero += m != 0.0 ? 1 : 0;
            }
            double c0 = 0.0;
            double c1 = 0.0;
            double s0 = 0.0;
            double s1 = 0.0;
            int p = 0;
            for (; p + 1 < nonZero; p += 2) {
                double m0 = factors[p];
                double m1 = factors[p + 1];
                c0 += m0 * bias[units[p]];
                c1 += m1 * bias[units[p + 1]];
                s0 += Math.abs(m0) * slackWeights[units[p]];
                s1 += Math.abs(m1) * slackWeights[units[p + 1]];
            }
            if (p < nonZero) {
                c0 += factors[p] * bias[units[p]];
                s0 += Math.abs(factors[p]) * slackWeights[units[p]];
            }
            double c = c0 + c1;
            double s = s0 + s1;
            Arrays.fill(next, out, out + inputs, 0.0);
            int q = 0;
            for (; q + 3 < nonZero; q += 4) {
                double m0 = factors[q];
                double m1 = factors[q + 1];
                double m2 = factors[q + 2];
                double m3 = factors[q + 3];
                int r0 = offsets[q];
                int r1 = offsets[q + 1];
                int r2 = offsets[q + 2];
                int r3 = offsets[q + 3];
                for (int k = 0; k < inputs; k++) {
                    next[out + k] += m0 * weights[r0 + k] + m1 * weights[r1 + k] + m2 * weights[r2 + k]
                            + m3 * weights[r3 + k];
                }
            }
            for (; q < nonZero; q++) {
                double m = factors[q];
                int row = offsets[q];
                for (int k = 0; k < inputs; k++) {
                    next[out + k] += m * weights[row + k];
                }
            }
            constants[r] = Rounding.addDown(constants[r], c, Rounding.slack(kappaBackward, tiny, s));
        }
    }

    @Override
    public void forward(SymbolicBounds in, SymbolicBounds out, double[] slackWeights, double tiny) {
        int d = in.inputs;
        out.reset(outputs);
        double[] lo = out.lower;
        double[] hi = out.upper;
        int constRow = d * outputs;
        System.arraycopy(bias, 0, lo, constRow, outputs);
        System.arraycopy(bias, 0, hi, constRow, outputs);
        for (int k = 0; k < inputs; k++) {
            int col = k * outputs;
            for (int c = 0; c <= d; c++) {
                double a = in.lower[c * inputs + k];
                double b = in.upper[c * inputs + k];
                int row = c * outputs;
                if (a != 0.0 || b != 0.0) {
                    for (int j = 0; j < outputs; j++) {
                        double p = positiveT[col + j];
                        double n = negativeT[col + j];
                        lo[row + j] += p * a + n * b;
                        hi[row + j] += p * b + n * a;
                    }
                }
            }
        }
        for (int j = 0; j < outputs; j++) {
            double s = Rounding.slack(kappaForward, tiny, slackWeights[j]);
            lo[constRow + j] = Rounding.down(lo[constRow + j] - s);
            hi[constRow + j] = Rounding.up(hi[constRow + j] + s);
        }
    }
}
