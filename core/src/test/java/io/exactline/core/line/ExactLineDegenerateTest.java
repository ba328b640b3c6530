package io.exactline.core.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;

import io.exactline.core.layer.Dense;
import io.exactline.core.layer.HardTanh;
import io.exactline.core.layer.Layer;
import io.exactline.core.layer.MaxPool2d;
import io.exactline.core.layer.Relu;
import io.exactline.core.layer.Window2d;
import io.exactline.core.line.RandomNetworks.Activation;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;

/** Segments where crossings coincide, vanish or sit at the ends, checked against hand-derived and exact truth. */
class ExactLineDegenerateTest {

    private static Network network(String name, Layer... layers) {
        return new Network(List.of(layers), name);
    }

    private static Dense dense(double[][] weights, double... bias) {
        return new Dense(weights, bias);
    }

    /** The double partition, checked for exactness and against the exact-rational one. */
    private static LinePartition partition(Network network, double[] a, double[] b) {
        LinePartition partition = ExactLine.partition(network, a, b);
        PartitionProperties.assertExact(partition, 10_000);
        PartitionComparison comparison = ExactLineRational.validate(partition);
        assertThat(comparison.samePieceCount()).as("%s for %s", comparison, partition).isTrue();
        assertThat(comparison.agrees(1e-15, 1e-14)).as("%s for %s", comparison, partition).isTrue();
        return partition;
    }

    @Test
    void singlePointSegmentIsOnePieceWithTheNetworkOutput() {
        Random random = new Random(1);
        Network network = RandomNetworks.dense(random, Activation.MIXED, 4, 3, 20, 20, 20);
        double[] x = RandomNetworks.gaussianPoint(random, 4);

        LinePartition partition = ExactLine.partition(network, x, x.clone());

        assertThat(partition.ratios()).containsExactly(0.0, 1.0);
        assertThat(partition.outputAtRatio(0)).containsExactly(network.evaluate(x));
        assertThat(partition.outputAtRatio(1)).containsExactly(network.evaluate(x));
        assertThat(ExactLineRational.partition(network, x, x).pieceCount()).isEqualTo(1);
    }

    @Test
    void unitZeroAlongTheWholeLineAddsNoBreakpoint() {
        // Unit 0 is x1 - x2, exactly 0 on the diagonal; unit 1 is x1 + x2 - 1, crossing at x = (1/2, 1/2).
        // Layer 2: unit 0 is h0, identically 0; unit 1 is h1 - h1 from two copies of it, identically 0 too.
        Network network = network("hyperplane",
                dense(new double[][] {{1, -1}, {1, 1}, {1, 1}}, 0, -1, -1), new Relu(Shape.vector(3)),
                dense(new double[][] {{1, 0, 0}, {0, 1, -1}}, 0, 0), new Relu(Shape.vector(2)),
                dense(new double[][] {{1, 1}, {2, -1}}, 0, 0.5));

        LinePartition partition = partition(network, new double[] {0.25, 0.25}, new double[] {2, 2});

        assertThat(partition.ratios()).containsExactly(new double[] {0, 1.0 / 7, 1}, within(1e-16));
        for (int i = 0; i < partition.pieceCount(); i++) {
            assertThat(partition.patternOf(i).state(0, 0)).as("unit on its hyperplane, piece %d", i).isZero();
            assertThat(partition.patternOf(i).states(1)).as("layer 2, piece %d", i).containsExactly(0, 0);
        }
    }

    @Test
    void unitsCrossingAtOneRatioMakeOneBreakpoint() {
        // x1 - 1/2, x2 - 1/2 and x1 + x2 - 1 all cross at t = 1/2 on the diagonal.
        Network network = network("three at once",
                dense(new double[][] {{1, 0}, {0, 1}, {1, 1}}, -0.5, -0.5, -1), new Relu(Shape.vector(3)),
                dense(new double[][] {{1, -2, 3}}, 0.25));

        LinePartition partition = partition(network, new double[] {0, 0}, new double[] {1, 1});

        assertThat(partition.ratios()).containsExactly(0, 0.5, 1);
        assertThat(partition.patternOf(0).hammingDistance(partition.patternOf(1))).isEqualTo(3);
    }

    @Test
    void crossingInALaterLayerAtAnEarlierBreakpointAddsNoPiece() {
        // Layer 1: h0 = relu(x - 1/2), h1 = relu(1/2 - x), breakpoint at x = 1/2.
        // Layer 2: h0 - h1 = x - 1/2 crosses 0 exactly at that breakpoint, h0 + h1 - 1/4 elsewhere (x = 1/4, 3/4).
        Network network = network("coinciding layers",
                dense(new double[][] {{1}, {-1}}, -0.5, 0.5), new Relu(Shape.vector(2)),
                dense(new double[][] {{1, -1}, {1, 1}}, 0, -0.25), new Relu(Shape.vector(2)),
                dense(new double[][] {{1, 1}}, 0));

        LinePartition partition = partition(network, new double[] {0}, new double[] {1});

        assertThat(partition.ratios()).containsExactly(0, 0.25, 0.5, 0.75, 1);
    }

