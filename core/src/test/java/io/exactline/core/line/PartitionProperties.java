package io.exactline.core.line;

import static org.assertj.core.api.Assertions.fail;

import java.util.Arrays;

import io.exactline.core.network.Network;

/**
 * Checks a {@link LinePartition} against direct evaluation of its network, the independent truth: what must
 * hold for the partition to be the exact one. Every failure names the segment, the piece and the values.
 */
final class PartitionProperties {
    /** Agreement asked of outputs, relative to the largest output magnitude on the segment (plus one). */
    static final double RELATIVE = 1e-9;

    private PartitionProperties() {
    }

    /** All checks below, with {@code samples} evenly spread sample points. */
    static void assertExact(LinePartition partition, int samples) {
        assertRatiosIncrease(partition);
        assertOutputsAtRatiosAreEvaluations(partition);
        assertAffineAtMidpoints(partition);
        ActivationPattern[] patterns = patterns(partition);
        assertAdjacentPatternsDiffer(partition, patterns);
        assertNoKinkInsidePieces(partition, patterns, samples);
    }

    /** The pattern of every piece, read at its midpoint. */
    static ActivationPattern[] patterns(LinePartition partition) {
        ActivationPattern[] patterns = new ActivationPattern[partition.pieceCount()];
        for (int i = 0; i < patterns.length; i++) {
            patterns[i] = partition.patternOf(i);
        }
        return patterns;
    }

    /** {@code 0 = t_0 < t_1 < ... < t_k = 1}. */
    static void assertRatiosIncrease(LinePartition partition) {
        double[] t = partition.ratios();
        if (t[0] != 0.0 || t[t.length - 1] != 1.0) {
            fail("ratios must run from 0 to 1: %s on %s", Arrays.toString(t), describe(partition));
        }
        for (int i = 0; i + 1 < t.length; i++) {
            if (!(t[i] < t[i + 1])) {
                fail("piece %d has length %s <= 0 (t = %s, %s) on %s", i, t[i + 1] - t[i], t[i], t[i + 1],
                        describe(partition));
            }
        }
    }

    /** The output at every {@code t_i} equals the network evaluated at {@code a + t_i (b - a)}. */
    static void assertOutputsAtRatiosAreEvaluations(LinePartition partition) {
        double tolerance = tolerance(partition);
        for (int i = 0; i <= partition.pieceCount(); i++) {
            double t = partition.ratio(i);
            double[] direct = partition.network().evaluate(partition.inputAt(t));
            double[] reported = partition.outputAtRatio(i);
            if (distance(direct, reported) > tolerance) {
                fail("output at t_%d = %s is %s but the network gives %s (tolerance %s) on %s", i, t,
                        Arrays.toString(reported), Arrays.toString(direct), tolerance, describe(partition));
            }
        }
    }

    /** At every piece midpoint the network equals the mean of the piece's end outputs. */
    static void assertAffineAtMidpoints(LinePartition partition) {
        double tolerance = tolerance(partition);
        for (int i = 0; i < partition.pieceCount(); i++) {
            Piece piece = partition.piece(i);
            double[] direct = partition.network().evaluate(partition.midpointOf(i));
            double[] interpolated = piece.outputAtMidpoint();
            if (distance(direct, interpolated) > tolerance) {
                fail("piece %d [%s, %s] is not affine: midpoint output %s, interpolation %s on %s", i,
                        piece.tStart(), piece.tEnd(), Arrays.toString(direct), Arrays.toString(interpolated),
                        describe(partition));
            }
        }
    }

    /** Two consecutive pieces are on different activation patterns, or there would be no breakpoint. */
    static void assertAdjacentPatternsDiffer(LinePartition partition, ActivationPattern[] patterns) {
        for (int i = 0; i + 1 < patterns.length; i++) {
            if (patterns[i].equals(patterns[i + 1])) {
                fail("pieces %d and %d (breakpoint t = %s) share the pattern %s on %s", i, i + 1,
                        partition.ratio(i + 1), patterns[i], describe(partition));
            }
        }
    }

    /**
     * At {@code samples} points spread evenly over the segment, the network equals the interpolation within the
     * piece holding the point, and, away from the piece's ends, is on the piece's activation pattern.
     */
    static void assertNoKinkInsidePieces(LinePartition partition, ActivationPattern[] patterns, int samples) {
        Network network = partition.network();
        double tolerance = tolerance(partition);
        double[] ratios = partition.ratios();
        for (int s = 0; s < samples; s++) {
            double t = (s + 0.5) / samples;
            int i = pieceHolding(ratios, t);
            Piece piece = partition.piece(i);
            double[] x = partition.inputAt(t);
            double[] direct = network.evaluate(x);
            double[] interpolated = piece.outputAt(t);
            if (distance(direct, interpolated) > tolerance) {
                fail("kink inside piece %d [%s, %s]: at t = %s the network gives %s, the piece %s on %s", i,
                        piece.tStart(), piece.tEnd(), t, Arrays.toString(direct), Arrays.toString(interpolated),
                        describe(partition));
            }
            double margin = 1e-9 * (piece.tEnd() - piece.tStart());
            if (t - piece.tStart() > margin && piece.tEnd() - t > margin) {
                ActivationPattern here = ActivationPattern.at(network, x);
                if (!here.equals(patterns[i])) {
                    fail("pattern changes inside piece %d [%s, %s]: %s at t = %s, %s at its midpoint on %s", i,
                            piece.tStart(), piece.tEnd(), here, t, patterns[i], describe(partition));
                }
            }
        }
    }

    /** The piece {@code [t_i, t_{i+1}]} with {@code t_i <= t < t_{i+1}} (the last piece for {@code t = 1}). */
    static int pieceHolding(double[] ratios, double t) {
        int found = Arrays.binarySearch(ratios, t);
        int i = found >= 0 ? found : -found - 2;
        return Math.min(Math.max(i, 0), ratios.length - 2);
    }

    /** {@link #RELATIVE} times one plus the largest output magnitude at the breakpoints. */
    static double tolerance(LinePartition partition) {
        double largest = 0;
        for (int i = 0; i <= partition.pieceCount(); i++) {
            for (double y : partition.outputAtRatio(i)) {
                largest = Math.max(largest, Math.abs(y));
            }
        }
        return RELATIVE * (1 + largest);
    }

    private static double distance(double[] x, double[] y) {
        double d = 0;
        for (int i = 0; i < x.length; i++) {
            d = Math.max(d, Math.abs(x[i] - y[i]));
        }
        return d;
    }

    private static String describe(LinePartition partition) {
        return partition.network().source() + " from " + Arrays.toString(partition.start()) + " to "
                + Arrays.toString(partition.end()) + " (" + partition.pieceCount() + " pieces)";
    }
}
