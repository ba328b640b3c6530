package io.exactline.verifier.bounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.exactline.core.BadInputException;
import io.exactline.core.layer.Dense;
import io.exactline.core.layer.Relu;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;
import io.exactline.verifier.property.Box;

/** The pieces branch and bound uses to split: boxes, patterns, stability, split scores. */
class BranchingApiTest {

    @Test
    void bisectingABoxCoversItWithTwoHalvesThatShareTheMidpoint() {
        Box box = new Box(new double[] {0, -1}, new double[] {1, 3});
        Box[] halves = box.bisect(1);
        assertThat(halves[0].upper(1)).isEqualTo(1.0).isEqualTo(halves[1].lower(1));
        assertThat(halves[0].lower(1)).isEqualTo(-1.0);
        assertThat(halves[1].upper(1)).isEqualTo(3.0);
        assertThat(box.contains(halves[0])).isTrue();
        assertThat(halves[0].contains(box)).isFalse();
        Box thin = new Box(new double[] {1.0}, new double[] {Math.nextUp(1.0)});
        assertThat(thin.canBisect(0)).isFalse();
        assertThat(box.canBisect(0)).isTrue();
    }

    @Test
    void boxesRejectNonFiniteOrEmptyIntervalsWithTheIndex() {
        assertThatThrownBy(() -> new Box(new double[] {0, 2}, new double[] {1, 1}))
                .isInstanceOf(BadInputException.class).hasMessageContaining("bound 1");
        assertThatThrownBy(() -> new Box(new double[] {Double.NaN}, new double[] {1}))
                .isInstanceOf(BadInputException.class).hasMessageContaining("finite");
    }

    @Test
    void patternsCountTheirFixedUnitsAndCopyOnWrite() {
        PartialPattern free = PartialPattern.free(3, 2);
        PartialPattern one = free.with(0, 2, 1);
        PartialPattern two = one.with(1, 0, 0);
        assertThat(free.fixedCount()).isZero();
        assertThat(one.fixedCount()).isEqualTo(1);
        assertThat(two.fixedCount()).isEqualTo(2);
        assertThat(free.isFixed(0, 2)).isFalse();
        assertThat(two.state(0, 2)).isEqualTo(1);
        assertThat(two.with(0, 2, PartialPattern.FREE).fixedCount()).isEqualTo(1);
        assertThat(one).isEqualTo(free.with(0, 2, 1)).isNotEqualTo(free);
    }

    /** {@code z_0 = x}, {@code z_1 = 2x - 3}, {@code z_2 = x + 5} over {@code x} in {@code [-1, 2]}. */
    private static BoundNetwork threeUnits() {
        Network network = new Network(List.of(new Dense(new double[][] {{1}, {2}, {1}}, new double[] {0, -3, 5}),
                new Relu(Shape.vector(3)), new Dense(new double[][] {{1, -1, 1}}, new double[] {0})), "three");
        return BoundNetwork.of(network);
    }

    @Test
    void stabilityFollowsTheSignOfThePreActivationBoundsAndThePattern() {
        BoundNetwork net = threeUnits();
        BoundComputer computer = new BoundComputer(net, BoundOptions.BACKWARD);
        Box box = new Box(new double[] {-1}, new double[] {2});
        LayerBounds b = computer.bounds(box, PartialPattern.free(net)).orElseThrow();
        assertThat(b.isStable(0, 0)).isFalse();
        assertThat(b.isStable(0, 1)).isFalse();
        assertThat(b.isStable(0, 2)).isTrue();
        assertThat(b.unstableCount()).isEqualTo(2);
        // z_1 spans [-5, 1] (width 6), z_0 spans [-1, 2] (width 3)
        assertThat(b.widestUnstable()).contains(new ActivationUnit(0, 1));
        LayerBounds fixed = computer.bounds(box, PartialPattern.free(net).with(0, 1, 0)).orElseThrow();
        assertThat(fixed.isStable(0, 1)).isTrue();
        assertThat(fixed.preActivationUpper(0, 1)).isZero();
        assertThat(fixed.widestUnstable()).contains(new ActivationUnit(0, 0));
    }

    @Test
    void inputSplitScoresFavourTheInputTheBoundDependsOn() {
        Random random = new Random(2);
        Network network = new Network(List.of(TestNetworks.randomDense(random, 1.0, 2, 8),
                new Relu(Shape.vector(8)),
                new Dense(new double[][] {{1, 1, 1, 1, 1, 1, 1, 1}}, new double[] {0})), "two inputs");
        double[][] w = ((Dense) network.layers().get(0)).weights();
        for (double[] row : w) {
            row[1] *= 1e-3;
        }
        network = new Network(List.of(new Dense(w, ((Dense) network.layers().get(0)).bias()),
                network.layers().get(1), network.layers().get(2)), "input 1 barely matters");
        BoundNetwork net = BoundNetwork.of(network);
        BoundComputer computer = new BoundComputer(net, BoundOptions.BACKWARD);
        Box box = new Box(new double[] {-1, -1}, new double[] {1, 1});
        ObjectiveBound bound = computer.lowerBound(box, PartialPattern.free(net), new double[] {1}).orElseThrow();
        assertThat(bound.bestInputSplit()).isZero();
        assertThat(bound.inputSplitScores()[0]).isGreaterThan(100 * bound.inputSplitScores()[1]);
        assertThat(box.contains(bound.candidate())).isTrue();
    }

    @Test
    void objectivesOfTheWrongLengthAreRejected() {
        BoundNetwork net = threeUnits();
        BoundComputer computer = new BoundComputer(net);
        Box box = new Box(new double[] {-1}, new double[] {2});
        assertThatThrownBy(() -> computer.lowerBound(box, PartialPattern.free(net), new double[] {1, 2}))
                .isInstanceOf(BadInputException.class).hasMessageContaining("2 coefficients")
                .hasMessageContaining("1 outputs");
    }

    @Test
    void aPatternFromStatesCountsItsFixedUnitsAndCopiesTheArray() {
        int[][] states = {{1, PartialPattern.FREE}, {0}};
        PartialPattern p = PartialPattern.of(states);
        states[0][0] = 0;

        assertThat(p.fixedCount()).isEqualTo(2);
        assertThat(p.state(0, 0)).isEqualTo(1);
        assertThat(p.isFixed(0, 1)).isFalse();
        assertThat(p).isEqualTo(PartialPattern.free(2, 1).with(0, 0, 1).with(1, 0, 0));
    }
}
