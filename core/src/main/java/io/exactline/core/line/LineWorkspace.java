package io.exactline.core.line;

import java.util.Arrays;

import io.exactline.core.layer.ElementwisePiecewiseLinear;
import io.exactline.core.layer.Layer;
import io.exactline.core.layer.PiecewiseLinearLayer;
import io.exactline.core.layer.Relu;
import io.exactline.core.network.Network;

/**
 * The buffers of one thread's ExactLine runs, reused from line to line so that a line allocates only its result.
 *
 * <p>The segment's image lives in two flat buffers: ratios {@code t_0 < ... < t_{count-1}} and, row-major, the
 * points at them ({@code count x width} for the current layer's width). Each layer reads one pair of buffers and
 * writes the other, then the two swap. A piecewise-linear layer visits the segments between consecutive points
 * one at a time: it collects the segment's crossing ratios, sorts those few, and writes the segment's start point
 * and then its interpolated points in order, so the output stays sorted without a global sort. Element-wise
 * layers apply their function while writing, and ReLU has its own loop.
 *
 * <p>Every arithmetic step is the one of the straightforward algorithm in the same order (interpolation
 * {@code p + r (q - p)}, ratio {@code t_j + r (t_{j+1} - t_j)}, each layer's own {@code apply}), so the results
 * are the same doubles. Not thread-safe: one workspace per thread.
 */
final class LineWorkspace {
    /** Buffers larger than this many doubles (128 MiB) are not kept after the line that needed them. */
    private static final int RETAINED_LIMIT = 1 << 24;
    private static final int INSERTION_SORT_LIMIT = 24;

    private double[] ratios = new double[256];
    private double[] nextRatios = new double[256];
    private double[] points = new double[256 * 64];
    private double[] nextPoints = new double[256 * 64];
    private double[] cuts = new double[64];
    private int cutCount;
    private int count;
    private final RatioSink cutSink = this::addCut;

    /** Whether the buffers grew beyond what a thread should keep between lines. */
    boolean oversized() {
        return points.length > RETAINED_LIMIT || nextPoints.length > RETAINED_LIMIT;
    }

    /** Partitions the segment from {@code a} to {@code b}; inputs are already checked. */
    LinePartition partition(Network network, double[] a, double[] b) {
        int width = a.length;
        count = 2;
        ratios[0] = 0.0;
        ratios[1] = 1.0;
        points = reserve(points, 2 * width);
        System.arraycopy(a, 0, points, 0, width);
        System.arraycopy(b, 0, points, width, width);
        for (Layer layer : network.layers()) {
            int in = layer.inputShape().size();
            if (layer instanceof Relu) {
                refineRelu(in);
            } else if (layer instanceof ElementwisePiecewiseLinear elementwise) {
                refineElementwise(elementwise, in);
            } else if (layer instanceof PiecewiseLinearLayer pwl) {
                refine(pwl, in);
                map(layer, in);
            } else {
                map(layer, in);
            }
        }
        int m = network.outputSize();
        return new LinePartition(network, a, b, Arrays.copyOf(ratios, count), Arrays.copyOf(points, count * m));
    }

    /** Applies {@code layer} to every point. */
    private void map(Layer layer, int in) {
        int out = layer.outputShape().size();
        nextPoints = reserve(nextPoints, count * out);
        for (int j = 0; j < count; j++) {
            layer.apply(points, j * in, nextPoints, j * out);
        }
        double[] swap = points;
        points = nextPoints;
        nextPoints = swap;
    }

    /** Inserts the ReLU crossings and applies {@code max(x, 0)} to every point. */
    private void refineRelu(int width) {
        double[] src = points;
        double[] t = ratios;
        int written = 0;
        for (int j = 0; j + 1 < count; j++) {
            int p = j * width;
            int q = p + width;
            cutCount = 0;
            for (int i = 0; i < width; i++) {
                double a = src[p + i];
                double b = src[q + i];
                if ((a < 0 && b > 0) || (a > 0 && b < 0)) {
                    addCut(a / (a - b));
                }
            }
            sortCuts();
            double[] dst = reserveNext(written + 1, width);
            int o = written * width;
            for (int i = 0; i < width; i++) {
                dst[o + i] = Math.max(src[p + i], 0.0);
            }
            nextRatios[written++] = t[j];
            double t0 = t[j];
            double t1 = t[j + 1];
            double last = t0;
            for (int c = 0; c < cutCount; c++) {
                double r = cuts[c];
                double tc = t0 + r * (t1 - t0);
                if (tc <= last || tc >= t1) {
                    continue;
                }
                last = tc;
                dst = reserveNext(written + 1, width);
                o = written * width;
                for (int i = 0; i < width; i++) {
                    double x = src[p + i];
                    dst[o + i] = Math.max(x + r * (src[q + i] - x), 0.0);
                }
                nextRatios[written++] = tc;
            }
        }
        double[] dst = reserveNext(written + 1, width);
        int last = (count - 1) * width;
        int o = written * width;
        for (int i = 0; i < width; i++) {
            dst[o + i] = Math.max(src[last + i], 0.0);
        }
        nextRatios[written++] = t[count - 1];
        swapRefined(written);
    }

