package io.exactline.core.layer;

import java.util.Arrays;

import io.exactline.core.network.Shape;

/**
 * A 2-D convolution (ONNX Conv, really a cross-correlation) on a batch-free {@code [C, H, W]} tensor:
 * <pre>
 *   y[o, oy, ox] = b[o] + sum over i in the group of o, ky, kx of K[o, i - g(o) C/G, ky, kx] x[i, iy, ix]
 * </pre>
 * with {@code iy, ix} given by the {@link Window2d} (padding contributes zero), {@code G} groups (output channel
 * {@code o} sees input channels {@code g(o) C/G .. (g(o) + 1) C/G - 1}, {@code g(o) = o / (Cout/G)}) and the
 * kernel {@code K} of shape {@code [Cout, C/G, kh, kw]}. The output shape is {@code [Cout, Hout, Wout]}.
 *
 * <p>Tensors carry no batch dimension: the ONNX loader removes a leading batch dimension of 1.
 *
 * <p>Evaluation scatters every non-zero input into the outputs it reaches (after a ReLU most inputs are zero),
 * accumulating in channel-last order so that the innermost loop runs over contiguous output channels; the
 * kernel is stored in the matching order {@code [C, kh, kw, Cout/G]}.
 */
public final class Conv2d implements AffineLayer {
    private final Shape inputShape;
    private final Shape outputShape;
    private final int inChannels;
    private final int inHeight;
    private final int inWidth;
    private final int outChannels;
    private final int outHeight;
    private final int outWidth;
    private final int groups;
    private final Window2d window;
    private final double[] kernel; // [Cout, C/G, kh, kw] as given
    private final double[] scatterKernel; // [C, kh, kw, Cout/G]
    private final double[] bias;
    private final Taps rows; // per input row: (ky, oy) pairs
    private final Taps columns; // per input column: (kx, ox) pairs

    /**
     * @param inputShape {@code [C, H, W]}
     * @param outChannels {@code Cout}, a multiple of {@code groups}
     * @param groups {@code G}, dividing {@code C}
     * @param window kernel size, strides, pads and dilations
     * @param kernel row-major {@code [Cout, C/G, kh, kw]}
     * @param bias one value per output channel ({@code new double[Cout]} for none)
     */
    public Conv2d(Shape inputShape, int outChannels, int groups, Window2d window, double[] kernel, double[] bias) {
        if (inputShape.rank() != 3) {
            throw new IllegalArgumentException("Conv2d takes a [C,H,W] tensor, got " + inputShape);
        }
        this.inputShape = inputShape;
        this.inChannels = inputShape.dim(0);
        this.inHeight = inputShape.dim(1);
        this.inWidth = inputShape.dim(2);
        if (groups <= 0 || outChannels <= 0 || inChannels % groups != 0 || outChannels % groups != 0) {
            throw new IllegalArgumentException("Conv2d with " + groups + " groups needs input channels ("
                    + inChannels + ") and output channels (" + outChannels + ") divisible by the groups");
        }
        int kernelSize = outChannels * (inChannels / groups) * window.size();
        if (kernel.length != kernelSize) {
            throw new IllegalArgumentException("Conv2d kernel [" + outChannels + "," + (inChannels / groups) + ","
                    + window.kernelHeight() + "," + window.kernelWidth() + "] needs " + kernelSize + " values, got "
                    + kernel.length);
        }
        if (bias.length != outChannels) {
            throw new IllegalArgumentException("Conv2d with " + outChannels + " output channels got " + bias.length
                    + " biases");
        }
        this.outChannels = outChannels;
        this.groups = groups;
        this.window = window;
        this.outHeight = window.outputHeight(inHeight);
        this.outWidth = window.outputWidth(inWidth);
        this.outputShape = Shape.of(outChannels, outHeight, outWidth);
        this.kernel = kernel.clone();
        this.bias = bias.clone();
        this.scatterKernel = reorder(this.kernel);
        this.rows = Taps.of(inHeight, outHeight, window.kernelHeight(), window.strideHeight(), window.padTop(),
                window.dilationHeight());
        this.columns = Taps.of(inWidth, outWidth, window.kernelWidth(), window.strideWidth(), window.padLeft(),
                window.dilationWidth());
    }

