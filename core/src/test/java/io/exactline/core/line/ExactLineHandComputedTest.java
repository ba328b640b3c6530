package io.exactline.core.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.exactline.core.layer.Dense;
import io.exactline.core.layer.Relu;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;

class ExactLineHandComputedTest {

    /** f(x) = relu(x - 0.25) + relu(-x + 0.5) on [0, 1]: kinks at x = 0.25 and x = 0.5. */
    private static Network twoKinks() {
        Dense hidden = new Dense(new double[][] {{1}, {-1}}, new double[] {-0.25, 0.5});
        Dense output = new Dense(new double[][] {{1, 1}}, new double[] {0});
        return new Network(List.of(hidden, new Relu(Shape.vector(2)), output), "two kinks");
    }

    @Test
    void insertsOneBreakpointPerReluCrossing() {
        LinePartition partition = ExactLine.partition(twoKinks(), new double[] {0}, new double[] {1});

        assertThat(partition.ratios()).containsExactly(new double[] {0, 0.25, 0.5, 1}, within(1e-15));
        assertThat(partition.outputAtRatio(1)[0]).isCloseTo(0.25, within(1e-15));
        assertThat(partition.outputAtRatio(2)[0]).isCloseTo(0.25, within(1e-15));
        assertThat(partition.outputAtRatio(3)[0]).isCloseTo(0.75, within(1e-15));
    }

    @Test
    void adjacentPiecesHaveDifferentPatterns() {
        LinePartition partition = ExactLine.partition(twoKinks(), new double[] {0}, new double[] {1});

        for (int i = 0; i + 1 < partition.pieceCount(); i++) {
            assertThat(partition.patternOf(i)).as("pieces %d and %d", i, i + 1).isNotEqualTo(partition.patternOf(i + 1));
        }
    }

    @Test
    void singlePointSegmentIsOnePiece() {
        LinePartition partition = ExactLine.partition(twoKinks(), new double[] {0.3}, new double[] {0.3});

        assertThat(partition.pieceCount()).isEqualTo(1);
        assertThat(partition.outputAtRatio(0)).containsExactly(partition.outputAtRatio(1));
    }
}
