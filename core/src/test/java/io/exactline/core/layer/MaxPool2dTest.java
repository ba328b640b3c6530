package io.exactline.core.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.exactline.core.network.Shape;

class MaxPool2dTest {
    /** One window of three elements: a 1x3 kernel over a 1x1x3 tensor. */
    private static final MaxPool2d ONE_WINDOW = new MaxPool2d(Shape.of(1, 1, 3), Window2d.of(1, 3));

    private static List<Double> crossings(MaxPool2d pool, double[] p, double[] q) {
        List<Double> ratios = new ArrayList<>();
        pool.crossings(p, 0, q, 0, ratios::add);
        return ratios;
    }

    @Test
    void takesWindowMaxima() {
        MaxPool2d pool = new MaxPool2d(Shape.of(1, 3, 3), Window2d.of(2, 2));

        assertThat(pool.apply(new double[] {1, 9, 3, 4, 5, 6, 7, 8, 2})).containsExactly(9, 9, 8, 8);
        assertThat(pool.unitCount()).isEqualTo(4);
        assertThat(pool.stateCount()).isEqualTo(4);
    }

    @Test
    void paddingNeverWins() {
        Window2d window = Window2d.of(2, 2).withStrides(2, 2).withPads(1, 1, 1, 1);
        MaxPool2d pool = new MaxPool2d(Shape.of(1, 3, 3), window);

        // all inputs negative: zero padding would win if it took part
        assertThat(pool.apply(new double[] {-1, -2, -3, -4, -5, -6, -7, -8, -9})).containsExactly(-1, -2, -4, -5);
    }

    @Test
    void stateIsKernelPositionOfArgmaxLowestOnTies() {
        MaxPool2d pool = new MaxPool2d(Shape.of(1, 2, 2), Window2d.of(2, 2));
        int[] states = new int[1];

        pool.states(new double[] {1, 3, 2, 0}, 0, states);
        assertThat(states).containsExactly(1);
        pool.states(new double[] {1, 3, 3, 0}, 0, states);
        assertThat(states).containsExactly(1);
    }

    @Test
    void stateOfPaddedWindowCountsPaddingPositions() {
        // the first window of a 2x2 kernel padded by 1 on top and left sees only kernel position 3
        MaxPool2d pool = new MaxPool2d(Shape.of(1, 2, 2), Window2d.of(2, 2).withPads(1, 1, 0, 0));
        int[] states = new int[pool.unitCount()];

        pool.states(new double[] {5, 1, 1, 1}, 0, states);

        assertThat(states[0]).isEqualTo(3);
    }

    @Test
    void reportsSingleCrossingOfTwoElements() {
        // f0 = 1 - r, f1 = 0 + r: they meet at r = 0.5
        assertThat(crossings(ONE_WINDOW, new double[] {1, 0, -5}, new double[] {0, 1, -5})).containsExactly(0.5);
    }

    @Test
    void walksThreeWayEnvelope() {
        // f0 = 1 - 2r, f1 = 0.5, f2 = -1.5 + 4r: f0 on [0, 0.25], f1 on [0.25, 0.5], f2 on [0.5, 1];
        // f0 and f2 cross at r = 5/12, below the envelope, which must not be reported
        List<Double> ratios = crossings(ONE_WINDOW, new double[] {1, 0.5, -1.5}, new double[] {-1, 0.5, 2.5});

        assertThat(ratios).containsExactly(0.25, 0.5);
    }

    @Test
    void tieAtStartGoesToLargerSlopeWithoutCrossing() {
        // f0 = 1 - r and f1 = 1 + r tie at r = 0; f1 leads on (0, 1]; f2 = 0.5 + 1.5 r reaches f1 only at r = 1
        assertThat(crossings(ONE_WINDOW, new double[] {1, 1, 0.5}, new double[] {0, 2, 2})).isEmpty();
    }

    @Test
    void simultaneousOvertakeGoesToSteepestAndIsReportedOnce() {
        // f0 = 1 - r; f1 = r and f2 = -1 + 3r both meet f0 at r = 0.5; f2 is steeper and stays on top
        List<Double> ratios = crossings(ONE_WINDOW, new double[] {1, 0, -1}, new double[] {0, 1, 2});

        assertThat(ratios).containsExactly(0.5);
    }

    @Test
    void identicalElementsNeverCross() {
        assertThat(crossings(ONE_WINDOW, new double[] {0, 0, 0}, new double[] {0, 0, 0})).isEmpty();
        assertThat(crossings(ONE_WINDOW, new double[] {0, 2, 2}, new double[] {1, 3, 3})).isEmpty();
    }

    @Test
    void crossingsSeparateConstantArgmaxPieces() {
        double[] p = {0.3, -0.2, 0.9};
        double[] q = {-0.4, 1.1, -0.3};
        List<Double> ratios = new ArrayList<>(crossings(ONE_WINDOW, p, q));
        ratios.add(0.0);
        ratios.add(1.0);
        ratios.sort(null);
        int[] state = new int[1];
        for (int i = 0; i + 1 < ratios.size(); i++) {
            int[] seen = new int[5];
            for (int s = 1; s <= 4; s++) {
                double r = ratios.get(i) + s * (ratios.get(i + 1) - ratios.get(i)) / 5;
                ONE_WINDOW.states(new double[] {p[0] + r * (q[0] - p[0]), p[1] + r * (q[1] - p[1]),
                        p[2] + r * (q[2] - p[2])}, 0, state);
                seen[s] = state[0];
            }
            assertThat(seen[1]).as("piece %s..%s", ratios.get(i), ratios.get(i + 1))
                    .isEqualTo(seen[2]).isEqualTo(seen[3]).isEqualTo(seen[4]);
        }
        // f2 = 0.9 - 1.2 r meets f1 = -0.2 + 1.3 r at r = 0.44
        assertThat(ratios).hasSize(3);
        assertThat(ratios.get(1)).isCloseTo(0.44, within(1e-12));
    }

    @Test
    void backwardRoutesGradientToArgmax() {
        MaxPool2d pool = new MaxPool2d(Shape.of(1, 1, 4), Window2d.of(1, 2).withStrides(1, 2));

        assertThat(pool.backward(new double[] {1, 3, 7, 7}, new double[] {10, 20})).containsExactly(0, 10, 20, 0);
    }

    @Test
    void overlappingWindowsAccumulateGradient() {
        MaxPool2d pool = new MaxPool2d(Shape.of(1, 1, 3), Window2d.of(1, 2));

        assertThat(pool.backward(new double[] {0, 5, 1}, new double[] {1, 2})).containsExactly(0, 3, 0);
    }
}
