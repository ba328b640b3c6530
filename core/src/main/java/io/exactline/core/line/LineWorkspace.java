package io.exactline.core.line;

import java.util.Arrays;

import io.exactline.core.layer.ElementwisePiecewiseLinear;
import io.exactline.core.layer.Layer;
import io.exactline.core.line.LinePlan.AffineStep;
import io.exactline.core.line.LinePlan.DenseStep;
import io.exactline.core.line.LinePlan.ElementwiseStep;
import io.exactline.core.line.LinePlan.PiecewiseStep;
import io.exactline.core.line.LinePlan.ReluStep;
import io.exactline.core.line.LinePlan.ScalingStep;
import io.exactline.core.line.LinePlan.Step;
import io.exactline.core.network.Network;

/**
 * The buffers of one thread's ExactLine runs, reused from line to line so that a line allocates only its result.
 *
 * <p>The segment's image is a sorted array of ratios {@code t_0 < ... < t_{count-1}} and one array (row) per
 * point. Each step reads the current rows and writes spare ones, then the two pools swap. A piecewise-linear step
 * visits the segments between consecutive points one at a time: it collects the segment's crossing ratios, sorts
 * those few, and writes the segment's start point and then its interpolated points in order, so the output stays
 * sorted without a global sort; element-wise steps apply their function while writing. A dense step adds, for each
 * point, the weight columns of its non-zero inputs only (after a ReLU most inputs are zero), four columns per pass.
 *
 * <p>Every arithmetic step is the one of the straightforward algorithm in the same order (interpolation
 * {@code p + r (q - p)}, ratio {@code t_j + r (t_{j+1} - t_j)}, dense sums in increasing input order from the
 * bias), so the results are the same doubles. Not thread-safe: one workspace per thread.
 */
final class LineWorkspace {
    /** Rows holding more than this many doubles in all (128 MiB) are not kept after the line that needed them. */
    private static final long RETAINED_LIMIT = 1L << 24;
    private static final int INSERTION_SORT_LIMIT = 24;

    private double[] ratios = new double[256];
    private double[] nextRatios = new double[256];
    private double[][] rows = new double[256][];
    private double[][] spare = new double[256][];
    private long allocated;
    private int count;
    private double[] cuts = new double[64];
    private int cutCount;
    private int[] nonZero = new int[64];
    private final RatioSink cutSink = this::addCut;

    /** Whether the rows grew beyond what a thread should keep between lines. */
    boolean oversized() {
        return allocated > RETAINED_LIMIT;
    }

    /** Partitions the segment from {@code a} to {@code b}; inputs are already checked. */
    LinePartition partition(Network network, double[] a, double[] b) {
        LinePlan plan = LinePlan.of(network);
        int capacity = plan.maxWidth();
        int width = a.length;
        count = 2;
        ratios[0] = 0.0;
        ratios[1] = 1.0;
        System.arraycopy(a, 0, row(rows, 0, capacity), 0, width);
        System.arraycopy(b, 0, row(rows, 1, capacity), 0, width);
        for (Step step : plan.steps()) {
            if (step instanceof DenseStep dense) {
                dense(dense, capacity);
            } else if (step instanceof ReluStep relu) {
                refineRelu(relu.width(), capacity);
            } else if (step instanceof ScalingStep scaling) {
                scale(scaling);
            } else if (step instanceof ElementwiseStep elementwise) {
                refineElementwise(elementwise, capacity);
            } else if (step instanceof PiecewiseStep pwl) {
                refine(pwl, capacity);
                map(pwl.layer(), capacity);
            } else if (step instanceof AffineStep affine) {
                map(affine.layer(), capacity);
            }
        }
        int m = network.outputSize();
        double[] outputs = new double[count * m];
        for (int j = 0; j < count; j++) {
            System.arraycopy(rows[j], 0, outputs, j * m, m);
        }
        return new LinePartition(network, a, b, Arrays.copyOf(ratios, count), outputs);
    }

    /** Row {@code j} of {@code pool}, made to hold at least {@code capacity} values. */
    private double[] row(double[][] pool, int j, int capacity) {
        double[] row = pool[j];
        if (row == null || row.length < capacity) {
            allocated += capacity - (row == null ? 0 : row.length);
            row = new double[capacity];
            pool[j] = row;
        }
        return row;
    }

    /** {@code y = b + sum over x_j != 0 of x_j W[:, j]} for every point, adding four columns per pass. */
    private void dense(DenseStep step, int capacity) {
        double[][] columns = step.columns();
        double[] bias = step.bias();
        int in = step.in();
        int out = step.out();
        if (nonZero.length < in) {
            nonZero = new int[in];
        }
        int[] nz = nonZero;
        for (int j = 0; j < count; j++) {
            double[] x = rows[j];
            double[] y = spareRow(j, capacity);
            System.arraycopy(bias, 0, y, 0, out);
            int k = 0;
            for (int i = 0; i < in; i++) {
                nz[k] = i;
                k += nonZeroBit(x[i]);
            }
            int g = 0;
            for (; g + 4 <= k; g += 4) {
                double x0 = x[nz[g]];
                double x1 = x[nz[g + 1]];
                double x2 = x[nz[g + 2]];
                double x3 = x[nz[g + 3]];
                double[] w0 = columns[nz[g]];
                double[] w1 = columns[nz[g + 1]];
                double[] w2 = columns[nz[g + 2]];
                double[] w3 = columns[nz[g + 3]];
                for (int i = 0; i < out; i++) {
                    y[i] = (((y[i] + x0 * w0[i]) + x1 * w1[i]) + x2 * w2[i]) + x3 * w3[i];
                }
            }
            for (; g < k; g++) {
                double x0 = x[nz[g]];
                double[] w0 = columns[nz[g]];
                for (int i = 0; i < out; i++) {
                    y[i] += x0 * w0[i];
                }
            }
        }
        swapRows();
    }

