package io.exactline.verifier.bounds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;

import io.exactline.core.layer.HardTanh;
import io.exactline.core.layer.LeakyRelu;
import io.exactline.core.layer.Relu;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;
import io.exactline.verifier.property.Box;

/**
 * Against the exact optimum: on one-input networks the true maximum of an output over an interval is computed
 * in rational arithmetic ({@link ExactSegmentMaximum}); every method's upper bound must reach it, and
 * back-substitution must on average leave less than half the gap to the optimum that intervals leave.
 */
class ExactMaximumTest {
    private static final BoundOptions[] METHODS = {BoundOptions.INTERVAL, BoundOptions.FORWARD,
        BoundOptions.BACKWARD, BoundOptions.FORWARD_BACKWARD, BoundOptions.FORWARD_BACKWARD.withAlphaSteps(8)};

    private final double[] gaps = new double[METHODS.length];

    @Test
    void theComparisonWorksAroundTheLibrarysSignBugForNegativeFractions() {
        BigFraction small = BigFraction.of(-589, 100);
        BigFraction large = BigFraction.of(-7, 10);
        assertThat(ExactSegmentMaximum.compare(large, small)).isPositive();
        assertThat(ExactSegmentMaximum.compare(small, large)).isNegative();
        assertThat(ExactSegmentMaximum.compare(BigFraction.of(1, -2), BigFraction.of(-1, 3))).isNegative();
    }

    @Test
    void everyUpperBoundReachesTheExactMaximumOfReluNetworks() {
        Random random = new Random(17);
        for (int trial = 0; trial < 40; trial++) {
            Network network = TestNetworks.randomRelu(random, 3.0, 1, 8, 8, 8, 2);
            checkAgainstExact(network, random);
        }
        assertThat(gaps[2]).as("total gap of back-substitution vs intervals").isLessThan(0.5 * gaps[0]);
    }

    @Test
    void everyUpperBoundReachesTheExactMaximumWithLeakyReluAndHardTanh() {
        Random random = new Random(19);
        for (int trial = 0; trial < 30; trial++) {
            Network network = new Network(List.of(TestNetworks.randomDense(random, 3.0, 1, 6),
                    new LeakyRelu(Shape.vector(6), 0.2), TestNetworks.randomDense(random, 3.0, 6, 6),
                    new HardTanh(Shape.vector(6), -0.4, 0.6), TestNetworks.randomDense(random, 3.0, 6, 6),
                    new Relu(Shape.vector(6)), TestNetworks.randomDense(random, 3.0, 6, 2)), "mixed 1-d");
            checkAgainstExact(network, random);
        }
    }

    private void checkAgainstExact(Network network, Random random) {
        double a = random.nextDouble() * 2 - 1;
        double b = a + random.nextDouble() * 2;
        Box box = new Box(new double[] {a}, new double[] {b});
        BoundNetwork net = BoundNetwork.of(network);
        for (int output = 0; output < 2; output++) {
            BigFraction max = ExactSegmentMaximum.maximum(network, a, b, output);
            double[] objective = new double[2];
            objective[output] = 1;
            for (int method = 0; method < METHODS.length; method++) {
                BoundOptions options = METHODS[method];
                BoundComputer computer = new BoundComputer(net, options);
                LayerBounds bounds = computer.bounds(box, PartialPattern.free(net)).orElseThrow();
                double layerUpper = bounds.outputUpper(output);
                double objectiveUpper = computer.upperBound(bounds, objective);
                assertThat(ExactSegmentMaximum.compare(BigFraction.from(layerUpper), max))
                        .as("%s output %d upper bound %s vs exact maximum %s on [%s, %s]", options, output,
                                layerUpper, max.doubleValue(), a, b)
                        .isGreaterThanOrEqualTo(0);
                assertThat(ExactSegmentMaximum.compare(BigFraction.from(objectiveUpper), max))
                        .as("%s objective upper bound %s vs exact maximum %s", options, objectiveUpper,
                                max.doubleValue())
                        .isGreaterThanOrEqualTo(0);
                gaps[method] += objectiveUpper - max.doubleValue();
            }
        }
    }
}
