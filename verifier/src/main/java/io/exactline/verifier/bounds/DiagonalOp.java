package io.exactline.verifier.bounds;

import io.exactline.core.layer.ElementwiseAffine;

/** {@code y_j = scale_j x_j + shift_j}: normalisation, folded batch norm, constant shifts and scalings. */
final class DiagonalOp implements LinearOp {
    private static final double KAPPA_SINGLE = Rounding.kappa(2);
    private final double[] scale;
    private final double[] shift;
    private final double kappaBackward;

    DiagonalOp(ElementwiseAffine layer) {
        this(layer.scale(), layer.shift());
    }

    DiagonalOp(double[] scale, double[] shift) {
        this.scale = scale.clone();
        this.shift = shift.clone();
        this.kappaBackward = Rounding.kappa(scale.length + 1L);
    }

    /** Whether the map is the identity, so that it can be dropped. */
    static boolean isIdentity(ElementwiseAffine layer) {
        for (double s : layer.scale()) {
            if (s != 1.0) {
                return false;
            }
        }
        for (double c : layer.shift()) {
            if (c != 0.0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int inputSize() {
        return scale.length;
    }

    @Override
    public int outputSize() {
        return scale.length;
    }

    @Override
    public void apply(double[] x, double[] out) {
        for (int j = 0; j < scale.length; j++) {
            out[j] = scale[j] * x[j] + shift[j];
        }
    }

    @Override
    public void slackWeights(double[] inAbs, double inAbsMax, double[] out) {
        for (int j = 0; j < scale.length; j++) {
            out[j] = Rounding.absAffineUp(scale[j], inAbs[j], shift[j]);
        }
    }

    @Override
    public void interval(double[] lo, double[] hi, double[] weights, double tiny, double[] outLo, double[] outHi) {
        for (int j = 0; j < scale.length; j++) {
            double s = scale[j];
            double a = s >= 0 ? s * lo[j] : s * hi[j];
            double b = s >= 0 ? s * hi[j] : s * lo[j];
            double slack = Rounding.slack(KAPPA_SINGLE, tiny, weights[j]);
            outLo[j] = Rounding.saneLower(Rounding.addDown(a, shift[j], slack));
            outHi[j] = Rounding.saneUpper(Rounding.addUp(b, shift[j], slack));
        }
    }

    @Override
    public void backward(double[] rows, double[] next, int count, double[] constants, double[] weights,
            double tiny) {
        int n = scale.length;
        for (int r = 0; r < count; r++) {
            int base = r * n;
            double c = 0.0;
            double s = 0.0;
            for (int j = 0; j < n; j++) {
                double m = rows[base + j];
                next[base + j] = m * scale[j];
                c += m * shift[j];
                s += Math.abs(m) * weights[j];
            }
            constants[r] = Rounding.addDown(constants[r], c, Rounding.slack(kappaBackward, tiny, s));
        }
    }

    @Override
    public void forward(SymbolicBounds in, SymbolicBounds out, double[] weights, double tiny) {
        int n = scale.length;
        int d = in.inputs;
        out.reset(n);
        for (int c = 0; c <= d; c++) {
            int row = c * n;
            for (int j = 0; j < n; j++) {
                double s = scale[j];
                double a = in.lower[row + j];
                double b = in.upper[row + j];
                out.lower[row + j] = s >= 0 ? s * a : s * b;
                out.upper[row + j] = s >= 0 ? s * b : s * a;
            }
        }
        int constRow = d * n;
        for (int j = 0; j < n; j++) {
            double slack = Rounding.slack(KAPPA_SINGLE, tiny, weights[j]);
            out.lower[constRow + j] = Rounding.addDown(out.lower[constRow + j], shift[j], slack);
            out.upper[constRow + j] = Rounding.addUp(out.upper[constRow + j], shift[j], slack);
        }
    }
}
