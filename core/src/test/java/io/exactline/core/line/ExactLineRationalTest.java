package io.exactline.core.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.exactline.core.layer.AveragePool2d;
import io.exactline.core.layer.Dense;
import io.exactline.core.layer.Relu;
import io.exactline.core.layer.Sigmoid;
import io.exactline.core.layer.Window2d;
import io.exactline.core.line.RandomNetworks.Activation;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;
import io.exactline.core.network.UnsupportedNetworkException;

class ExactLineRationalTest {

    /** relu(3x - 1) + relu(-7x + 5): kinks at x = 1/3 and x = 5/7, neither a double. */
    private static Network thirdsAndSevenths() {
        Dense hidden = new Dense(new double[][] {{3}, {-7}}, new double[] {-1, 5});
        Dense output = new Dense(new double[][] {{1, 1}}, new double[] {0});
        return new Network(List.of(hidden, new Relu(Shape.vector(2)), output), "thirds and sevenths");
    }

    @Test
    void breakpointsAreExactRationals() {
        RationalLinePartition exact = ExactLineRational.partition(thirdsAndSevenths(), new double[] {0},
                new double[] {1});

        assertThat(exact.ratios()).containsExactly(BigFraction.ZERO, BigFraction.of(1, 3), BigFraction.of(5, 7),
                BigFraction.ONE);
        assertThat(exact.outputAtRatio(1)).containsExactly(BigFraction.of(8, 3));
        assertThat(exact.outputAtRatio(2)).containsExactly(BigFraction.of(8, 7));
    }

