package io.exactline.core.line;

import java.util.List;
import java.util.stream.IntStream;

import io.exactline.core.BadInputException;
import io.exactline.core.network.Network;

/**
 * ExactLine (Sotoudeh and Thakur, "Computing Linear Restrictions of Neural Networks"): the exact partition of a
 * segment into the pieces on which a piecewise-linear network is affine.
 *
 * <p>The segment's image is carried through the network as sorted ratios {@code t_j} and the points at them. An
 * affine layer maps every point (the image of a segment under an affine map is the segment between the images of
 * its ends). A piecewise-linear layer first inserts, between every two consecutive points {@code p} and
 * {@code q}, the points at the ratios {@code r} where some unit changes piece (ReLU: {@code r = p_i / (p_i - q_i)}),
 * mapped back to the segment as {@code t = t_j + r (t_{j+1} - t_j)}, and then applies the layer to every point.
 * The inserted point is {@code p + r (q - p)}, interpolated at the crossing's own {@code r}, not re-evaluated at the
 * rounded {@code t}.
 *
 * <p><b>Near-equal crossings.</b> In double precision, crossings inside one segment whose ratios {@code t} round
 * to the same double are merged into one breakpoint (the point is interpolated at the smallest of their
 * {@code r}), and a crossing whose {@code t} rounds onto or outside the ends of its segment is dropped. So ratios
 * are strictly increasing and no piece has zero or negative length; the price is that a piece may hide a kink
 * within about one ulp of its ends, where the exact partition ({@link ExactLineRational}) has pieces shorter than
 * double precision can represent. A unit that only touches a breakpoint at an end of a segment, or sits on a
 * breakpoint all along it, adds nothing. {@link PartitionComparison} measures the distance to the exact partition.
 *
 * <p><b>Speed.</b> Each thread keeps a workspace of buffers reused from line to line, and each network is laid out
 * once for the inner loops (weights by column). Crossings are found and inserted segment by segment in order, not
 * by a global sort. Each piecewise-linear layer is fused with the affine layer after it, so points are not stored
 * at the width in between; dense and convolution layers skip the zero inputs that follow a ReLU. All of this
 * does the straightforward algorithm's arithmetic step for step, so networks without convolutions get exactly
 * its doubles. Where a ReLU feeds a convolution (whose first ReLU typically has thousands of crossings on one
 * segment), the points it inserts get the convolution's output by a sweep over the crossings (a few weight
 * columns per crossing) instead of a full convolution per point: which points are inserted is decided as in the
 * straightforward algorithm, and their values agree with it to rounding (about 1e-14 relative on the networks
 * tested), so breakpoints of later layers may move by rounding too. {@link #partitionAll} spreads many segments
 * over all cores.
 */
public final class ExactLine {
    private static final ThreadLocal<LineWorkspace> WORKSPACE = ThreadLocal.withInitial(() -> new LineWorkspace(true));

    private ExactLine() {
    }

    /**
     * Partitions the segment from {@code a} to {@code b}.
     *
     * @throws BadInputException if the points do not fit the network or are not finite, or if the network has a
     *         layer that is not piecewise linear
     */
    public static LinePartition partition(Network network, double[] a, double[] b) {
        network.requirePiecewiseLinear("ExactLine");
        network.checkInput(a, "segment start");
        network.checkInput(b, "segment end");
        return run(network, a, b);
    }

    /** Partitions {@code segment}, as {@link #partition(Network, double[], double[])}. */
    public static LinePartition partition(Network network, Segment segment) {
        return partition(network, segment.start(), segment.end());
    }

    /**
     * Partitions every segment, in parallel on the common fork-join pool (all cores); the result lists the
     * partitions in the order of {@code segments}.
     *
     * @throws BadInputException as {@link #partition(Network, double[], double[])}, naming the first bad segment,
     *         before any work is done
     */
    public static List<LinePartition> partitionAll(Network network, List<Segment> segments) {
        network.requirePiecewiseLinear("ExactLine");
        double[][] starts = new double[segments.size()][];
        double[][] ends = new double[segments.size()][];
        for (int i = 0; i < starts.length; i++) {
            Segment segment = segments.get(i);
            starts[i] = segment.start();
            ends[i] = segment.end();
            network.checkInput(starts[i], "segment " + i + " start");
            network.checkInput(ends[i], "segment " + i + " end");
        }
        LinePartition[] partitions = new LinePartition[starts.length];
        IntStream.range(0, starts.length).parallel().forEach(i -> partitions[i] = run(network, starts[i], ends[i]));
        return List.of(partitions);
    }

    /**
     * Runs one line on this thread's workspace. A {@link io.exactline.core.layer.Parallel} layer partitions its
     * branches while the outer line still holds the workspace; such a nested line gets a workspace of its own.
     */
    private static LinePartition run(Network network, double[] a, double[] b) {
        LineWorkspace workspace = WORKSPACE.get();
        if (workspace.busy()) {
            return new LineWorkspace(true).partition(network, a, b);
        }
        LinePartition partition = workspace.partition(network, a, b);
        if (workspace.oversized()) {
            WORKSPACE.remove();
        }
        return partition;
    }
}
