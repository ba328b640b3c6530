package io.exactline.core.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.exactline.core.BadInputException;
import io.exactline.core.attribution.Baseline;
import io.exactline.core.attribution.IntegratedGradients;
import io.exactline.core.layer.Dense;
import io.exactline.core.layer.Relu;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;

class LinearityAndRobustnessTest {
    @TempDir
    Path temp;

    /** y0 = relu(x0) + relu(x1), y1 = 0.6. */
    private static final Network TWO_RELUS = new Network(List.of(new Dense(new double[][] {{1, 0}, {0, 1}},
            new double[] {0, 0}), new Relu(Shape.vector(2)), new Dense(new double[][] {{1, 1}, {0, 0}},
            new double[] {0, 0.6})), "two relus");

    /** y0 = x0 − 2 x1 + 10, y1 = −x0. */
    private static final Network LINEAR = new Network(List.of(new Dense(new double[][] {{1, -2}, {-1, 0}},
            new double[] {10, 0})), "linear");

    @Test
    void aStepAcrossOneKinkHasTwoPiecesAndTheHandComputedMeanCosine() {
        // From (−0.01, 1) by 0.02 (1, 1): x0 crosses 0 at t = 1/2. Gradient of y0: (0, 1), then (1, 1).
        SegmentLinearity s = LinearityStudy.measure(IntegratedGradients.of(TWO_RELUS), new double[] {-0.01, 1},
                new double[] {1, 1}, 0.02, "random");

        assertThat(s.pieceCount()).isEqualTo(2);
        assertThat(s.meanCosine()).isCloseTo(0.5 + 0.5 / Math.sqrt(2), within(1e-12));
        assertThat(s.cosineProfile()[0]).isCloseTo(1, within(1e-12));
        assertThat(s.cosineProfile()[LinearityStudy.PROFILE_POINTS - 1]).isCloseTo(1 / Math.sqrt(2), within(1e-12));
    }

    @Test
    void theGradientSignStepLowersThePredictedClassAndStaysAffineHere() {
        double[] x = {-0.01, 1};
        double[] signs = LinearityStudy.gradientSigns(TWO_RELUS, x);
        SegmentLinearity s = LinearityStudy.measure(IntegratedGradients.of(TWO_RELUS), x, signs, 0.1,
                "gradient-sign");

        assertThat(signs).containsExactly(-0.0, -1.0);
        assertThat(s.pieceCount()).isEqualTo(1);
        assertThat(s.meanCosine()).isCloseTo(1, within(1e-12));
    }

    @Test
    void summaryTablesAndPlotsAreWritten() throws Exception {
        IntegratedGradients ig = IntegratedGradients.of(TWO_RELUS);
        SegmentLinearity kinked = LinearityStudy.measure(ig, new double[] {-0.01, 1}, new double[] {1, 1}, 0.02,
                "random");
        SegmentLinearity flat = LinearityStudy.measure(ig, new double[] {-0.01, 1}, new double[] {-1, -1}, 0.02,
                "gradient-sign");
        LinearitySummary summary = new LinearitySummary("tiny", "test", 0.02, 1, List.of(kinked, flat));
        LinearitySummary.write(List.of(summary), temp);

        assertThat(summary.meanPieces("random")).hasValue(2);
        assertThat(summary.affineFraction("gradient-sign")).hasValue(1);
        assertThat(LinearitySummary.markdown(List.of(summary)))
                .contains("| tiny | test | 0.02000 | 1 | 1 / 1 | 2.0 | 1.0 |");
        assertThat(temp.resolve("linearity-random.png")).exists();
        assertThat(temp.resolve("linearity.csv")).content().hasLineCount(3);
    }

    @Test
    void noPerturbationKeepsTheRankingAndTheTopK() {
        AttributionRobustness.Result r = AttributionRobustness.measure(IntegratedGradients.of(LINEAR),
                new double[] {1, -3}, Baseline.zeros(), 0, 3, true, 1, 7, new double[] {-9, -9}, new double[] {9, 9});

        assertThat(r.perturbations()).hasSize(4);
        assertThat(r.meanKendallTau("random")).hasValue(1);
        assertThat(r.meanTopK("random")).hasValue(1);
        assertThat(r.meanKendallTau("gradient-sign")).hasValue(1);
    }

    @Test
    void theGradientSignStepCanSwapTheTwoAttributions() {
        // IG at (0.95, −0.5) from 0: (0.95, 1.0). The FGSM step lowers y0: x1 rises to −0.4 (x0 is pinned by the
        // range), so IG = (0.95, 0.8): the order flips, τ = −1, and the top-1 feature changes.
        AttributionRobustness.Result r = AttributionRobustness.measure(IntegratedGradients.of(LINEAR),
                new double[] {0.95, -0.5}, Baseline.zeros(), 0.1, 0, true, 1, 7, new double[] {0.95, -1},
                new double[] {0.95, 1});

        assertThat(r.perturbations()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("gradient-sign");
            assertThat(p.kendallTau()).hasValue(-1);
            assertThat(p.topKIntersection()).isZero();
            assertThat(p.predicted()).isZero();
        });
    }

    @Test
    void badRobustnessArgumentsAreRefusedWithTheReason() {
        IntegratedGradients ig = IntegratedGradients.of(LINEAR);
        double[] x = {1, 1};
        assertThatThrownBy(() -> AttributionRobustness.measure(ig, x, Baseline.zeros(), -1, 1, false, 1, 1,
                new double[2], new double[2])).isInstanceOf(BadInputException.class).hasMessageContaining("epsilon");
        assertThatThrownBy(() -> AttributionRobustness.measure(ig, x, Baseline.zeros(), 0.1, 1, false, 3, 1,
                new double[2], new double[2])).isInstanceOf(BadInputException.class).hasMessageContaining("1..2");
    }
}
