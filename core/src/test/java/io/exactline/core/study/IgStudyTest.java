package io.exactline.core.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.exactline.core.attribution.Baseline;
import io.exactline.core.attribution.ErrorMetric;
import io.exactline.core.attribution.IntegratedGradients;
import io.exactline.core.attribution.RiemannMethod;
import io.exactline.core.layer.Dense;
import io.exactline.core.layer.Relu;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;

class IgStudyTest {
    @TempDir
    Path temp;

    /** y = (x0 + 2 x1, −x0): affine, so the gradient is constant and every Riemann sum is exact IG. */
    private static final Network LINEAR = new Network(List.of(new Dense(new double[][] {{1, 2}, {-1, 0}},
            new double[] {0.5, 0})), "linear");

    /** y0 = relu(x0) + relu(x1), y1 = 0.6. */
    private static final Network TWO_RELUS = new Network(List.of(new Dense(new double[][] {{1, 0}, {0, 1}},
            new double[] {0, 0}), new Relu(Shape.vector(2)), new Dense(new double[][] {{1, 1}, {0, 0}},
            new double[] {0, 0.6})), "two relus");

    @Test
    void onALinearNetworkEveryRiemannRuleIsExactWithTheFewestSamples() {
        IgImageResult r = IgStudy.measure(IntegratedGradients.of(LINEAR), "x", new double[] {1, 2}, Baseline.zeros());

        assertThat(r.pieceCount()).isEqualTo(1);
        assertThat(r.target()).isZero();
        // The first step count tried already meets completeness, with no error at all.
        assertThat(r.practiceSteps()).hasValue(20);
        for (ErrorMetric metric : ErrorMetric.values()) {
            assertThat(r.practiceError().get(metric).getAsDouble()).as("%s", metric).isCloseTo(0, within(1e-12));
            assertThat(r.samples(metric, RiemannMethod.LEFT)).hasValue(1);
            assertThat(r.samples(metric, RiemannMethod.RIGHT)).hasValue(1);
            assertThat(r.samples(metric, RiemannMethod.MIDPOINT)).hasValue(1);
            assertThat(r.samples(metric, RiemannMethod.TRAPEZOID)).as("one sub-interval, two gradients").hasValue(2);
        }
    }

    @Test
    void leftSumsMissTheSecondHalfOfAKinkedPathByTheHandComputedError() {
        // From (−1, −1) to (1, 1): both units switch on at t = 1/2, so exact IG = (2 · 1/2, 2 · 1/2) = (1, 1).
        // A left sum with m steps samples t = 0, 1/m, ..., and counts gradient (1, 1) at t >= 1/2.
        IgImageResult r = IgStudy.measure(IntegratedGradients.of(TWO_RELUS), "x", new double[] {1, 1},
                Baseline.of(new double[] {-1, -1}));

        assertThat(r.pieceCount()).isEqualTo(2);
        // Even m: m/2 of the m samples are at t >= 1/2, so the sum is exact and m̃ = 20 meets completeness.
        // Odd m: (m − 1)/2 of them, so IG~_i = (m − 1)/m, an error of 1/m.
        assertThat(r.practiceSteps()).hasValue(20);
        assertThat(r.practiceError().get(ErrorMetric.RELATIVE_L1).getAsDouble()).isCloseTo(0, within(1e-12));
        // Odd m give error 1/m, even m none: five in a row below 5% from n = 20 (21: 1/21 < 5%; 19: 1/19 > 5%).
        assertThat(r.samples(ErrorMetric.RELATIVE_L1, RiemannMethod.LEFT)).hasValue(20);
        assertThat(r.curve(ErrorMetric.RELATIVE_L1, RiemannMethod.LEFT, 0)).as("m = 1: only t = 0, gradient 0")
                .isCloseTo(1, within(1e-12));
    }

    @Test
    void summaryAveragesOverImagesAndCountsOutliersApart() {
        IgImageResult exact = IgStudy.measure(IntegratedGradients.of(LINEAR), "a", new double[] {1, 2},
                Baseline.zeros());
        IgImageResult kinked = IgStudy.measure(IntegratedGradients.of(TWO_RELUS), "b", new double[] {1, 1},
                Baseline.of(new double[] {-1, -1}));
        IgNetworkSummary summary = new IgNetworkSummary("n", List.of(exact, kinked), 3, 4);

        assertThat(summary.meanPieces()).hasValue(1.5);
        assertThat(summary.meanSamples(ErrorMetric.RELATIVE_L1, RiemannMethod.LEFT)).hasValue(10.5);
        assertThat(summary.outliers(ErrorMetric.RELATIVE_L1, RiemannMethod.LEFT)).isZero();
        assertThat(summary.practiceMissing()).isZero();
        assertThat(summary.medianPracticeError(ErrorMetric.RELATIVE_L1).getAsDouble()).isCloseTo(0, within(1e-12));
        assertThat(IgStudyReport.markdown(List.of(summary)))
                .contains("| n | 2 | 3/4 | 1.5 | 20.0 | 0.00 | 0.00 | 10.5 |");
        assertThat(IgStudyReport.csv(List.of(summary)).lines()).hasSize(3);
    }

    @Test
    void writesTablesCsvAndPlots() throws Exception {
        IgImageResult r = IgStudy.measure(IntegratedGradients.of(TWO_RELUS), "b", new double[] {1, 1},
                Baseline.of(new double[] {-1, -1}));
        IgStudyReport.write(List.of(new IgNetworkSummary("tiny", List.of(r), 0, 2)), temp);

        assertThat(temp.resolve("ig-study.md")).exists();
        assertThat(temp.resolve("ig-study.csv")).exists();
        assertThat(Files.size(temp.resolve("ig-study.png"))).isPositive();
        assertThat(temp.resolve("ig-study-tiny.png")).exists();
    }
}
