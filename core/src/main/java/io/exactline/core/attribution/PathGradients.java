package io.exactline.core.attribution;

import java.util.Arrays;
import java.util.stream.IntStream;

import io.exactline.core.BadInputException;
import io.exactline.core.line.LinePartition;

/**
 * The gradient of one network output {@code F_k} along a segment {@code x(t) = x' + t (x − x')}, held as one
 * constant gradient {@code g_j} per ExactLine piece {@code [t_j, t_{j+1}]}. From these every path integral of the
 * gradient follows without further back-propagation:
 * <ul>
 *   <li>the exact integral {@code ∫_0^1 ∇F_k(x(t)) dt = Σ_j (t_{j+1} − t_j) g_j}, hence exact Integrated
 *       Gradients ({@link #exact()});</li>
 *   <li>any Riemann sum {@code Σ_s w_s ∇F_k(x(τ_s))}: each sample ratio {@code τ_s} lands in one piece, so the
 *       sum is {@code Σ_j (Σ_{s in piece j} w_s) g_j} ({@link #riemann}). It costs a binary search per sample
 *       and one vector update per piece hit, instead of a forward and backward pass per sample.</li>
 * </ul>
 * Memory: {@code pieceCount() × inputSize} doubles.
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
    private final double[] gradients; // pieceCount rows of width, row-major
    private final double[] slopes; // g_j · (x − x'): dF_k/dt on piece j

    private PathGradients(LinePartition partition, int output, double[] gradients) {
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
        this.gradients = gradients;
        this.slopes = new double[partition.pieceCount()];
        for (int j = 0; j < slopes.length; j++) {
            double s = 0;
            for (int i = 0; i < width; i++) {
                s += gradients[j * width + i] * direction[i];
            }
            slopes[j] = s;
        }
    }

    /**
     * Computes the gradient of output {@code output} on every piece of {@code partition} (at the piece's
     * midpoint, where the activation pattern is the piece's), pieces in parallel.
     *
     * @param partition the segment from the baseline {@code x'} (its start) to the input {@code x} (its end)
     * @throws BadInputException if {@code output} is not an output of the partitioned network
     */
    public static PathGradients of(LinePartition partition, int output) {
        int outputs = partition.network().outputSize();
        if (output < 0 || output >= outputs) {
            throw new BadInputException("output index " + output + " is out of range; " + partition.network().source()
                    + " has " + outputs + " outputs");
        }
        int width = partition.network().inputSize();
        int pieces = partition.pieceCount();
        double[] gradients = new double[pieces * width];
        IntStream range = IntStream.range(0, pieces);
        (pieces > 1 ? range.parallel() : range).forEach(
                j -> System.arraycopy(partition.gradientOf(j, output), 0, gradients, j * width, width));
        return new PathGradients(partition, output, gradients);
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
        return Arrays.copyOfRange(gradients, j * width, (j + 1) * width);
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
        double[] integral = new double[width];
        for (int j = 0; j < pieceCount(); j++) {
            addScaled(integral, ratios[j + 1] - ratios[j], j);
        }
        double[] attributions = scaleByDirection(integral);
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
        int count = method.gradientCount(m);
        double[] sum = new double[width];
        int piece = -1;
        double weight = 0;
        for (int s = 0; s < count; s++) {
            int j = pieceAt(method.ratio(s, m));
            if (j != piece) {
                if (piece >= 0) {
                    addScaled(sum, weight, piece);
                }
                piece = j;
                weight = 0;
            }
            weight += method.weight(s, m);
        }
        addScaled(sum, weight, piece);
        return scaleByDirection(sum);
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

    private void addScaled(double[] target, double factor, int piece) {
        int offset = piece * width;
        for (int i = 0; i < width; i++) {
            target[i] += factor * gradients[offset + i];
        }
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