    @Test
    void segmentStartingOrEndingOnABreakpointHasNoEmptyPiece() {
        // Units x - 1/2 and 2x - 1 are both 0 at x = 1/2; unit -x + 3/4 crosses at x = 3/4.
        Network network = network("from a breakpoint",
                dense(new double[][] {{1}, {2}, {-1}}, -0.5, -1, 0.75), new Relu(Shape.vector(3)),
                dense(new double[][] {{1, -1, 1}}, 0));

        assertThat(partition(network, new double[] {0.5}, new double[] {1}).ratios()).containsExactly(0, 0.5, 1);
        assertThat(partition(network, new double[] {1}, new double[] {0.5}).ratios()).containsExactly(0, 0.5, 1);
        assertThat(partition(network, new double[] {0}, new double[] {0.5}).ratios()).containsExactly(0, 1);
        assertThat(partition(network, new double[] {0.5}, new double[] {0.75}).ratios()).containsExactly(0, 1);
        assertThat(partition(network, new double[] {0.5}, new double[] {0.5}).ratios()).containsExactly(0, 1);
    }

    @Test
    void hardTanhBreaksAtBothThresholds() {
        Network network = network("hard tanh",
                dense(new double[][] {{1}, {-1}, {2}}, 0, 0, 0), HardTanh.standard(Shape.vector(3)),
                dense(new double[][] {{1, 0.5, 0.25}}, 0));

        // x from -2 to 2: x and -x hit -1 and 1 at x = -1, 1 (t = 1/4, 3/4); 2x at x = -1/2, 1/2 (t = 3/8, 5/8).
        LinePartition across = partition(network, new double[] {-2}, new double[] {2});
        assertThat(across.ratios()).containsExactly(0, 0.25, 0.375, 0.625, 0.75, 1);
        assertThat(across.patternOf(0).states(0)).containsExactly(0, 2, 0);
        assertThat(across.patternOf(2).states(0)).containsExactly(1, 1, 1);
        assertThat(across.patternOf(4).states(0)).containsExactly(2, 0, 2);

        // From one threshold to the other: only the inner unit 2x breaks.
        LinePartition between = partition(network, new double[] {-1}, new double[] {1});
        assertThat(between.ratios()).containsExactly(0, 0.25, 0.75, 1);
    }

    @Test
    void nearlyCoincidentCrossingsKeepPositiveLengths() {
        // Units x - c and x - c' with c' the next double above c: the exact partition has a piece of length
        // about 1e-16 between them, which double precision keeps or merges, never with zero length.
        double c = 0.3;
        double next = Math.nextUp(c);
        Network network = network("near-equal",
                dense(new double[][] {{1}, {1}}, -c, -next), new Relu(Shape.vector(2)),
                dense(new double[][] {{1, -1}}, 0));

        LinePartition partition = ExactLine.partition(network, new double[] {0}, new double[] {1});
        RationalLinePartition exact = ExactLineRational.partition(network, new double[] {0}, new double[] {1});

        PartitionProperties.assertRatiosIncrease(partition);
        assertThat(exact.pieceCount()).isEqualTo(3);
        assertThat(exact.ratio(1)).isEqualTo(BigFraction.from(c));
        assertThat(exact.ratio(2)).isEqualTo(BigFraction.from(next));
        PartitionComparison comparison = PartitionComparison.of(partition, exact);
        assertThat(comparison.agrees(1e-15, 1e-15)).as("%s", comparison).isTrue();
    }

    /** One 2x2 max-pool window over a [1, 2, 2] input, read out by a dense layer: f(x) = max(x). */
    private static Network maxOfFour() {
        MaxPool2d pool = new MaxPool2d(Shape.of(1, 2, 2), Window2d.of(2, 2));
        return network("max of four", pool, new Dense(new double[][] {{1}}, new double[] {0}, pool.outputShape()));
    }

    @Test
    void maxPoolTiedAlongTheWholeLineBreaksOnlyWhereAnotherElementOvertakes() {
        // x0 = x1 = 1 + t throughout (a tie that never resolves), x2 = 3t overtakes both at t = 1/2.
        LinePartition partition = partition(maxOfFour(), new double[] {1, 1, 0, 0}, new double[] {2, 2, 3, 0});

        assertThat(partition.ratios()).containsExactly(0, 0.5, 1);
        assertThat(partition.patternOf(0).states(0)).as("lowest position among the tied").containsExactly(0);
        assertThat(partition.patternOf(1).states(0)).containsExactly(2);
    }

    @Test
    void maxPoolElementsMeetingAtOnePointMakeOneBreakpoint() {
        // x0 = 1 - t, x1 = 1/2, x2 = t all equal 1/2 at t = 1/2; x1 only touches the maximum there.
        LinePartition partition = partition(maxOfFour(), new double[] {1, 0.5, 0, -1}, new double[] {0, 0.5, 1, -1});

        assertThat(partition.ratios()).containsExactly(0, 0.5, 1);
        assertThat(partition.patternOf(0).states(0)).containsExactly(0);
        assertThat(partition.patternOf(1).states(0)).containsExactly(2);
    }

    @Test
    void maxPoolSegmentStartingOrEndingInATieHasNoEmptyPiece() {
        // x0 = 1 - t and x1 = 1 + t tie at t = 0 only; x1 is the maximum on the whole open segment.
        LinePartition fromTie = partition(maxOfFour(), new double[] {1, 1, 0, 0}, new double[] {0, 2, 0, 0});
        LinePartition toTie = partition(maxOfFour(), new double[] {0, 2, 0, 0}, new double[] {1, 1, 0, 0});

        assertThat(fromTie.ratios()).containsExactly(0, 1);
        assertThat(fromTie.patternOf(0).states(0)).containsExactly(1);
        assertThat(toTie.ratios()).containsExactly(0, 1);
        assertThat(toTie.patternOf(0).states(0)).containsExactly(1);
    }
}
