package io.exactline.verifier.bounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.exactline.core.layer.Dense;
import io.exactline.core.layer.Relu;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;
import io.exactline.verifier.property.Box;

/**
 * Bounds worked out by hand on {@code y = relu(x1 + x2 + 1) - relu(x1 + x2 + 1)} over {@code [-1, 1]^2}, which
 * is 0 everywhere. Both units have pre-activation {@code z} in {@code [-1, 3]}. Intervals see {@code h} in
 * {@code [0, 3]} twice, so {@code y} in {@code [-3, 3]}. Back-substitution keeps {@code z} shared: the lower
 * bound uses {@code h1 >= z} (slope 1 as {@code 3 > 1}) and {@code h2 <= 3/4 z + 3/4}, so
 * {@code y >= z/4 - 3/4 >= -1}; symmetrically {@code y <= 1}.
 */
class HandComputedBoundsTest {
    private static final double TOLERANCE = 1e-12;

    private static Network network(double bias) {
        Dense first = new Dense(new double[][] {{1, 1}, {1, 1}}, new double[] {bias, bias});
        Dense second = new Dense(new double[][] {{1, -1}}, new double[] {0});
        return new Network(List.of(first, new Relu(Shape.vector(2)), second), "hand");
    }

    private static final Box BOX = new Box(new double[] {-1, -1}, new double[] {1, 1});

    @Test
    void intervalsGiveTheHullOfBothUnits() {
        BoundNetwork net = BoundNetwork.of(network(1));
        LayerBounds b = new BoundComputer(net, BoundOptions.INTERVAL).bounds(BOX, PartialPattern.free(net))
                .orElseThrow();
        assertThat(b.preActivationLower(0, 0)).isCloseTo(-1, within(TOLERANCE)).isLessThanOrEqualTo(-1);
        assertThat(b.preActivationUpper(0, 0)).isCloseTo(3, within(TOLERANCE)).isGreaterThanOrEqualTo(3);
        assertThat(b.outputLower(0)).isCloseTo(-3, within(TOLERANCE)).isLessThanOrEqualTo(-3);
        assertThat(b.outputUpper(0)).isCloseTo(3, within(TOLERANCE)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void backSubstitutionKeepsTheSharedPreActivation() {
        BoundNetwork net = BoundNetwork.of(network(1));
        BoundComputer computer = new BoundComputer(net, BoundOptions.BACKWARD);
        LayerBounds b = computer.bounds(BOX, PartialPattern.free(net)).orElseThrow();
        assertThat(b.outputLower(0)).isCloseTo(-1, within(TOLERANCE)).isLessThanOrEqualTo(-1);
        assertThat(b.outputUpper(0)).isCloseTo(1, within(TOLERANCE)).isGreaterThanOrEqualTo(1);
        ObjectiveBound objective = computer.lowerBound(b, new double[] {1});
        assertThat(objective.lower()).isCloseTo(-1, within(TOLERANCE)).isLessThanOrEqualTo(-1);
        assertThat(objective.inputCoefficients()).containsExactly(new double[] {0.25, 0.25}, within(TOLERANCE));
        assertThat(objective.candidate()).containsExactly(-1, -1);
        assertThat(computer.upperBound(b, new double[] {1})).isCloseTo(1, within(TOLERANCE));
    }

    @Test
    void theUpperChordOfTheSecondUnitIsWhatTheBoundPays() {
        BoundNetwork net = BoundNetwork.of(network(1));
        BoundComputer computer = new BoundComputer(net, BoundOptions.BACKWARD);
        LayerBounds b = computer.bounds(BOX, PartialPattern.free(net)).orElseThrow();
        ObjectiveBound objective = computer.lowerBound(b, new double[] {1});
        // mu = (1, -1); unit 1 uses h <= 3/4 z + 3/4, costing |-1 * 3/4|; unit 0's lower line has no offset.
        assertThat(objective.unitScore(0, 0)).isZero();
        assertThat(objective.unitScore(0, 1)).isCloseTo(0.75, within(TOLERANCE));
        assertThat(objective.bestUnitSplit()).contains(new ActivationUnit(0, 1));
    }

    @Test
    void fixingTheSecondUnitActiveMakesTheBoundExact() {
        BoundNetwork net = BoundNetwork.of(network(1));
        BoundComputer computer = new BoundComputer(net, BoundOptions.BACKWARD);
        PartialPattern pattern = PartialPattern.free(net).with(0, 1, 1).with(0, 0, 1);
        LayerBounds b = computer.bounds(BOX, pattern).orElseThrow();
        assertThat(b.preActivationLower(0, 1)).isZero();
        assertThat(b.outputLower(0)).isCloseTo(0, within(TOLERANCE));
        assertThat(b.outputUpper(0)).isCloseTo(0, within(TOLERANCE));
    }

    @Test
    void aUnitFixedActiveWhosePreActivationIsAlwaysNegativeVoidsTheSubProblem() {
        BoundNetwork net = BoundNetwork.of(network(-5));
        BoundComputer computer = new BoundComputer(net, BoundOptions.INTERVAL);
        assertThat(computer.bounds(BOX, PartialPattern.free(net).with(0, 0, 1))).isEmpty();
        assertThat(computer.bounds(BOX, PartialPattern.free(net).with(0, 0, 0))).isPresent();
    }
}
