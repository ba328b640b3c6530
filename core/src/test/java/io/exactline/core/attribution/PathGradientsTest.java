package io.exactline.core.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.exactline.core.Vectors;
import io.exactline.core.line.ExactLine;
import io.exactline.core.line.LinePartition;
import io.exactline.core.network.Network;

class PathGradientsTest {
    private static final Network NETWORK = TestNetworks.randomRelu(21, 6, 30, 30, 20, 4);
    private static final double[] BASELINE = TestNetworks.randomPoint(new Random(21), 6);
    private static final double[] INPUT = TestNetworks.randomPoint(new Random(22), 6);

    private static PathGradients path(int output) {
        return IntegratedGradients.of(NETWORK).along(ExactLine.partition(NETWORK, BASELINE, INPUT), output);
    }

    /** The Riemann sum the textbook way: one back-propagation per sample point. */
    private static double[] naiveRiemann(RiemannMethod method, int m, int output) {
        double[] sum = new double[INPUT.length];
        for (int s = 0; s < method.gradientCount(m); s++) {
            double[] g = NETWORK.gradient(Vectors.interpolate(BASELINE, INPUT, method.ratio(s, m)), output);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += method.weight(s, m) * g[i];
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] *= INPUT[i] - BASELINE[i];
        }
        return sum;
    }

    @ParameterizedTest
    @EnumSource(RiemannMethod.class)
    void riemannSumsFromPiecesEqualSumsOfSampledGradients(RiemannMethod method) {
        PathGradients path = path(1);
        assertThat(path.pieceCount()).as("enough pieces to matter").isGreaterThan(10);

        for (int m : new int[] {1, 2, 3, 7, 20, 64, 301}) {
            assertThat(path.riemann(method, m)).as("%s with m = %d", method, m)
                    .containsExactly(naiveRiemann(method, m, 1), within(1e-12));
        }
    }

    @ParameterizedTest
    @EnumSource(RiemannMethod.class)
    void riemannTotalIsTheSumOfTheRiemannAttributions(RiemannMethod method) {
        PathGradients path = path(3);
        for (int m : new int[] {1, 5, 20, 99}) {
            double sum = 0;
            for (double a : path.riemann(method, m)) {
                sum += a;
            }
            assertThat(path.riemannTotal(method, m)).as("%s with m = %d", method, m).isCloseTo(sum, within(1e-12));
        }
    }

    @Test
    void everyPieceGradientIsTheNetworkGradientInsideThePiece() {
        PathGradients path = path(0);
        LinePartition partition = path.partition();
        for (int j = 0; j < path.pieceCount(); j++) {
            double t = partition.ratio(j) + 0.25 * (partition.ratio(j + 1) - partition.ratio(j));
            assertThat(path.gradient(j)).as("piece %d at t = %s", j, t)
                    .containsExactly(NETWORK.gradient(partition.inputAt(t), 0), within(1e-12));
        }
    }

    @Test
    void samplesLandInThePieceStartingAtOrBeforeThem() {
        PathGradients path = path(0);
        LinePartition partition = path.partition();
        int last = path.pieceCount() - 1;

        assertThat(path.pieceAt(0)).isZero();
        assertThat(path.pieceAt(1)).isEqualTo(last);
        assertThat(path.pieceAt(partition.ratio(1))).isEqualTo(1);
        assertThat(path.pieceAt(Math.nextDown(partition.ratio(1)))).isZero();
        assertThat(path.pieceAt(partition.ratio(last))).isEqualTo(last);
    }

    @Test
    void outputChangeIsTheChangeOfTheAttributedOutput() {
        PathGradients path = path(2);

        assertThat(path.outputChange())
                .isCloseTo(NETWORK.evaluate(INPUT)[2] - NETWORK.evaluate(BASELINE)[2], within(1e-12));
    }

    @Test
    void aSinglePieceSegmentIsExactForEveryRule() {
        Network linear = TestNetworks.randomRelu(5, 3, 2);
        PathGradients path = IntegratedGradients.of(linear)
                .along(ExactLine.partition(linear, new double[3], new double[] {1, 2, 3}), 1);
        double[] exact = path.exact().attributions();

        for (RiemannMethod method : RiemannMethod.values()) {
            assertThat(path.riemann(method, 3)).as("%s", method).containsExactly(exact, within(1e-15));
        }
    }
}
