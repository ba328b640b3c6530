package io.exactline.core.attribution;

import static io.exactline.core.attribution.TestNetworks.dense;
import static io.exactline.core.attribution.TestNetworks.relu;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.exactline.core.BadInputException;
import io.exactline.core.Vectors;
import io.exactline.core.network.Network;

class IntegratedGradientsTest {

    /** f(x) = 1 − relu(1 − x): flat beyond x = 1, so the gradient at x = 2 is zero. */
    private static Network saturating() {
        return TestNetworks.of("1 - relu(1 - x)", dense(new double[][] {{-1}}, 1), relu(1),
                dense(new double[][] {{-1}}, 1));
    }

    /** f(x1, x2) = relu(relu(x1) − 1 − relu(x2)), the slides' example against DeConvNets and guided backprop. */
    private static Network slidesExample() {
        return TestNetworks.of("relu(relu(x1) - 1 - relu(x2))", dense(new double[][] {{1, 0}, {0, 1}}, 0, 0), relu(2),
                dense(new double[][] {{1, -1}}, -1), relu(1));
    }

    @Test
    void attributesTheWholeChangeToAFeatureWhoseGradientVanishesAtTheInput() {
        Network f = saturating();
        assertThat(f.gradient(new double[] {2}, 0)).containsExactly(0.0);

        ExactAttribution ig = IntegratedGradients.of(f).exact(new double[] {2}, Baseline.zeros(), 0);

        // gradient 1 on x in [0, 1] (t in [0, 1/2]), 0 beyond: IG = (2 − 0) × 1/2 × 1 = 1
        assertThat(ig.attributions()).containsExactly(new double[] {1.0}, within(1e-15));
        assertThat(ig.pieceCount()).isEqualTo(2);
        assertThat(ig.outputChange()).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void splitsTheSlidesExampleByHand() {
        // path (3t, t): relu(2t − 1) turns on at t = 1/2 with gradient (1, −1);
        // IG = (3 × 1/2 × 1, 1 × 1/2 × (−1)) = (1.5, −0.5), summing to f(3, 1) − f(0, 0) = 1
        ExactAttribution ig = IntegratedGradients.of(slidesExample()).exact(new double[] {3, 1}, Baseline.zeros(), 0);

        assertThat(ig.attributions()).containsExactly(new double[] {1.5, -0.5}, within(1e-15));
        assertThat(ig.pieceCount()).isEqualTo(2);
        assertThat(ig.completenessGap()).isCloseTo(0.0, within(1e-15));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void attributionsSumToTheOutputChangeWithEveryKindOfBaseline(long seed) {
        Random random = new Random(seed);
        Network network = TestNetworks.randomRelu(seed, 6, 24, 24, 16, 4);
        double[] x = TestNetworks.randomPoint(random, 6);
        Baseline[] baselines = {Baseline.zeros(), Baseline.of(TestNetworks.randomPoint(random, 6)),
            Baseline.uniformNoise(-1, 1, seed + 100)};
        for (Baseline baseline : baselines) {
            for (int k = 0; k < 4; k++) {
                ExactAttribution ig = IntegratedGradients.of(network).exact(x, baseline, k);

                double expected = network.evaluate(x)[k] - network.evaluate(baseline.pointFor(network))[k];
                double sum = 0;
                for (double a : ig.attributions()) {
                    sum += a;
                }
                assertThat(sum).as("Σ IG for output %d, baseline %s, %d pieces", k, baseline.describe(),
                        ig.pieceCount()).isCloseTo(expected, within(1e-9 * Math.abs(expected)));
                assertThat(ig.outputChange()).isCloseTo(expected, within(1e-12));
                assertThat(Math.abs(ig.completenessGap())).isLessThanOrEqualTo(1e-9 * Math.abs(expected));
                assertThat(ig.relativeCompletenessGap().orElseThrow()).isLessThan(1e-9);
            }
        }
    }

    @Test
    void agreesWithAFineNaiveMidpointSum() {
        Random random = new Random(11);
        Network network = TestNetworks.randomRelu(11, 5, 20, 20, 3);
        double[] x = TestNetworks.randomPoint(random, 5);
        double[] baseline = TestNetworks.randomPoint(random, 5);
        ExactAttribution ig = IntegratedGradients.of(network).exact(x, Baseline.of(baseline), 2);

        int m = 20_000;
        double[] naive = new double[5];
        for (int s = 0; s < m; s++) {
            double[] g = network.gradient(Vectors.interpolate(baseline, x, (s + 0.5) / m), 2);
            for (int i = 0; i < 5; i++) {
                naive[i] += g[i] * (x[i] - baseline[i]) / m;
            }
        }
        // each of the pieces' breakpoints costs at most one sample's worth of error (|Δx| |g| / m)
        assertThat(ig.attributions()).as("%d pieces", ig.pieceCount())
                .containsExactly(naive, within(ig.pieceCount() * 10.0 / m));
    }

    @Test
    void targetsThePredictedClassByDefault() {
        Network network = TestNetworks.randomRelu(7, 4, 10, 5);
        double[] x = {0.3, -0.2, 0.9, 0.1};
        int predicted = Vectors.argmax(network.evaluate(x));

        ExactAttribution ig = IntegratedGradients.of(network).exact(x, Baseline.zeros());

        assertThat(ig.target()).isEqualTo(predicted);
        assertThat(ig).isEqualTo(IntegratedGradients.of(network).exact(x, Baseline.zeros(), predicted));
    }

    @Test
    void recordsTheBaselineUsed() {
        Network network = TestNetworks.randomRelu(8, 3, 6, 2);
        Baseline noise = Baseline.uniformNoise(0, 1, 42);

        ExactAttribution ig = IntegratedGradients.of(network).exact(new double[] {1, 1, 1}, noise, 0);

        assertThat(ig.baseline()).containsExactly(noise.pointFor(network));
    }

    @Test
    void aBaselineEqualToTheInputGetsZeroAttributionAndNoRelativeGap() {
        Network network = TestNetworks.randomRelu(9, 3, 6, 2);
        double[] x = {0.5, 0.25, -1};

        ExactAttribution ig = IntegratedGradients.of(network).exact(x, Baseline.of(x), 1);

        assertThat(ig.attributions()).containsExactly(new double[3], within(0.0));
        assertThat(ig.completenessGap()).isZero();
        assertThat(ig.relativeCompletenessGap()).isEmpty();
    }

    @Test
    void rejectsATargetThatIsNoOutputNamingTheRange() {
        Network network = TestNetworks.randomRelu(9, 3, 6, 2);

        assertThatThrownBy(() -> IntegratedGradients.of(network).exact(new double[3], Baseline.zeros(), 2))
                .isInstanceOf(BadInputException.class).hasMessageContaining("target class 2")
                .hasMessageContaining("2 outputs");
    }

    @Test
    void rejectsABaselineOfTheWrongSize() {
        Network network = TestNetworks.randomRelu(9, 3, 6, 2);

        assertThatThrownBy(() -> IntegratedGradients.of(network).exact(new double[3], Baseline.of(new double[4]), 0))
                .isInstanceOf(BadInputException.class).hasMessageContaining("baseline has 4 values")
                .hasMessageContaining("3 inputs");
    }
}
