package io.exactline.core.line;

import java.util.Arrays;
import java.util.List;

import io.exactline.core.layer.ElementwisePiecewiseLinear;
import io.exactline.core.line.LinePlan.AffineStep;
import io.exactline.core.line.LinePlan.ConvStep;
import io.exactline.core.line.LinePlan.CutStep;
import io.exactline.core.line.LinePlan.DenseStep;
import io.exactline.core.line.LinePlan.ElementwiseStep;
import io.exactline.core.line.LinePlan.MapStep;
import io.exactline.core.line.LinePlan.PiecewiseStep;
import io.exactline.core.line.LinePlan.ReluStep;
import io.exactline.core.line.LinePlan.ScalingStep;
import io.exactline.core.line.LinePlan.Step;
import io.exactline.core.network.Network;

/**
 * The buffers of one thread's ExactLine runs, reused from line to line so that a line allocates only its result.
 *
 * <p>The segment's image is a sorted array of ratios {@code t_0 < ... < t_{count-1}} and one array (row) per
 * point. A piecewise-linear step visits the segments between consecutive points one at a time: it collects the
 * segment's crossing ratios, sorts those few, and emits the segment's start point and then its interpolated
 * points in order, so the output stays sorted without a global sort. Each emitted point goes through the layer's
 * function and, when an affine layer follows, through that layer too before it is stored, so the points are never
 * stored at the (often wide) width in between. Dense and convolution kernels add, for each point, the weight
 * columns of its non-zero inputs only (after a ReLU most inputs are zero), four columns per pass.
 *
 * <p>Every arithmetic step is the one of the straightforward algorithm in the same order (interpolation
 * {@code p + r (q - p)}, ratio {@code t_j + r (t_{j+1} - t_j)}, dense and convolution sums in increasing input
 * order), so the results are the same doubles; the one exception is sweeping ({@link #sweep}), where the points a
 * ReLU inserts before a convolution get their values from a cheaper formula that agrees to rounding.
 * Not thread-safe: one workspace per thread.
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
    private final boolean sweepCrossings;
    private double[] cuts = new double[64];
    private int[] cutUnits = new int[64];
    private double[] sortedCuts = new double[64];
    private int[] sortedUnits = new int[64];
    private int cutCount;
    private double[] crossed = new double[64];
    private double[] uncrossed = new double[64];
    private double[] carried = new double[64];
    private int carriedPoint = -1;
    private int[] nonZero = new int[64];
    private double[] sum = new double[64];
    private double[] activated = new double[64];
    private double[] interpolated = new double[64];
    private final RatioSink cutSink = r -> addCut(r, -1);

    /**
     * @param sweep whether points inserted by a ReLU that feeds a convolution get its output by sweeping the
     *        segment's crossings (see {@link #sweep}) rather than by evaluating the convolution at each point
     */
    private boolean busy;

    LineWorkspace(boolean sweep) {
        this.sweepCrossings = sweep;
    }

    /** Whether the rows grew beyond what a thread should keep between lines. */
    boolean oversized() {
        return allocated > RETAINED_LIMIT;
    }

    /** Whether a line is running on this workspace (a nested line must not reuse its buffers). */
    boolean busy() {
        return busy;
    }

    /** Partitions the segment from {@code a} to {@code b}; inputs are already checked. */
    LinePartition partition(Network network, double[] a, double[] b) {
        busy = true;
        try {
            return partitionOnce(network, a, b);
        } finally {
            busy = false;
        }
    }

    private LinePartition partitionOnce(Network network, double[] a, double[] b) {
        List<Step> steps = LinePlan.of(network).steps();
        int width = a.length;
        count = 2;
        ratios[0] = 0.0;
        ratios[1] = 1.0;
        System.arraycopy(a, 0, row(rows, 0, width), 0, width);
        System.arraycopy(b, 0, row(rows, 1, width), 0, width);
        for (int s = 0; s < steps.size(); s++) {
            if (steps.get(s) instanceof CutStep cut) {
                MapStep then = s + 1 < steps.size() && steps.get(s + 1) instanceof MapStep map ? map : null;
                refine(cut, then);
                if (then != null) {
                    s++;
                }
            } else {
                mapAll((MapStep) steps.get(s));
            }
        }
        int m = network.outputSize();
        double[] outputs = new double[count * m];
        for (int j = 0; j < count; j++) {
            System.arraycopy(rows[j], 0, outputs, j * m, m);
        }
        return new LinePartition(network, a, b, Arrays.copyOf(ratios, count), outputs);
    }

    /** Applies an affine step to every point. */
    private void mapAll(MapStep step) {
        for (int j = 0; j < count; j++) {
            map(step, rows[j], spareRow(j, step.out()));
        }
        swapRows();
    }

    /** Applies an affine step to one point. */
    private void map(MapStep step, double[] x, double[] y) {
        if (step instanceof DenseStep dense) {
            dense(dense, x, y);
        } else if (step instanceof ConvStep conv) {
            convolve(conv, x, y);
        } else if (step instanceof ScalingStep scaling) {
            double[] scale = scaling.scale();
            double[] shift = scaling.shift();
            for (int i = 0; i < scale.length; i++) {
                y[i] = scale[i] * x[i] + shift[i];
            }
        } else if (step instanceof AffineStep affine) {
            affine.layer().apply(x, 0, y, 0);
        }
    }

    /** {@code y = b + sum over x_j != 0 of x_j W[:, j]}, adding four columns per pass. */
    private void dense(DenseStep step, double[] x, double[] y) {
        double[][] columns = step.columns();
        int in = step.in();
        int out = step.out();
        if (nonZero.length < in) {
            nonZero = new int[in];
        }
        int[] nz = nonZero;
        System.arraycopy(step.bias(), 0, y, 0, out);
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

    /**
     * An ungrouped convolution: per output position, the receptive field's non-zero inputs times their weight
     * columns summed from zero four at a time, then the bias added.
     */
    private void convolve(ConvStep step, double[] x, double[] y) {
        double[][] columns = step.columns();
        double[] bias = step.bias();
        int[] fieldStart = step.fieldStart();
        int[] fieldInput = step.fieldInput();
        int[] fieldColumn = step.fieldColumn();
        int positions = step.positions();
        int channels = step.channels();
        if (sum.length < channels) {
            sum = new double[channels];
        }
        if (nonZero.length < step.largestField()) {
            nonZero = new int[step.largestField()];
        }
        double[] acc = sum;
        int[] nz = nonZero;
        for (int p = 0; p < positions; p++) {
            Arrays.fill(acc, 0, channels, 0.0);
            int k = 0;
            for (int e = fieldStart[p]; e < fieldStart[p + 1]; e++) {
                nz[k] = e;
                k += nonZeroBit(x[fieldInput[e]]);
            }
            int g = 0;
            for (; g + 4 <= k; g += 4) {
                double x0 = x[fieldInput[nz[g]]];
                double x1 = x[fieldInput[nz[g + 1]]];
                double x2 = x[fieldInput[nz[g + 2]]];
                double x3 = x[fieldInput[nz[g + 3]]];
                double[] w0 = columns[fieldColumn[nz[g]]];
                double[] w1 = columns[fieldColumn[nz[g + 1]]];
                double[] w2 = columns[fieldColumn[nz[g + 2]]];
                double[] w3 = columns[fieldColumn[nz[g + 3]]];
                for (int o = 0; o < channels; o++) {
                    acc[o] = (((acc[o] + x0 * w0[o]) + x1 * w1[o]) + x2 * w2[o]) + x3 * w3[o];
                }
            }
            for (; g < k; g++) {
                double x0 = x[fieldInput[nz[g]]];
                double[] w0 = columns[fieldColumn[nz[g]]];
                for (int o = 0; o < channels; o++) {
                    acc[o] += x0 * w0[o];
                }
            }
            for (int o = 0; o < channels; o++) {
                y[o * positions + p] = bias[o] + acc[o];
            }
        }
    }

    /** 1 if {@code x != 0} (NaN included), else 0, without a branch: |x|'s bits plus Long.MAX_VALUE overflow. */
    private static int nonZeroBit(double x) {
        return (int) (((Double.doubleToRawLongBits(x) & Long.MAX_VALUE) + Long.MAX_VALUE) >>> 63);
    }

    /**
     * Inserts the crossings of a piecewise-linear step and applies it, then {@code then} if not null, to every
     * point, segment by segment.
     */
    private void refine(CutStep step, MapStep then) {
        ConvStep sweptInto = sweepCrossings && step instanceof ReluStep && then instanceof ConvStep conv ? conv : null;
        int out = then == null ? step.out() : then.out();
        double[] t = ratios;
        int written = 0;
        carriedPoint = -1;
        for (int j = 0; j + 1 < count; j++) {
            double[] p = rows[j];
            double[] q = rows[j + 1];
            collectCuts(step, p, q);
            sortCuts();
            emitPoint(step, then, j, written++, out);
            nextRatios[written - 1] = t[j];
            double t0 = t[j];
            double t1 = t[j + 1];
            if (sweptInto != null && cutCount > 0) {
                written = sweep(step, sweptInto, j, t0, t1, written, out);
                continue;
            }
            double last = t0;
            for (int c = 0; c < cutCount; c++) {
                double r = sortedCuts[c];
                double tc = t0 + r * (t1 - t0);
                if (tc <= last || tc >= t1) {
                    continue;
                }
                last = tc;
                emit(step, then, p, q, r, written++, out);
                nextRatios[written - 1] = tc;
            }
        }
        emitPoint(step, then, count - 1, written++, out);
        nextRatios[written - 1] = t[count - 1];
        swapRefined(written);
    }

    /** Emits existing point {@code j} as point {@code written}, reusing its output if a sweep computed it. */
    private void emitPoint(CutStep step, MapStep then, int j, int written, int out) {
        if (carriedPoint == j) {
            System.arraycopy(carried, 0, spareRow(written, out), 0, out);
            if (written >= nextRatios.length) {
                nextRatios = Arrays.copyOf(nextRatios, 2 * nextRatios.length);
            }
        } else {
            emit(step, then, rows[j], rows[j], 0.0, written, out);
        }
    }

    /**
     * Emits the crossing points of segment {@code j} (ReLU into a convolution {@code A}) from the outputs at its
     * ends instead of evaluating {@code A} at each.
     *
     * <p>On the segment {@code z(r) = p + r (q - p)}, the ReLU output differs from the interpolation of its end
     * values only in the units that cross 0, by {@code -r |q_i|} before the crossing and {@code -(1 - r) |p_i|}
     * after it. Hence, with {@code v = A relu(.) + b},
     * {@code v(r) = (1 - r) (v(p) + P(r)) + r (v(q) - Q(r))}, where {@code P(r)} sums {@code -|p_i| A_i} over the
     * units crossed by {@code r} and {@code Q(r)} sums {@code |q_i| A_i} over the others: each crossing moves one
     * column from {@code Q} to {@code P}, so the segment costs a few columns per crossing instead of a full
     * convolution per inserted point. Which points are inserted (the ratios) is decided exactly as without
     * sweeping; their values differ from direct evaluation by rounding.
     *
     * @return the number of points written so far
     */
    private int sweep(CutStep step, ConvStep then, int j, double t0, double t1, int written, int out) {
        double[] p = rows[j];
        double[] q = rows[j + 1];
        double[] start = spare[written - 1];
        if (carried.length < out) {
            carried = new double[out];
        }
        emit(step, then, q, q, 0.0, written, out);
        System.arraycopy(spare[written], 0, carried, 0, out);
        carriedPoint = j + 1;
        double[] end = carried;
        if (crossed.length < out) {
            crossed = new double[out];
            uncrossed = new double[out];
        }
        double[] sumP = crossed;
        double[] sumQ = uncrossed;
        Arrays.fill(sumP, 0, out, 0.0);
        Arrays.fill(sumQ, 0, out, 0.0);
        for (int c = 0; c < cutCount; c++) {
            int unit = sortedUnits[c];
            addColumn(then, unit, Math.abs(q[unit]), sumQ);
        }
        double last = t0;
        for (int c = 0; c < cutCount; c++) {
            int unit = sortedUnits[c];
            addColumn(then, unit, -Math.abs(p[unit]), sumP);
            addColumn(then, unit, -Math.abs(q[unit]), sumQ);
            double r = sortedCuts[c];
            double tc = t0 + r * (t1 - t0);
            if (tc <= last || tc >= t1) {
                continue;
            }
            last = tc;
            if (written >= nextRatios.length) {
                nextRatios = Arrays.copyOf(nextRatios, 2 * nextRatios.length);
            }
            double[] y = spareRow(written, out);
            double s = 1.0 - r;
            for (int i = 0; i < out; i++) {
                y[i] = s * (start[i] + sumP[i]) + r * (end[i] - sumQ[i]);
            }
            nextRatios[written++] = tc;
        }
        return written;
    }

    /** {@code target += coefficient * A_unit}, column {@code unit} of a convolution's matrix. */
    private static void addColumn(ConvStep conv, int unit, double coefficient, double[] target) {
        int positions = conv.positions();
        int channels = conv.channels();
        for (int k = conv.tapStart()[unit]; k < conv.tapStart()[unit + 1]; k++) {
            double[] w = conv.columns()[conv.tapColumn()[k]];
            int p = conv.tapPosition()[k];
            for (int o = 0; o < channels; o++) {
                target[o * positions + p] += coefficient * w[o];
            }
        }
    }

    /** Collects the ratios in (0, 1) where a unit of {@code step} changes piece between {@code p} and {@code q}. */
    private void collectCuts(CutStep step, double[] p, double[] q) {
        cutCount = 0;
        if (step instanceof ReluStep relu) {
            for (int i = 0; i < relu.width(); i++) {
                double a = p[i];
                double b = q[i];
                // The product test is a cheap, well-predicted filter; the exact sign test decides.
                if (a * b <= 0.0 && ((a < 0 && b > 0) || (a > 0 && b < 0))) {
                    addCut(a / (a - b), i);
                }
            }
        } else if (step instanceof ElementwiseStep elementwise) {
            double[] breakpoints = elementwise.breakpoints();
            for (int i = 0; i < elementwise.width(); i++) {
                for (double c : breakpoints) {
                    double da = p[i] - c;
                    double db = q[i] - c;
                    if ((da < 0 && db > 0) || (da > 0 && db < 0)) {
                        addCut(da / (da - db), i);
                    }
                }
            }
        } else if (step instanceof PiecewiseStep piecewise) {
            piecewise.layer().crossings(p, 0, q, 0, cutSink);
        }
    }

    /**
     * Stores point {@code j} of the refined segment: the step's function (then {@code then}'s) at
     * {@code p + r (q - p)}, with {@code r = 0} meaning {@code p} itself.
     */
    private void emit(CutStep step, MapStep then, double[] p, double[] q, double r, int j, int out) {
        if (j >= nextRatios.length) {
            nextRatios = Arrays.copyOf(nextRatios, 2 * nextRatios.length);
        }
        int width = step.in();
        double[] y = then == null ? spareRow(j, out) : scratch(step.out());
        if (step instanceof ReluStep) {
            if (r == 0.0) {
                for (int i = 0; i < width; i++) {
                    y[i] = Math.max(p[i], 0.0);
                }
            } else {
                for (int i = 0; i < width; i++) {
                    double x = p[i];
                    y[i] = Math.max(x + r * (q[i] - x), 0.0);
                }
            }
        } else if (step instanceof ElementwiseStep elementwise) {
            ElementwisePiecewiseLinear layer = elementwise.layer();
            for (int i = 0; i < width; i++) {
                double x = p[i];
                y[i] = layer.activate(r == 0.0 ? x : x + r * (q[i] - x));
            }
        } else if (step instanceof PiecewiseStep piecewise) {
            double[] x = p;
            if (r != 0.0) {
                if (interpolated.length < width) {
                    interpolated = new double[width];
                }
                x = interpolated;
                for (int i = 0; i < width; i++) {
                    x[i] = p[i] + r * (q[i] - p[i]);
                }
            }
            piecewise.layer().apply(x, 0, y, 0);
        }
        if (then != null) {
            map(then, y, spareRow(j, out));
        }
    }

    /** The buffer a point waits in between a piecewise-linear step and the affine step fused with it. */
    private double[] scratch(int width) {
        if (activated.length < width) {
            activated = new double[width];
        }
        return activated;
    }

    private void addCut(double r, int unit) {
        if (cutCount == cuts.length) {
            cuts = Arrays.copyOf(cuts, 2 * cutCount);
            cutUnits = Arrays.copyOf(cutUnits, 2 * cutCount);
        }
        cuts[cutCount] = r;
        cutUnits[cutCount++] = unit;
    }

    /** Sorts the cuts by ratio into {@code sortedCuts}, their units alongside. */
    private void sortCuts() {
        if (sortedCuts.length < cutCount) {
            sortedCuts = new double[cuts.length];
            sortedUnits = new int[cuts.length];
        }
        if (cutCount > INSERTION_SORT_LIMIT) {
            mergeSort(0, cutCount);
            return;
        }
        for (int i = 0; i < cutCount; i++) {
            double r = cuts[i];
            int unit = cutUnits[i];
            int k = i - 1;
            while (k >= 0 && sortedCuts[k] > r) {
                sortedCuts[k + 1] = sortedCuts[k];
                sortedUnits[k + 1] = sortedUnits[k];
                k--;
            }
            sortedCuts[k + 1] = r;
            sortedUnits[k + 1] = unit;
        }
    }

    /** Merge-sorts {@code cuts[from, to)} with their units into {@code sortedCuts} / {@code sortedUnits}. */
    private void mergeSort(int from, int to) {
        if (to - from <= INSERTION_SORT_LIMIT) {
            for (int i = from; i < to; i++) {
                double r = cuts[i];
                int unit = cutUnits[i];
                int k = i - 1;
                while (k >= from && sortedCuts[k] > r) {
                    sortedCuts[k + 1] = sortedCuts[k];
                    sortedUnits[k + 1] = sortedUnits[k];
                    k--;
                }
                sortedCuts[k + 1] = r;
                sortedUnits[k + 1] = unit;
            }
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(from, middle);
        mergeSort(middle, to);
        System.arraycopy(sortedCuts, from, cuts, from, to - from);
        System.arraycopy(sortedUnits, from, cutUnits, from, to - from);
        int left = from;
        int right = middle;
        for (int k = from; k < to; k++) {
            if (right >= to || (left < middle && cuts[left] <= cuts[right])) {
                sortedCuts[k] = cuts[left];
                sortedUnits[k] = cutUnits[left++];
            } else {
                sortedCuts[k] = cuts[right];
                sortedUnits[k] = cutUnits[right++];
            }
        }
    }

    /** Row {@code j} of {@code pool}, made to hold at least {@code width} values. */
    private double[] row(double[][] pool, int j, int width) {
        double[] row = pool[j];
        if (row == null || row.length < width) {
            allocated += width - (row == null ? 0 : row.length);
            row = new double[width];
            pool[j] = row;
        }
        return row;
    }

    /** Spare row {@code j} of at least {@code width} values, for rows written in order from 0. */
    private double[] spareRow(int j, int width) {
        if (j >= spare.length) {
            spare = Arrays.copyOf(spare, Math.max(j + 1, 2 * spare.length));
        }
        return row(spare, j, width);
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
