package io.exactline.core.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.exactline.core.network.Shape;

class BoxClipTest {
    /** Element 0 clipped to [-1, 1], element 1 to [0, 10]. */
    private static final BoxClip CLIP = new BoxClip(Shape.vector(2), new double[] {-1, 0}, new double[] {1, 10});

    @Test
    void clipsEachElementToItsOwnInterval() {
        assertThat(CLIP.apply(new double[] {-3, 4})).containsExactly(-1, 4);
        assertThat(CLIP.apply(new double[] {0.5, 12})).containsExactly(0.5, 10);
        assertThat(CLIP.apply(new double[] {2, -0.5})).containsExactly(1, 0);
    }

    @Test
    void statesFollowTheHardTanhEncodingWithBoundsBelongingToThePieceBelow() {
        int[] states = new int[2];
        CLIP.states(new double[] {-1, 10}, 0, states);
        assertThat(states).containsExactly(0, 1);
        CLIP.states(new double[] {1.5, 0.1}, 0, states);
        assertThat(states).containsExactly(2, 1);
    }

    @Test
    void reportsOneCrossingPerBoundPassed() {
        // Element 0 runs from -3 to 3: crosses -1 at r = 1/3 and 1 at r = 2/3.
        // Element 1 runs from 5 to 15: crosses 10 at r = 1/2.
        List<Double> ratios = new ArrayList<>();
        CLIP.crossings(new double[] {-3, 5}, 0, new double[] {3, 15}, 0, ratios::add);

        assertThat(ratios).hasSize(3);
        assertThat(ratios.stream().sorted().mapToDouble(Double::doubleValue).toArray())
                .containsExactly(new double[] {1.0 / 3, 0.5, 2.0 / 3}, within(1e-15));
    }

    @Test
    void touchingABoundAtAnEndpointIsNoCrossing() {
        List<Double> ratios = new ArrayList<>();
        CLIP.crossings(new double[] {-1, 0}, 0, new double[] {0, 10}, 0, ratios::add);

        assertThat(ratios).isEmpty();
    }

    @Test
    void passesGradientOnlyWhereTheElementIsNotClipped() {
        assertThat(CLIP.backward(new double[] {0, 11}, new double[] {2, 3})).containsExactly(2, 0);
        assertThat(CLIP.backward(new double[] {-1, 10}, new double[] {2, 3})).containsExactly(0, 3);
    }

    @Test
    void refusesBoundsOutOfOrder() {
        assertThatThrownBy(() -> new BoxClip(Shape.vector(1), new double[] {2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("element 0");
    }
}