    /** 1 if {@code x != 0} (NaN included), else 0, without a branch: |x|'s bits plus Long.MAX_VALUE overflow. */
    private static int nonZeroBit(double x) {
        return (int) (((Double.doubleToRawLongBits(x) & Long.MAX_VALUE) + Long.MAX_VALUE) >>> 63);
    }

    /** {@code y_i = scale_i x_i + shift_i} in place. */
    private void scale(ScalingStep step) {
        double[] scale = step.scale();
        double[] shift = step.shift();
        for (int j = 0; j < count; j++) {
            double[] x = rows[j];
            for (int i = 0; i < scale.length; i++) {
                x[i] = scale[i] * x[i] + shift[i];
            }
        }
    }

    /** Applies a layer known only through its interface to every point. */
    private void map(Layer layer, int capacity) {
        for (int j = 0; j < count; j++) {
            layer.apply(rows[j], 0, spareRow(j, capacity), 0);
        }
        swapRows();
    }

    /** Inserts the ReLU crossings and applies {@code max(x, 0)} to every point. */
    private void refineRelu(int width, int capacity) {
        double[] t = ratios;
        int written = 0;
        for (int j = 0; j + 1 < count; j++) {
            double[] p = rows[j];
            double[] q = rows[j + 1];
            cutCount = 0;
            for (int i = 0; i < width; i++) {
                double a = p[i];
                double b = q[i];
                if (a * b <= 0.0 && ((a < 0 && b > 0) || (a > 0 && b < 0))) {
                    addCut(a / (a - b));
                }
            }
            sortCuts();
            double[] y = nextRow(written, capacity);
            for (int i = 0; i < width; i++) {
                y[i] = Math.max(p[i], 0.0);
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
                y = nextRow(written, capacity);
                for (int i = 0; i < width; i++) {
                    double x = p[i];
                    y[i] = Math.max(x + r * (q[i] - x), 0.0);
                }
                nextRatios[written++] = tc;
            }
        }
        double[] p = rows[count - 1];
        double[] y = nextRow(written, capacity);
        for (int i = 0; i < width; i++) {
            y[i] = Math.max(p[i], 0.0);
        }
        nextRatios[written++] = t[count - 1];
        swapRefined(written);
    }

    /** Inserts the crossings of an element-wise layer and applies its function to every point. */
    private void refineElementwise(ElementwiseStep step, int capacity) {
        ElementwisePiecewiseLinear layer = step.layer();
        double[] breakpoints = step.breakpoints();
        int width = step.width();
        double[] t = ratios;
        int written = 0;
        for (int j = 0; j + 1 < count; j++) {
            double[] p = rows[j];
            double[] q = rows[j + 1];
            cutCount = 0;
            for (int i = 0; i < width; i++) {
                for (double c : breakpoints) {
                    double da = p[i] - c;
                    double db = q[i] - c;
                    if ((da < 0 && db > 0) || (da > 0 && db < 0)) {
                        addCut(da / (da - db));
                    }
                }
            }
            sortCuts();
            double[] y = nextRow(written, capacity);
            for (int i = 0; i < width; i++) {
                y[i] = layer.activate(p[i]);
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
                y = nextRow(written, capacity);
                for (int i = 0; i < width; i++) {
                    double x = p[i];
                    y[i] = layer.activate(x + r * (q[i] - x));
                }
                nextRatios[written++] = tc;
            }
        }
        double[] p = rows[count - 1];
        double[] y = nextRow(written, capacity);
        for (int i = 0; i < width; i++) {
            y[i] = layer.activate(p[i]);
        }
        nextRatios[written++] = t[count - 1];
        swapRefined(written);
    }

    /** Inserts the crossings reported by a general piecewise-linear layer, leaving the points unmapped. */
    private void refine(PiecewiseStep step, int capacity) {
        int width = step.in();
        double[] t = ratios;
        int written = 0;
        for (int j = 0; j + 1 < count; j++) {
            double[] p = rows[j];
            double[] q = rows[j + 1];
            cutCount = 0;
            step.layer().crossings(p, 0, q, 0, cutSink);
            sortCuts();
            System.arraycopy(p, 0, nextRow(written, capacity), 0, width);
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
                double[] y = nextRow(written, capacity);
                for (int i = 0; i < width; i++) {
                    double x = p[i];
                    y[i] = x + r * (q[i] - x);
                }
                nextRatios[written++] = tc;
            }
        }
        System.arraycopy(rows[count - 1], 0, nextRow(written, capacity), 0, width);
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

    /** Spare row {@code j}, for rows written in order from 0. */
    private double[] spareRow(int j, int capacity) {
        if (j >= spare.length) {
            spare = Arrays.copyOf(spare, Math.max(j + 1, 2 * spare.length));
        }
        return row(spare, j, capacity);
    }

    /** Spare row {@code j}, making room for its ratio too. */
    private double[] nextRow(int j, int capacity) {
        if (j >= nextRatios.length) {
            nextRatios = Arrays.copyOf(nextRatios, Math.max(j + 1, 2 * nextRatios.length));
        }
        return spareRow(j, capacity);
    }

    private void swapRows() {
        double[][] swap = rows;
        rows = spare;
        spare = swap;
    }

    private void swapRefined(int written) {
        double[] swapRatios = ratios;
        ratios = nextRatios;
        nextRatios = swapRatios;
        swapRows();
        count = written;
    }
}