    /** Inserts the crossings of an element-wise layer and applies its function to every point. */
    private void refineElementwise(ElementwisePiecewiseLinear layer, int width) {
        double[] breakpoints = layer.breakpoints();
        double[] src = points;
        double[] t = ratios;
        int written = 0;
        for (int j = 0; j + 1 < count; j++) {
            int p = j * width;
            int q = p + width;
            cutCount = 0;
            for (int i = 0; i < width; i++) {
                double a = src[p + i];
                double b = src[q + i];
                for (double c : breakpoints) {
                    double da = a - c;
                    double db = b - c;
                    if ((da < 0 && db > 0) || (da > 0 && db < 0)) {
                        addCut(da / (da - db));
                    }
                }
            }
            sortCuts();
            double[] dst = reserveNext(written + 1, width);
            int o = written * width;
            for (int i = 0; i < width; i++) {
                dst[o + i] = layer.activate(src[p + i]);
            }
            nextRatios[written++] = t[j];
            double t0 = t[j];
            double t1 = t[j + 1];
            double last = t0;
            for (int c = 0; c < cutCount; c++) {
                double r = cuts[c];
                double tc = t0 + r * (t1 - t0);
                if (tc <= last || tc >= t1) {
                    continue;
                }
                last = tc;
                dst = reserveNext(written + 1, width);
                o = written * width;
                for (int i = 0; i < width; i++) {
                    double x = src[p + i];
                    dst[o + i] = layer.activate(x + r * (src[q + i] - x));
                }
                nextRatios[written++] = tc;
            }
        }
        double[] dst = reserveNext(written + 1, width);
        int last = (count - 1) * width;
        int o = written * width;
        for (int i = 0; i < width; i++) {
            dst[o + i] = layer.activate(src[last + i]);
        }
        nextRatios[written++] = t[count - 1];
        swapRefined(written);
    }

    /** Inserts the crossings reported by a general piecewise-linear layer, leaving the points unmapped. */
    private void refine(PiecewiseLinearLayer layer, int width) {
        double[] src = points;
        double[] t = ratios;
        int written = 0;
        for (int j = 0; j + 1 < count; j++) {
            int p = j * width;
            int q = p + width;
            cutCount = 0;
            layer.crossings(src, p, src, q, cutSink);
            sortCuts();
            double[] dst = reserveNext(written + 1, width);
            System.arraycopy(src, p, dst, written * width, width);
            nextRatios[written++] = t[j];
            double t0 = t[j];
            double t1 = t[j + 1];
            double last = t0;
            for (int c = 0; c < cutCount; c++) {
                double r = cuts[c];
                double tc = t0 + r * (t1 - t0);
                if (tc <= last || tc >= t1) {
                    continue;
                }
                last = tc;
                dst = reserveNext(written + 1, width);
                int o = written * width;
                for (int i = 0; i < width; i++) {
                    double x = src[p + i];
                    dst[o + i] = x + r * (src[q + i] - x);
                }
                nextRatios[written++] = tc;
            }
        }
        double[] dst = reserveNext(written + 1, width);
        System.arraycopy(src, (count - 1) * width, dst, written * width, width);
        nextRatios[written++] = t[count - 1];
        swapRefined(written);
    }

    private void addCut(double r) {
        if (cutCount == cuts.length) {
            cuts = Arrays.copyOf(cuts, 2 * cuts.length);
        }
        cuts[cutCount++] = r;
    }

    private void sortCuts() {
        if (cutCount > INSERTION_SORT_LIMIT) {
            Arrays.sort(cuts, 0, cutCount);
            return;
        }
        for (int i = 1; i < cutCount; i++) {
            double r = cuts[i];
            int k = i - 1;
            while (k >= 0 && cuts[k] > r) {
                cuts[k + 1] = cuts[k];
                k--;
            }
            cuts[k + 1] = r;
        }
    }

    /** Makes room for {@code rows} points of {@code width} and their ratios in the next buffers. */
    private double[] reserveNext(int rows, int width) {
        if (rows > nextRatios.length) {
            nextRatios = Arrays.copyOf(nextRatios, Math.max(rows, 2 * nextRatios.length));
        }
        nextPoints = reserve(nextPoints, rows * width);
        return nextPoints;
    }

    private static double[] reserve(double[] buffer, int size) {
        if (size <= buffer.length) {
            return buffer;
        }
        return Arrays.copyOf(buffer, Math.max(size, 2 * buffer.length));
    }

    private void swapRefined(int written) {
        double[] swapRatios = ratios;
        ratios = nextRatios;
        nextRatios = swapRatios;
        double[] swapPoints = points;
        points = nextPoints;
        nextPoints = swapPoints;
        count = written;
    }
}
