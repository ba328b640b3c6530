package io.exactline.core.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.exactline.core.line.RandomNetworks.Activation;
import io.exactline.core.network.Network;

/**
 * The fast ExactLine (reused workspace, per-segment insertion, fused activations) against the straightforward
 * {@link ReferenceExactLine}: the same arithmetic in the same order, so the same doubles.
 */
class ExactLineFastPathTest {

    @ParameterizedTest
    @EnumSource(Activation.class)
    void fastPathGivesTheReferenceBreakpointsAndOutputs(Activation activation) {
        Random random = new Random(5 + activation.ordinal());
        for (int n = 0; n < 6; n++) {
            Network network = n % 3 == 0
                    ? RandomNetworks.denseWithScaling(random, activation, 4, 3, 20, 20, 20)
                    : RandomNetworks.dense(random, activation, 5, 5, 50, 50, 50, 50, 50, 50);
            for (int line = 0; line < 10; line++) {
                double[] a = RandomNetworks.gaussianPoint(random, network.inputSize());
                double[] b = RandomNetworks.gaussianPoint(random, network.inputSize());
                assertSame(ExactLine.partition(network, a, b), ReferenceExactLine.partition(network, a, b));
            }
        }
    }

    @Test
    void aLineAfterAMuchLongerOneIsUnaffectedByTheReusedBuffers() {
        Random random = new Random(3);
        Network wide = RandomNetworks.dense(random, Activation.RELU, 5, 5, 200, 200, 200);
        Network narrow = RandomNetworks.dense(random, Activation.RELU, 5, 2, 3);
        double[] a = RandomNetworks.gaussianPoint(random, 5);
        double[] b = RandomNetworks.gaussianPoint(random, 5);
        LinePartition longLine = ExactLine.partition(wide, a, b);
        LinePartition shortLine = ExactLine.partition(narrow, a, b);

        assertThat(longLine.pieceCount()).isGreaterThan(300);
        assertSame(shortLine, ReferenceExactLine.partition(narrow, a, b));
        assertSame(ExactLine.partition(wide, a, b), longLine);
    }

    @Test
    void partitionAllEqualsOneByOnePartitionsInOrder() {
        Random random = new Random(9);
        Network network = RandomNetworks.dense(random, Activation.RELU, 5, 5, 50, 50, 50, 50, 50, 50);
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            segments.add(new Segment(RandomNetworks.gaussianPoint(random, 5), RandomNetworks.gaussianPoint(random, 5)));
        }

        List<LinePartition> all = ExactLine.partitionAll(network, segments);

        assertThat(all).hasSize(segments.size());
        for (int i = 0; i < segments.size(); i++) {
            assertSame(all.get(i), ExactLine.partition(network, segments.get(i)));
        }
    }

    private static void assertSame(LinePartition actual, LinePartition expected) {
        assertThat(actual.ratios()).as("breakpoints of %s", expected).containsExactly(expected.ratios());
        for (int i = 0; i <= expected.pieceCount(); i++) {
            assertThat(actual.outputAtRatio(i)).as("output at t_%d of %s", i, expected)
                    .containsExactly(expected.outputAtRatio(i));
        }
    }
}
