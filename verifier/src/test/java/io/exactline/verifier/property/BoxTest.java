package io.exactline.verifier.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.exactline.core.BadInputException;

class BoxTest {

    @Test
    void rejectsNonFiniteAndInvertedBoundsNamingTheInput() {
        assertThatThrownBy(() -> new Box(new double[] {0, Double.NaN}, new double[] {1, 1}))
                .isInstanceOf(BadInputException.class).hasMessageContaining("box input 1").hasMessageContaining("finite");
        assertThatThrownBy(() -> new Box(new double[] {0}, new double[] {Double.POSITIVE_INFINITY}))
                .isInstanceOf(BadInputException.class).hasMessageContaining("box input 0");
        assertThatThrownBy(() -> new Box(new double[] {0, 2}, new double[] {1, 1}))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("box input 1 has lower bound 2.0 above its upper bound 1.0");
        assertThatThrownBy(() -> new Box(new double[] {0, 0}, new double[] {1}))
                .isInstanceOf(BadInputException.class).hasMessageContaining("2 lower and 1 upper");
        assertThatThrownBy(() -> new Box(new double[0], new double[0])).isInstanceOf(BadInputException.class);
    }

    @Test
    void zeroWidthSideFixesThatInput() {
        Box box = new Box(new double[] {0.25, -1}, new double[] {0.25, 1});

        assertThat(box.width(0)).isZero();
        assertThat(box.contains(new double[] {0.25, 0.7})).isTrue();
        assertThat(box.contains(new double[] {Math.nextUp(0.25), 0.7})).isFalse();
    }

    @Test
    void containsIncludesBothEndsExactlyAndToleranceWidens() {
        Box box = new Box(new double[] {-0.5}, new double[] {0.5});

        assertThat(box.contains(new double[] {-0.5})).isTrue();
        assertThat(box.contains(new double[] {0.5})).isTrue();
        assertThat(box.contains(new double[] {Math.nextUp(0.5)})).isFalse();
        assertThat(box.contains(new double[] {0.5 + 1e-9}, 1e-8)).isTrue();
        assertThat(box.contains(new double[] {Double.NaN})).isFalse();
        assertThat(box.firstOutside(new double[] {0.7})).isZero();
        assertThat(box.firstOutside(new double[] {0.1})).isEqualTo(-1);
    }

    @Test
    void isImmutableThroughItsArrays() {
        double[] lower = {0, 0};
        Box box = new Box(lower, new double[] {1, 1});
        lower[0] = 5;
        box.lower()[1] = 5;

        assertThat(box.lower()).containsExactly(0, 0);
    }

    @Test
    void midpointAndHull() {
        Box a = new Box(new double[] {0, -3}, new double[] {1, -1});
        Box b = new Box(new double[] {2, -2}, new double[] {4, 5});

        assertThat(a.midpoint()).containsExactly(0.5, -2);
        assertThat(a.hull(b)).isEqualTo(new Box(new double[] {0, -3}, new double[] {4, 5}));
        double huge = Double.MAX_VALUE;
        assertThat(new Box(new double[] {-huge}, new double[] {huge}).midpoint()).containsExactly(0.0);
    }

    @Test
    void boxesThatOverlapOrTouchMeetInTheirCommonPartAndOthersDoNot() {
        Box a = new Box(new double[] {0, -3}, new double[] {2, -1});
        Box b = new Box(new double[] {1, -2}, new double[] {4, 5});
        Box touching = new Box(new double[] {2, -1}, new double[] {3, 0});
        Box apart = new Box(new double[] {2.5, -3}, new double[] {3, -1});

        assertThat(a.intersection(b)).contains(new Box(new double[] {1, -2}, new double[] {2, -1}));
        assertThat(b.intersection(a)).isEqualTo(a.intersection(b));
        assertThat(a.meets(touching)).isTrue();
        assertThat(a.intersection(touching)).contains(new Box(new double[] {2, -1}, new double[] {2, -1}));
        assertThat(a.meets(apart)).isFalse();
        assertThat(a.intersection(apart)).isEmpty();
    }

    @Test
    void clampingAPointMovesEachCoordinateIntoItsRangeAndLeavesInsideOnesAlone() {
        Box box = new Box(new double[] {0, -3}, new double[] {2, -1});

        assertThat(box.clamp(new double[] {-1, -2})).containsExactly(0, -2);
        assertThat(box.clamp(new double[] {5, -7})).containsExactly(2, -3);
        assertThat(box.clamp(new double[] {1.5, -1.25})).containsExactly(1.5, -1.25);
    }

    @Test
    void aroundClipsToTheRange() {
        Box box = Box.around(new double[] {0.01, 0.5}, 0.03, 0, 1);

        assertThat(box.lower()).containsExactly(0, 0.47);
        assertThat(box.upper()).containsExactly(0.04, 0.53);
    }

    @Test
    void toStringAbbreviatesLargeBoxes() {
        Box box = new Box(new double[784], new double[784]);

        assertThat(box.toString()).startsWith("Box[X_0 in [0.0, 0.0], X_1 in [0.0, 0.0]")
                .endsWith("... (784 inputs)]").hasSizeLessThan(300);
    }
}
