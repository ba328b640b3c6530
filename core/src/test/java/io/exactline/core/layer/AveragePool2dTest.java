package io.exactline.core.layer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.exactline.core.network.Shape;

class AveragePool2dTest {
    private static final double[] IMAGE = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    /** 2x2 windows with stride 2 over the 3x3 image padded by 1 on every side. */
    private static final Window2d PADDED = Window2d.of(2, 2).withStrides(2, 2).withPads(1, 1, 1, 1);

    @Test
    void averagesOverWindow() {
        AveragePool2d pool = new AveragePool2d(Shape.of(1, 3, 3), Window2d.of(2, 2), false);

        assertThat(pool.apply(IMAGE)).containsExactly(3, 4, 6, 7);
    }

    @Test
    void excludesPaddingFromDivisorByDefault() {
        AveragePool2d pool = new AveragePool2d(Shape.of(1, 3, 3), PADDED, false);

        // windows {1}, {2, 3}, {4, 7}, {5, 6, 8, 9}
        assertThat(pool.apply(IMAGE)).containsExactly(1, 2.5, 5.5, 7);
    }

    @Test
    void countsPaddingAsZerosWhenAsked() {
        AveragePool2d pool = new AveragePool2d(Shape.of(1, 3, 3), PADDED, true);

        assertThat(pool.apply(IMAGE)).containsExactly(0.25, 1.25, 2.75, 7);
    }

    @Test
    void poolsEachChannelOnItsOwn() {
        AveragePool2d pool = new AveragePool2d(Shape.of(2, 1, 2), Window2d.of(1, 2), false);

        assertThat(pool.apply(new double[] {1, 3, 10, 20})).containsExactly(2, 15);
        assertThat(pool.outputShape()).isEqualTo(Shape.of(2, 1, 1));
    }
}
