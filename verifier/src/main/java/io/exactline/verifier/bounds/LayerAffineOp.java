package io.exactline.verifier.bounds;

import java.util.Arrays;

import io.exactline.core.layer.AffineLayer;
import io.exactline.core.layer.AveragePool2d;
import io.exactline.core.layer.Conv2d;

/**
 * An affine layer used through its own maps: {@code applyLinear} for {@code A x}, {@code applyTransposed} for
 * {@code A^T mu}, and two companion layers holding the positive and negative parts of {@code A} for interval and
 * symbolic propagation. Convolutions and average pooling take this route; their matrices are never formed.
 *
 * <p>Soundness needs three facts about the layer, which the factories establish: each output of
 * {@code applyLinear} and each input of {@code applyTransposed} is computed as a floating-point sum of at most
 * {@code terms} products (a division by an integer counts as one more rounding), {@code rowAbsSum[j]} bounds
 * {@code sum_k |A_jk|} from above, and the companions compute {@code max(A, 0)} and {@code min(A, 0)} the same
 * way.
 */
final class LayerAffineOp implements LinearOp {
    private final AffineLayer layer;
    private final AffineLayer positive;
    private final AffineLayer negative;
    private final double[] bias;
    private final double[] rowAbsSum;
    private final double kappa;
    private final double kappaTwice;

    private LayerAffineOp(AffineLayer layer, AffineLayer positive, AffineLayer negative, double[] rowAbsSum,
            long terms) {
        this.layer = layer;
        this.positive = positive;
        this.negative = negative;
        this.bias = layer.offset();
        this.rowAbsSum = rowAbsSum;
        long n = terms + bias.length + 2L;
        this.kappa = Rounding.kappa(n);
        this.kappaTwice = Rounding.kappa(2 * n);
    }

    /** A convolution: the companions are convolutions with the clipped kernels and no bias. */
    static LayerAffineOp of(Conv2d conv) {
        double[] kernel = conv.kernel();
        double[] plus = new double[kernel.length];
        double[] minus = new double[kernel.length];
        for (int i = 0; i < kernel.length; i++) {
            plus[i] = Math.max(kernel[i], 0.0);
            minus[i] = Math.min(kernel[i], 0.0);
        }
        int outChannels = conv.outputShape().dim(0);
        int inChannels = conv.inputShape().dim(0);
        double[] zero = new double[outChannels];
        Conv2d positive = new Conv2d(conv.inputShape(), outChannels, conv.groups(), conv.window(), plus, zero);
        Conv2d negative = new Conv2d(conv.inputShape(), outChannels, conv.groups(), conv.window(), minus, zero);
        int perOutput = kernel.length / outChannels;
        double[] channelAbs = new double[outChannels];
        for (int o = 0; o < outChannels; o++) {
            double sum = 0.0;
            for (int e = 0; e < perOutput; e++) {
                sum = Rounding.up(sum + Math.abs(kernel[o * perOutput + e]));
            }
            channelAbs[o] = sum;
        }
        int positions = conv.outputShape().size() / outChannels;
        double[] rowAbs = new double[conv.outputShape().size()];
        for (int o = 0; o < outChannels; o++) {
            Arrays.fill(rowAbs, o * positions, (o + 1) * positions, channelAbs[o]);
        }
        long taps = (long) conv.window().size();
        long terms = taps * (inChannels / conv.groups() + outChannels / conv.groups());
        return new LayerAffineOp(conv, positive, negative, rowAbs, terms);
    }

    /** Average pooling: non-negative, every row sums to at most 1. */
    static LayerAffineOp of(AveragePool2d pool) {
        double[] rowAbs = new double[pool.outputShape().size()];
        Arrays.fill(rowAbs, 1.0);
        long taps = pool.window().size();
        return new LayerAffineOp(pool, pool, null, rowAbs, taps * taps + 1);
    }

    @Override
    public int inputSize() {
        return layer.inputShape().size();
    }

    @Override
    public int outputSize() {
        return bias.length;
    }

    @Override
    public void apply(double[] x, double[] out) {
        layer.apply(x, 0, out, 0);
    }

    @Override
    public void slackWeights(double[] inAbs, double inAbsMax, double[] out) {
        for (int j = 0; j < bias.length; j++) {
            out[j] = Rounding.absAffineUp(rowAbsSum[j], inAbsMax, bias[j]);
        }
    }

    /** {@code outLo = A+ lo + A- hi + b}, {@code outHi = A+ hi + A- lo + b}, moved outward by the slack. */
    @Override
    public void interval(double[] lo, double[] hi, double[] weights, double tiny, double[] outLo, double[] outHi) {
        int n = bias.length;
        positive.applyLinear(lo, 0, outLo, 0);
        positive.applyLinear(hi, 0, outHi, 0);
        if (negative != null) {
            double[] a = new double[n];
            double[] b = new double[n];
            negative.applyLinear(hi, 0, a, 0);
            negative.applyLinear(lo, 0, b, 0);
            for (int j = 0; j < n; j++) {
                outLo[j] += a[j];
                outHi[j] += b[j];
            }
        }
        for (int j = 0; j < n; j++) {
            double s = Rounding.slack(kappaTwice, tiny, weights[j]);
            outLo[j] = Rounding.saneLower(Rounding.addDown(outLo[j], bias[j], s));
            outHi[j] = Rounding.saneUpper(Rounding.addUp(outHi[j], bias[j], s));
        }
    }

    @Override
    public void backward(double[] rows, double[] next, int count, double[] constants, double[] weights,
            double tiny) {
        int nOut = bias.length;
        int nIn = inputSize();
        for (int r = 0; r < count; r++) {
            layer.applyTransposed(rows, r * nOut, next, r * nIn);
            double c = 0.0;
            double s = 0.0;
            for (int j = 0; j < nOut; j++) {
                double m = rows[r * nOut + j];
                c += m * bias[j];
                s += Math.abs(m) * weights[j];
            }
            constants[r] = Rounding.addDown(constants[r], c, Rounding.slack(kappa, tiny, s));
        }
    }

    @Override
    public void forward(SymbolicBounds in, SymbolicBounds out, double[] weights, double tiny) {
        int nIn = inputSize();
        int nOut = bias.length;
        int d = in.inputs;
        out.reset(nOut);
        double[] l = new double[nIn];
        double[] u = new double[nIn];
        double[] a = new double[nOut];
        double[] b = new double[nOut];
        for (int c = 0; c <= d; c++) {
            System.arraycopy(in.lower, c * nIn, l, 0, nIn);
            System.arraycopy(in.upper, c * nIn, u, 0, nIn);
            positive.applyLinear(l, 0, a, 0);
            positive.applyLinear(u, 0, b, 0);
            if (negative != null) {
                double[] na = new double[nOut];
                double[] nb = new double[nOut];
                negative.applyLinear(u, 0, na, 0);
                negative.applyLinear(l, 0, nb, 0);
                for (int j = 0; j < nOut; j++) {
                    a[j] += na[j];
                    b[j] += nb[j];
                }
            }
            System.arraycopy(a, 0, out.lower, c * nOut, nOut);
            System.arraycopy(b, 0, out.upper, c * nOut, nOut);
        }
        int constRow = d * nOut;
        for (int j = 0; j < nOut; j++) {
            double s = Rounding.slack(kappaTwice, tiny, weights[j]);
            out.lower[constRow + j] = Rounding.addDown(out.lower[constRow + j], bias[j], s);
            out.upper[constRow + j] = Rounding.addUp(out.upper[constRow + j], bias[j], s);
        }
    }
}
