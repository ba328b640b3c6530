package io.exactline.core.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.exactline.core.line.RandomNetworks.Activation;
import io.exactline.core.network.Network;

/**
 * The fast ExactLine against the straightforward {@link ReferenceExactLine}. Its kernels (reused workspace,
 * per-segment insertion, fused activations, column-wise dense and convolution products) do the reference's
 * arithmetic in the same order, so they must give the same doubles; sweeping the crossings before a convolution
 * computes inserted points from segment ends and crossing columns instead, which must agree to rounding.
 */
class ExactLineFastPathTest {

    @ParameterizedTest
    @EnumSource(Activation.class)
    void fullyConnectedLinesAreTheReferenceDoubles(Activation activation) {
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
    void convolutionKernelsWithoutSweepingGiveTheReferenceDoubles() {
        Random random = new Random(15);
        LineWorkspace workspace = new LineWorkspace(false);
        for (int n = 0; n < 4; n++) {
            Network network = n % 2 == 0 ? RandomNetworks.convStack(random, 2, 6, 4, 3)
                    : RandomNetworks.convPool(random, 2, 6, 4, 3);
            for (int line = 0; line < 5; line++) {
                double[] a = RandomNetworks.gaussianPoint(random, network.inputSize());
                double[] b = RandomNetworks.gaussianPoint(random, network.inputSize());
                assertSame(workspace.partition(network, a, b), ReferenceExactLine.partition(network, a, b));
            }
        }
    }

    @Test
    void sweepingBeforeAConvolutionGivesTheReferenceBreakpointsTo1eMinus12() {
        Random random = new Random(16);
        int pieces = 0;
        for (int n = 0; n < 4; n++) {
            Network network = RandomNetworks.convStack(random, 2, 6, 4, 3);
            for (int line = 0; line < 5; line++) {
                double[] a = RandomNetworks.gaussianPoint(random, network.inputSize());
                double[] b = RandomNetworks.gaussianPoint(random, network.inputSize());
                LinePartition swept = ExactLine.partition(network, a, b);
                assertClose(swept, ReferenceExactLine.partition(network, a, b));
                PartitionProperties.assertExact(swept, 1_000);
                pieces += swept.pieceCount();
            }
        }
        assertThat(pieces).as("the first ReLU must cross often for the sweep to matter").isGreaterThan(20 * 30);
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

    /**
     * The same pieces up to rounding: breakpoints within 1e-12 and outputs within 1e-12 relative to the largest
     * output; or, if a near-equal pair of crossings was kept by one and merged by the other, every breakpoint of
     * each within 1e-12 of one of the other.
     */
    static void assertClose(LinePartition actual, LinePartition expected) {
        double[] t = actual.ratios();
        double[] u = expected.ratios();
        if (t.length != u.length) {
            assertThat(Math.max(hausdorff(t, u), hausdorff(u, t))).as("breakpoints of %s and %s", actual, expected)
                    .isLessThanOrEqualTo(1e-12);
            return;
        }
        double scale = 1 + largestOutput(expected);
        for (int i = 0; i < t.length; i++) {
            assertThat(t[i]).as("t_%d of %s", i, expected).isCloseTo(u[i], within(1e-12));
            double[] y = actual.outputAtRatio(i);
            double[] z = expected.outputAtRatio(i);
            for (int k = 0; k < y.length; k++) {
                assertThat(y[k]).as("output %d at t_%d of %s", k, i, expected).isCloseTo(z[k], within(1e-12 * scale));
            }
        }
    }

    private static double hausdorff(double[] from, double[] to) {
        double worst = 0;
        for (double t : from) {
            double nearest = Double.POSITIVE_INFINITY;
            for (double s : to) {
                nearest = Math.min(nearest, Math.abs(t - s));
            }
            worst = Math.max(worst, nearest);
        }
        return worst;
    }

    private static double largestOutput(LinePartition partition) {
        double largest = 0;
        for (int i = 0; i <= partition.pieceCount(); i++) {
            for (double y : partition.outputAtRatio(i)) {
                largest = Math.max(largest, Math.abs(y));
            }
        }
        return largest;
    }

    /** The same doubles: breakpoints and outputs. */
    static void assertSame(LinePartition actual, LinePartition expected) {
        assertThat(actual.ratios()).as("breakpoints of %s", expected).containsExactly(expected.ratios());
        for (int i = 0; i <= expected.pieceCount(); i++) {
            assertThat(actual.outputAtRatio(i)).as("output at t_%d of %s", i, expected)
                    .containsExactly(expected.outputAtRatio(i));
        }
    }
}
