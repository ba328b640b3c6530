package io.exactline.core.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.OptionalInt;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.exactline.core.line.ExactLine;
import io.exactline.core.network.Network;

class RiemannSearchTest {
    private static final Network NETWORK = TestNetworks.randomRelu(31, 5, 40, 40, 3);
    private static final PathGradients PATH = IntegratedGradients.of(NETWORK).along(ExactLine.partition(NETWORK,
            TestNetworks.randomPoint(new Random(31), 5), TestNetworks.randomPoint(new Random(32), 5)), 0);

    /** The definition read literally: try every n, check all of n .. n+4. */
    private static OptionalInt bruteForce(RiemannMethod method, ErrorMetric metric, double threshold, int max) {
        double[] exact = PATH.exact().attributions();
        for (int n = 1; n <= max; n++) {
            boolean all = true;
            for (int d = 0; d < RiemannSearch.WINDOW; d++) {
                all &= metric.between(PATH.riemann(method, n + d), exact) < threshold;
            }
            if (all) {
                return OptionalInt.of(method.gradientCount(n));
            }
        }
        return OptionalInt.empty();
    }

    private static double[] errors(RiemannMethod method, ErrorMetric metric, int upTo) {
        double[] exact = PATH.exact().attributions();
        double[] e = new double[upTo];
        for (int n = 1; n <= upTo; n++) {
            e[n - 1] = metric.between(PATH.riemann(method, n), exact);
        }
        return e;
    }

    @ParameterizedTest
    @EnumSource(RiemannMethod.class)
    void findsTheFirstWindowOfFiveLikeTheLiteralDefinition(RiemannMethod method) {
        int max = 80;
        for (ErrorMetric metric : ErrorMetric.values()) {
            double[] sorted = errors(method, metric, max + RiemannSearch.WINDOW);
            Arrays.sort(sorted);
            // thresholds at and between the errors that occur, so windows open and close at many places
            for (int q = 0; q < sorted.length; q += 3) {
                double threshold = Math.nextUp(sorted[q]);
                assertThat(RiemannSearch.samplesToReach(PATH, method, metric, threshold, max))
                        .as("%s, %s below %s", method, metric, threshold)
                        .isEqualTo(bruteForce(method, metric, threshold, max));
            }
        }
    }

    @Test
    void theSearchedSegmentIsNotTriviallyExact() {
        double[] e = errors(RiemannMethod.LEFT, ErrorMetric.RELATIVE_L1, 40);

        assertThat(PATH.pieceCount()).isGreaterThan(10);
        assertThat(e[0]).isGreaterThan(0.05);
        assertThat(RiemannSearch.samplesToReach(PATH, RiemannMethod.LEFT, ErrorMetric.RELATIVE_L1, 0.05, 1000)
                .orElseThrow()).isGreaterThan(1);
    }

    @Test
    void theTrapezoidRuleReportsItsGradientsNotItsSubIntervals() {
        Network linear = TestNetworks.randomRelu(3, 4, 2);
        PathGradients path = IntegratedGradients.of(linear)
                .along(ExactLine.partition(linear, new double[4], new double[] {1, 2, 3, 4}), 0);

        assertThat(RiemannSearch.samplesToFivePercent(path, RiemannMethod.TRAPEZOID, ErrorMetric.MEAN_RELATIVE))
                .hasValue(2);
        assertThat(RiemannSearch.samplesToFivePercent(path, RiemannMethod.LEFT, ErrorMetric.MEAN_RELATIVE))
                .hasValue(1);
    }

    @Test
    void anUnreachableThresholdIsAnOutlier() {
        assertThat(RiemannSearch.samplesToReach(PATH, RiemannMethod.LEFT, ErrorMetric.RELATIVE_L1, 0.0, 50)).isEmpty();
    }

    @Test
    void practiceStopsAtTheFirstLeftSumWithinOnePercentOfCompleteness() {
        double change = PATH.outputChange();
        OptionalInt expected = OptionalInt.empty();
        for (int m = 20; m <= 1000 && expected.isEmpty(); m++) {
            double sum = Arrays.stream(PATH.riemann(RiemannMethod.LEFT, m)).sum();
            if (Math.abs(sum - change) / Math.abs(change) < 0.01) {
                expected = OptionalInt.of(m);
            }
        }

        assertThat(expected.orElseThrow()).as("the case exercises the search").isGreaterThan(20);
        assertThat(RiemannSearch.practiceSteps(PATH)).isEqualTo(expected);
    }

    @Test
    void completenessSearchFindsNothingWhenTheOutputDoesNotChange() {
        double[] x = {0.1, 0.2, 0.3, 0.4, 0.5};
        PathGradients still = IntegratedGradients.of(NETWORK).along(ExactLine.partition(NETWORK, x, x), 0);

        assertThat(RiemannSearch.practiceSteps(still)).isEmpty();
    }
}