    @Test
    void doublePartitionOfTheHandCaseIsWithinRoundingOfTheExactOne() {
        Network network = thirdsAndSevenths();
        LinePartition approximate = ExactLine.partition(network, new double[] {0}, new double[] {1});

        PartitionComparison comparison = ExactLineRational.validate(approximate);

        assertThat(comparison.samePieceCount()).as("%s", comparison).isTrue();
        assertThat(comparison.breakpointDistance()).as("%s", comparison).isLessThan(1e-15);
        assertThat(comparison.agrees(1e-12, 1e-12)).as("%s", comparison).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void doublePartitionReproducesTheExactPartitionOnRandomNetworks(Activation activation) {
        Random random = new Random(41 + activation.ordinal());
        int pieces = 0;
        for (int n = 0; n < 4; n++) {
            Network network = n % 2 == 0
                    ? RandomNetworks.dense(random, activation, 3, 2, 10, 10)
                    : RandomNetworks.denseWithScaling(random, activation, 2, 3, 8, 8, 8);
            for (int line = 0; line < 4; line++) {
                double[] a = RandomNetworks.gaussianPoint(random, network.inputSize());
                double[] b = RandomNetworks.gaussianPoint(random, network.inputSize());
                LinePartition approximate = ExactLine.partition(network, a, b);
                RationalLinePartition exact = ExactLineRational.partition(network, a, b);
                PartitionComparison comparison = PartitionComparison.of(approximate, exact);
                double tolerance = PartitionProperties.tolerance(approximate);

                assertThat(comparison.samePieceCount() || comparison.shortestExactPiece() < 1e-12)
                        .as("pieces differ only by merged near-equal crossings: %s on %s", comparison, exact)
                        .isTrue();
                assertThat(comparison.agrees(1e-12, tolerance)).as("%s on %s", comparison, exact).isTrue();
                if (comparison.samePieceCount()) {
                    for (int i = 0; i < exact.pieceCount(); i++) {
                        assertThat(approximate.patternOf(i)).as("piece %d of %s", i, exact)
                                .isEqualTo(exact.patternOf(i));
                    }
                }
                pieces += exact.pieceCount();
            }
        }
        assertThat(pieces).as("the lines must cross units to test anything").isGreaterThan(16 * 3);
    }

    @Test
    void doublePartitionReproducesTheExactPartitionThroughConvolutionAndMaxPooling() {
        Random random = new Random(61);
        int pieces = 0;
        for (int n = 0; n < 3; n++) {
            Network network = RandomNetworks.convPool(random, 2, 4, 3, 3);
            for (int line = 0; line < 3; line++) {
                double[] a = RandomNetworks.gaussianPoint(random, network.inputSize());
                double[] b = RandomNetworks.gaussianPoint(random, network.inputSize());
                LinePartition approximate = ExactLine.partition(network, a, b);
                RationalLinePartition exact = ExactLineRational.partition(network, a, b);
                PartitionComparison comparison = PartitionComparison.of(approximate, exact);

                assertThat(comparison.samePieceCount()).as("%s on %s", comparison, exact).isTrue();
                assertThat(comparison.agrees(1e-12, PartitionProperties.tolerance(approximate)))
                        .as("%s on %s", comparison, exact).isTrue();
                for (int i = 0; i < exact.pieceCount(); i++) {
                    assertThat(approximate.patternOf(i)).as("piece %d of %s", i, exact).isEqualTo(exact.patternOf(i));
                }
                pieces += exact.pieceCount();
            }
        }
        assertThat(pieces).as("the lines must cross units and switch argmaxes").isGreaterThan(9 * 5);
    }

    @Test
    void averagePoolingIsRefusedAsNotExactlyRepresentable() {
        Network network = new Network(List.of(new AveragePool2d(Shape.of(1, 3, 3), Window2d.of(3, 3), true)),
                "average");

        assertThatThrownBy(() -> ExactLineRational.partition(network, new double[9], new double[9]))
                .isInstanceOf(UnsupportedNetworkException.class).hasMessageContaining("AveragePool2d");
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void exactPiecesAreAffineAndAdjacentOnesDifferInPattern(Activation activation) {
        Random random = new Random(77 + activation.ordinal());
        Network network = RandomNetworks.denseWithScaling(random, activation, 3, 2, 8, 8);
        for (int line = 0; line < 3; line++) {
            RationalLinePartition exact = ExactLineRational.partition(network,
                    RandomNetworks.gaussianPoint(random, 3), RandomNetworks.gaussianPoint(random, 3));
            for (int i = 0; i < exact.pieceCount(); i++) {
                BigFraction midpoint = exact.ratio(i).add(exact.ratio(i + 1)).divide(2);
                BigFraction[] atMidpoint = exact.evaluateAt(midpoint);
                BigFraction[] start = exact.outputAtRatio(i);
                BigFraction[] end = exact.outputAtRatio(i + 1);
                for (int k = 0; k < atMidpoint.length; k++) {
                    assertThat(atMidpoint[k]).as("output %d at the midpoint of piece %d of %s", k, i, exact)
                            .isEqualTo(start[k].add(end[k]).divide(2));
                }
                assertThat(exact.evaluateAt(exact.ratio(i))).as("output at t_%d of %s", i, exact)
                        .containsExactly(start);
                if (i > 0) {
                    assertThat(exact.patternOf(i)).as("pieces %d and %d of %s", i - 1, i, exact)
                            .isNotEqualTo(exact.patternOf(i - 1));
                }
            }
        }
    }

    @Test
    void validationFlagsAPartitionThatMissesABreakpoint() {
        Network network = thirdsAndSevenths();
        LinePartition right = ExactLine.partition(network, new double[] {0}, new double[] {1});
        double[] ratios = {0, right.ratio(1), 1};
        double[] outputs = new double[3];
        outputs[0] = right.outputAtRatio(0)[0];
        outputs[1] = right.outputAtRatio(1)[0];
        outputs[2] = right.outputAtRatio(3)[0];
        LinePartition missing = new LinePartition(network, new double[] {0}, new double[] {1}, ratios, outputs);

        PartitionComparison comparison = ExactLineRational.validate(missing);

        assertThat(comparison.samePieceCount()).isFalse();
        assertThat(comparison.breakpointDistance()).as("%s", comparison).isCloseTo(2.0 / 7, within(1e-12));
        assertThat(comparison.agrees(1e-12, 1e-12)).isFalse();
    }

    @Test
    void validationFlagsWrongOutputs() {
        Network network = thirdsAndSevenths();
        LinePartition right = ExactLine.partition(network, new double[] {0}, new double[] {1});
        double[] outputs = new double[right.pieceCount() + 1];
        for (int i = 0; i < outputs.length; i++) {
            outputs[i] = right.outputAtRatio(i)[0] + (i == 2 ? 1e-6 : 0);
        }
        LinePartition shifted = new LinePartition(network, new double[] {0}, new double[] {1}, right.ratios(),
                outputs);

        PartitionComparison comparison = ExactLineRational.validate(shifted);

        assertThat(comparison.outputError()).as("%s", comparison).isCloseTo(1e-6, within(1e-12));
        assertThat(comparison.agrees(1e-12, 1e-9)).isFalse();
    }

    @Test
    void singlePointSegmentIsOneExactPiece() {
        double[] x = {0.4};
        RationalLinePartition exact = ExactLineRational.partition(thirdsAndSevenths(), x, x);

        assertThat(exact.pieceCount()).isEqualTo(1);
        assertThat(exact.outputAtRatio(0)).containsExactly(exact.outputAtRatio(1));
        assertThat(Arrays.stream(exact.outputAtRatio(0)).mapToDouble(BigFraction::doubleValue).toArray())
                .containsExactly(thirdsAndSevenths().evaluate(x));
    }

    @Test
    void smoothLayersAreRejected() {
        Network network = new Network(List.of(new Dense(new double[][] {{1}}, new double[] {0}),
                new Sigmoid(Shape.vector(1))), "sigmoid net");

        assertThatThrownBy(() -> ExactLineRational.partition(network, new double[] {0}, new double[] {1}))
                .isInstanceOf(UnsupportedNetworkException.class).hasMessageContaining("Sigmoid");
    }
}
