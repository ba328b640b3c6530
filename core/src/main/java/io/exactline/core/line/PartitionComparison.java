package io.exactline.core.line;

import java.util.Arrays;

import org.apache.commons.numbers.fraction.BigFraction;

/**
 * How far a double-precision {@link LinePartition} is from the exact {@link RationalLinePartition} of the same
 * segment.
 *
 * <p>{@code breakpointDistance} is the Hausdorff distance, in {@code t}, between the two sets of interior
 * breakpoints: every interior exact breakpoint lies within it of a double breakpoint and vice versa (the ends 0
 * and 1 count as breakpoints to be near). When the double partition has fewer pieces but a small distance, it
 * merged exact breakpoints closer than about that distance (the policy in {@link ExactLine});
 * {@code shortestExactPiece} shows how close they were. {@code outputError} is the largest difference between a
 * double output at a double breakpoint {@code t} and the exact network output at that same {@code t} (taken
 * exactly).
 *
 * @param doublePieces number of pieces of the double partition
 * @param exactPieces number of pieces of the exact partition
 * @param breakpointDistance Hausdorff distance between the interior breakpoints, in {@code t}
 * @param shortestExactPiece length of the shortest exact piece, rounded to a double
 * @param outputError largest absolute output difference at the double breakpoints
 */
public record PartitionComparison(int doublePieces, int exactPieces, double breakpointDistance,
        double shortestExactPiece, double outputError) {

    /** Compares {@code approximate} with {@code exact}; both must partition the same segment of one network. */
    public static PartitionComparison of(LinePartition approximate, RationalLinePartition exact) {
        if (approximate.network() != exact.network() || !Arrays.equals(approximate.start(), exact.start())
                || !Arrays.equals(approximate.end(), exact.end())) {
            throw new IllegalArgumentException("cannot compare partitions of different segments or networks: "
                    + approximate + " and " + exact);
        }
        double[] doubleRatios = approximate.ratios();
        double[] exactRatios = new double[exact.pieceCount() + 1];
        double shortest = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= exact.pieceCount(); i++) {
            exactRatios[i] = exact.ratio(i).doubleValue();
            if (i > 0) {
                shortest = Math.min(shortest, exact.ratio(i).subtract(exact.ratio(i - 1)).doubleValue());
            }
        }
        double distance = Math.max(oneSidedDistance(doubleRatios, exactRatios),
                oneSidedDistance(exactRatios, doubleRatios));
        double outputError = 0;
        for (int i = 0; i < doubleRatios.length; i++) {
            BigFraction[] truth = exact.evaluateAt(BigFraction.from(doubleRatios[i]));
            double[] reported = approximate.outputAtRatio(i);
            for (int k = 0; k < reported.length; k++) {
                outputError = Math.max(outputError, BigFraction.from(reported[k]).subtract(truth[k]).abs()
                        .doubleValue());
            }
        }
        return new PartitionComparison(approximate.pieceCount(), exact.pieceCount(), distance, shortest, outputError);
    }

    /**
     * Whether the double partition is the exact one up to the tolerances: breakpoints within
     * {@code breakpointTolerance} of each other both ways, and outputs within {@code outputTolerance}.
     */
    public boolean agrees(double breakpointTolerance, double outputTolerance) {
        return breakpointDistance <= breakpointTolerance && outputError <= outputTolerance;
    }

    /** Whether both partitions have the same number of pieces. */
    public boolean samePieceCount() {
        return doublePieces == exactPieces;
    }

    /**
     * The largest distance from an interior breakpoint of {@code from} to the nearest breakpoint of {@code to},
     * ends included (a crossing that rounds onto an end of the segment is dropped, see {@link ExactLine}).
     */
    private static double oneSidedDistance(double[] from, double[] to) {
        double worst = 0;
        for (int i = 1; i + 1 < from.length; i++) {
            double t = from[i];
            int found = Arrays.binarySearch(to, t);
            if (found >= 0) {
                continue;
            }
            int above = -found - 1;
            double nearest = Double.POSITIVE_INFINITY;
            if (above > 0) {
                nearest = t - to[above - 1];
            }
            if (above < to.length) {
                nearest = Math.min(nearest, to[above] - t);
            }
            worst = Math.max(worst, nearest);
        }
        return worst;
    }
}