    private double[] reorder(double[] k) {
        int kh = window.kernelHeight();
        int kw = window.kernelWidth();
        int inPerGroup = inChannels / groups;
        int outPerGroup = outChannels / groups;
        double[] r = new double[k.length];
        for (int o = 0; o < outChannels; o++) {
            int g = o / outPerGroup;
            int og = o % outPerGroup;
            for (int ig = 0; ig < inPerGroup; ig++) {
                int i = g * inPerGroup + ig;
                for (int ky = 0; ky < kh; ky++) {
                    for (int kx = 0; kx < kw; kx++) {
                        r[((i * kh + ky) * kw + kx) * outPerGroup + og] =
                                k[((o * inPerGroup + ig) * kh + ky) * kw + kx];
                    }
                }
            }
        }
        return r;
    }

    /**
     * For each input coordinate along one axis, the kernel offsets and output coordinates it meets:
     * pairs {@code (k, o)} with {@code o * stride - pad + k * dilation = i}, stored from {@code start[i]} to
     * {@code start[i + 1]}.
     */
    private record Taps(int[] start, int[] kernelIndex, int[] outputIndex) {
        static Taps of(int inputs, int outputs, int kernel, int stride, int pad, int dilation) {
            int[] start = new int[inputs + 1];
            int[] k = new int[inputs * kernel];
            int[] o = new int[inputs * kernel];
            int n = 0;
            for (int i = 0; i < inputs; i++) {
                start[i] = n;
                for (int kk = 0; kk < kernel; kk++) {
                    int t = i + pad - kk * dilation;
                    if (t >= 0 && t % stride == 0 && t / stride < outputs) {
                        k[n] = kk;
                        o[n] = t / stride;
                        n++;
                    }
                }
            }
            start[inputs] = n;
            return new Taps(start, Arrays.copyOf(k, n), Arrays.copyOf(o, n));
        }
    }

    /** The window geometry. */
    public Window2d window() {
        return window;
    }

    /** Number of groups. */
    public int groups() {
        return groups;
    }

    /** A copy of the kernel, row-major {@code [Cout, C/G, kh, kw]}. */
    public double[] kernel() {
        return kernel.clone();
    }

    /** A copy of the bias, one value per output channel. */
    public double[] bias() {
        return bias.clone();
    }

    @Override
    public Shape inputShape() {
        return inputShape;
    }

    @Override
    public Shape outputShape() {
        return outputShape;
    }

    @Override
    public void apply(double[] in, int inOffset, double[] out, int outOffset) {
        double[] channelLast = scatter(in, inOffset);
        int positions = outHeight * outWidth;
        for (int o = 0; o < outChannels; o++) {
            double b = bias[o];
            int base = outOffset + o * positions;
            for (int p = 0; p < positions; p++) {
                out[base + p] = b + channelLast[p * outChannels + o];
            }
        }
    }

    @Override
    public void applyLinear(double[] in, int inOffset, double[] out, int outOffset) {
        double[] channelLast = scatter(in, inOffset);
        int positions = outHeight * outWidth;
        for (int o = 0; o < outChannels; o++) {
            int base = outOffset + o * positions;
            for (int p = 0; p < positions; p++) {
                out[base + p] = channelLast[p * outChannels + o];
            }
        }
    }

