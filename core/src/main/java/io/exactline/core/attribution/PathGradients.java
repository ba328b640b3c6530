package io.exactline.core.attribution;

import java.util.Arrays;

import io.exactline.core.line.LinePartition;

/**
 * The gradient of one network output {@code F_k} along a segment {@code x(t) = x' + t (x − x')}: one constant
 * gradient {@code g_j} per ExactLine piece {@code [t_j, t_{j+1}]}. From these every path integral of the gradient
 * follows without further back-propagation:
 * <ul>
 *   <li>the exact integral {@code ∫_0^1 ∇F_k(x(t)) dt = Σ_j (t_{j+1} − t_j) g_j}, hence exact Integrated
 *       Gradients ({@link #exact()});</li>
 *   <li>any Riemann sum {@code Σ_s w_s ∇F_k(x(τ_s))}: each sample ratio {@code τ_s} lands in one piece, so the
 *       sum is {@code Σ_j (Σ_{s in piece j} w_s) g_j} ({@link #riemann}).</li>
 * </ul>
 * The gradients are held as {@code g_0} and the sparse changes {@code g_j − g_{j−1}} (between neighbouring
 * pieces usually one unit changes slope, which moves few gradient entries), so memory and the cost of any
 * weighted sum {@code Σ_j w_j g_j = Σ_j (Σ_{i >= j} w_i)(g_j − g_{j−1})} are linear in the number of pieces plus
 * the number of changed entries. Obtain one from {@link IntegratedGradients}.
 *
 * <p><b>Samples on a breakpoint.</b> A ratio {@code τ} equal to a breakpoint {@code t_j} ({@code 0 < j < k}) takes
 * the gradient of the piece that starts there, and {@code τ = 1} that of the last piece. The network's own
 * gradient at such a point is one-sided per unit (see {@link io.exactline.core.layer.Layer#backward}) and may
 * differ; such samples have measure zero.
 */
public final class PathGradients {
    private final LinePartition partition;
    private final int output;
    private final int width;
    private final double[] ratios;
    private final double[] direction;
    private final double[] first;
    private final int[] changeStart;
    private final int[] changeIndex;
    private final double[] changeValue;
    private final double[] slopes; // g_j · (x − x'): dF_k/dt on piece j

    PathGradients(LinePartition partition, int output, GradientWalk.Deltas deltas) {
        this.partition = partition;
        this.output = output;
        this.width = partition.network().inputSize();
        this.ratios = partition.ratios();
        double[] start = partition.start();
        double[] end = partition.end();
        this.direction = new double[width];
        for (int i = 0; i < width; i++) {
            direction[i] = end[i] - start[i];
        }
        this.first = deltas.first();
        this.changeStart = deltas.start();
        this.changeIndex = deltas.index();
        this.changeValue = deltas.value();
        this.slopes = new double[partition.pieceCount()];
        double slope = 0;
        for (int i = 0; i < width; i++) {
            slope += first[i] * direction[i];
        }
        for (int j = 0; j < slopes.length; j++) {
            for (int k = changeStart[j]; k < changeStart[j + 1]; k++) {
                slope += changeValue[k] * direction[changeIndex[k]];
            }
            slopes[j] = slope;
        }
    }

    /** The partition of the segment from baseline to input. */
    public LinePartition partition() {
        return partition;
    }

    /** The output {@code k} whose gradient this is. */
    public int output() {
        return output;
    }

    /** Number of pieces, i.e. distinct gradients along the segment. */
    public int pieceCount() {
        return slopes.length;
    }

    /** The direction {@code x − x'} of the segment. */
    public double[] direction() {
        return direction.clone();
    }

    /** The constant gradient {@code ∇F_k} on piece {@code j}. */
    public double[] gradient(int j) {
        double[] g = first.clone();
        for (int k = changeStart[0]; k < changeStart[j + 1]; k++) {
            g[changeIndex[k]] += changeValue[k];
        }
        return g;
    }

    /** Total number of gradient entries that change from one piece to the next, over the whole segment. */
    public int changedEntries() {
        return changeIndex.length;
    }

    /** {@code F_k(x) − F_k(x')}, from the outputs ExactLine computed at the segment's ends. */
    public double outputChange() {
        return partition.outputAtRatio(pieceCount())[output] - partition.outputAtRatio(0)[output];
    }

    /**
     * The piece a sample ratio {@code t} in [0, 1] lands in: the largest {@code j} with {@code t_j <= t}, and the
     * last piece for {@code t = 1}.
     */
    public int pieceAt(double t) {
        if (!(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException("sample ratio " + t + " is outside [0, 1]");
        }
        int found = Arrays.binarySearch(ratios, t);
        int j = found >= 0 ? found : -found - 2;
        return Math.min(j, pieceCount() - 1);
    }

    /** Exact Integrated Gradients: {@code (x − x') ⊙ Σ_j (t_{j+1} − t_j) g_j}, with its completeness gap. */
    public ExactAttribution exact() {
        double[] lengths = new double[pieceCount()];
        for (int j = 0; j < lengths.length; j++) {
            lengths[j] = ratios[j + 1] - ratios[j];
        }
        double[] attributions = scaleByDirection(weightedSum(lengths));
        double total = 0;
        for (double a : attributions) {
            total += a;
        }
        double change = outputChange();
        return new ExactAttribution(attributions, output, partition.start(), pieceCount(), change, total - change);
    }

    /**
     * The Riemann approximation of Integrated Gradients with {@code m} sub-intervals:
     * {@code (x − x') ⊙ Σ_s w_s ∇F_k(x' + τ_s (x − x'))}, with the ratios and weights of {@code method}.
     */
    public double[] riemann(RiemannMethod method, int m) {
        double[] weights = new double[pieceCount()];
        for (int s = 0; s < method.gradientCount(m); s++) {
            weights[pieceAt(method.ratio(s, m))] += method.weight(s, m);
        }
        return scaleByDirection(weightedSum(weights));
    }

    /**
     * {@code Σ_i} of {@link #riemann riemann(method, m)}, i.e. {@code Σ_s w_s dF_k/dt (τ_s)}, in time linear in the
     * number of samples (up to the binary searches), for completeness checks over many {@code m}.
     */
    public double riemannTotal(RiemannMethod method, int m) {
        int count = method.gradientCount(m);
        double total = 0;
        for (int s = 0; s < count; s++) {
            total += method.weight(s, m) * slopes[pieceAt(method.ratio(s, m))];
        }
        return total;
    }

    /** {@code Σ_j w_j g_j} as {@code (Σ_j w_j) g_0 + Σ_{j >= 1} (Σ_{i >= j} w_i)(g_j − g_{j−1})}. */
    private double[] weightedSum(double[] weights) {
        double[] sum = new double[width];
        double suffix = 0;
        for (int j = weights.length - 1; j >= 1; j--) {
            suffix += weights[j];
            if (suffix != 0) {
                for (int k = changeStart[j]; k < changeStart[j + 1]; k++) {
                    sum[changeIndex[k]] += suffix * changeValue[k];
                }
            }
        }
        suffix += weights[0];
        for (int i = 0; i < width; i++) {
            sum[i] += suffix * first[i];
        }
        return sum;
    }

    private double[] scaleByDirection(double[] integral) {
        for (int i = 0; i < width; i++) {
            integral[i] *= direction[i];
        }
        return integral;
    }

    @Override
    public String toString() {
        return "PathGradients(" + partition.network().source() + ", output " + output + ", " + pieceCount()
                + " pieces)";
    }
}
