package io.exactline.core.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import io.exactline.core.BadInputException;

class ErrorMetricTest {

    @Test
    void relativeL1DividesTheL1DistanceByTheExactNorm() {
        // |1.1 − 1| + |−1.8 + 2| = 0.3 over |1| + |−2| = 3
        assertThat(ErrorMetric.RELATIVE_L1.between(new double[] {1.1, -1.8}, new double[] {1, -2}))
                .isCloseTo(0.1, within(1e-15));
    }

    @Test
    void meanRelativeErrorAveragesPerCoordinateRatios() {
        // (0.1 / 1 + 0.2 / 2) / 2 = 0.1
        assertThat(ErrorMetric.MEAN_RELATIVE.between(new double[] {1.1, -1.8}, new double[] {1, -2}))
                .isCloseTo(0.1, within(1e-12));
    }

    @Test
    void meanRelativeErrorWeighsNearZeroExactAttributionsHeavily() {
        // coordinate 1 is exactly 0: its term is 1e-6 / 1e-11 = 1e5, dominating the mean
        double error = ErrorMetric.MEAN_RELATIVE.between(new double[] {1, 1e-6}, new double[] {1, 0});

        assertThat(error).isCloseTo(5e4, within(1e-6));
        assertThat(ErrorMetric.RELATIVE_L1.between(new double[] {1, 1e-6}, new double[] {1, 0}))
                .isCloseTo(1e-6, within(1e-18));
    }

    @Test
    void equalVectorsHaveNoErrorEvenWhenZero() {
        for (ErrorMetric metric : ErrorMetric.values()) {
            assertThat(metric.between(new double[] {0, 0}, new double[] {0, 0})).as("%s", metric).isZero();
        }
    }

    @Test
    void rejectsVectorsOfDifferentLengths() {
        assertThatThrownBy(() -> ErrorMetric.RELATIVE_L1.between(new double[2], new double[3]))
                .isInstanceOf(BadInputException.class).hasMessageContaining("2 and 3 features");
    }
}