    /** {@code A x} in {@code [Hout, Wout, Cout]} order. */
    private double[] scatter(double[] in, int inOffset) {
        int kh = window.kernelHeight();
        int kw = window.kernelWidth();
        int inPerGroup = inChannels / groups;
        int outPerGroup = outChannels / groups;
        int[] rowStart = rows.start();
        int[] rowKernel = rows.kernelIndex();
        int[] rowOutput = rows.outputIndex();
        int[] columnStart = columns.start();
        int[] columnKernel = columns.kernelIndex();
        int[] columnOutput = columns.outputIndex();
        double[] acc = new double[outHeight * outWidth * outChannels];
        for (int i = 0; i < inChannels; i++) {
            int channelOffset = (i / inPerGroup) * outPerGroup;
            int inputBase = inOffset + i * inHeight * inWidth;
            for (int iy = 0; iy < inHeight; iy++) {
                for (int ix = 0; ix < inWidth; ix++) {
                    double x = in[inputBase + iy * inWidth + ix];
                    if (x == 0.0) {
                        continue;
                    }
                    for (int r = rowStart[iy]; r < rowStart[iy + 1]; r++) {
                        int kernelRow = (i * kh + rowKernel[r]) * kw;
                        int outputRow = rowOutput[r] * outWidth;
                        for (int c = columnStart[ix]; c < columnStart[ix + 1]; c++) {
                            int w = (kernelRow + columnKernel[c]) * outPerGroup;
                            int a = (outputRow + columnOutput[c]) * outChannels + channelOffset;
                            for (int o = 0; o < outPerGroup; o++) {
                                acc[a + o] += x * scatterKernel[w + o];
                            }
                        }
                    }
                }
            }
        }
        return acc;
    }

    @Override
    public void applyTransposed(double[] gradOut, int gOffset, double[] gradIn, int inOffset) {
        int positions = outHeight * outWidth;
        double[] g = new double[positions * outChannels];
        for (int o = 0; o < outChannels; o++) {
            int base = gOffset + o * positions;
            for (int p = 0; p < positions; p++) {
                g[p * outChannels + o] = gradOut[base + p];
            }
        }
        int kh = window.kernelHeight();
        int kw = window.kernelWidth();
        int inPerGroup = inChannels / groups;
        int outPerGroup = outChannels / groups;
        int[] rowStart = rows.start();
        int[] rowKernel = rows.kernelIndex();
        int[] rowOutput = rows.outputIndex();
        int[] columnStart = columns.start();
        int[] columnKernel = columns.kernelIndex();
        int[] columnOutput = columns.outputIndex();
        for (int i = 0; i < inChannels; i++) {
            int channelOffset = (i / inPerGroup) * outPerGroup;
            int inputBase = inOffset + i * inHeight * inWidth;
            for (int iy = 0; iy < inHeight; iy++) {
                for (int ix = 0; ix < inWidth; ix++) {
                    double sum = 0.0;
                    for (int r = rowStart[iy]; r < rowStart[iy + 1]; r++) {
                        int kernelRow = (i * kh + rowKernel[r]) * kw;
                        int outputRow = rowOutput[r] * outWidth;
                        for (int c = columnStart[ix]; c < columnStart[ix + 1]; c++) {
                            int w = (kernelRow + columnKernel[c]) * outPerGroup;
                            int a = (outputRow + columnOutput[c]) * outChannels + channelOffset;
                            for (int o = 0; o < outPerGroup; o++) {
                                sum += g[a + o] * scatterKernel[w + o];
                            }
                        }
                    }
                    gradIn[inputBase + iy * inWidth + ix] = sum;
                }
            }
        }
    }

    @Override
    public double[] offset() {
        int positions = outHeight * outWidth;
        double[] c = new double[outChannels * positions];
        for (int o = 0; o < outChannels; o++) {
            Arrays.fill(c, o * positions, (o + 1) * positions, bias[o]);
        }
        return c;
    }

    @Override
    public String describe() {
        return "Conv2d " + inputShape + "->" + outputShape + " kernel " + window.kernelHeight() + "x"
                + window.kernelWidth() + " stride " + window.strideHeight() + "x" + window.strideWidth()
                + (groups == 1 ? "" : " groups " + groups);
    }
}
