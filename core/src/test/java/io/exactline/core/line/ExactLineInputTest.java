package io.exactline.core.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.exactline.core.BadInputException;
import io.exactline.core.layer.Dense;
import io.exactline.core.layer.Tanh;
import io.exactline.core.line.RandomNetworks.Activation;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;
import io.exactline.core.network.UnsupportedNetworkException;

/** What ExactLine refuses, and how it says so. */
class ExactLineInputTest {
    private final Network network = RandomNetworks.dense(new Random(1), Activation.RELU, 3, 2, 4);

    @Test
    void pointOfTheWrongLengthIsRefusedNamingTheEnd() {
        assertThatThrownBy(() -> ExactLine.partition(network, new double[3], new double[2]))
                .isInstanceOf(BadInputException.class).hasMessageContaining("segment end has 2 values")
                .hasMessageContaining("3 inputs");
    }

    @Test
    void nonFiniteCoordinateIsRefused() {
        assertThatThrownBy(() -> ExactLine.partition(network, new double[] {0, Double.NaN, 0}, new double[3]))
                .isInstanceOf(BadInputException.class).hasMessageContaining("segment start value 1 is NaN");
    }

    @Test
    void partitionAllNamesTheBadSegmentBeforeDoingAnyWork() {
        List<Segment> segments = List.of(new Segment(new double[3], new double[3]),
                new Segment(new double[3], new double[] {0, 0, Double.POSITIVE_INFINITY}));

        assertThatThrownBy(() -> ExactLine.partitionAll(network, segments)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("segment 1 end value 2 is Infinity");
    }

    @Test
    void partitionAllOfNoSegmentsIsEmpty() {
        assertThat(ExactLine.partitionAll(network, List.of())).isEmpty();
    }

    @Test
    void smoothNetworkIsRefusedNamingTheLayer() {
        Network smooth = new Network(List.of(new Dense(new double[][] {{1}}, new double[] {0}),
                new Tanh(Shape.vector(1))), "tanh net");

        assertThatThrownBy(() -> ExactLine.partition(smooth, new double[] {0}, new double[] {1}))
                .isInstanceOf(UnsupportedNetworkException.class).hasMessageContaining("Tanh");
    }

    @Test
    void segmentEndsOfDifferentLengthsAreRefused() {
        assertThatThrownBy(() -> new Segment(new double[2], new double[3]))
                .isInstanceOf(BadInputException.class).hasMessageContaining("start has 2 values, end has 3");
    }
}
