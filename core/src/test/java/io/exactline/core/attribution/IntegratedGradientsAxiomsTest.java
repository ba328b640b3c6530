package io.exactline.core.attribution;

import static io.exactline.core.attribution.TestNetworks.relu;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.exactline.core.layer.Dense;
import io.exactline.core.layer.HardTanh;
import io.exactline.core.layer.LeakyRelu;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;

/**
 * The axioms of Integrated Gradients (Sundararajan, Taly and Yan, ICML 2017), which the exact computation must
 * satisfy up to rounding, checked on networks built for each.
 */
class IntegratedGradientsAxiomsTest {
    private static final double TOLERANCE = 1e-12;

    /** Input, one ReLU layer of {@code hidden} units, and {@code outputs} outputs. */
    private record TwoLayer(Dense first, Dense second) {
        static TwoLayer random(long seed, int inputs, int hidden, int outputs) {
            Random random = new Random(seed);
            return new TwoLayer(TestNetworks.randomDense(random, inputs, hidden),
                    TestNetworks.randomDense(random, hidden, outputs));
        }

        Network network(String name) {
            return TestNetworks.of(name, first, relu(first.outputs()), second);
        }
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void completenessHoldsWithLeakyReluAndHardTanhLayers(long seed) {
        Random random = new Random(seed);
        Network network = TestNetworks.of("leaky and clipped", TestNetworks.randomDense(random, 4, 16),
                new LeakyRelu(Shape.vector(16), 0.1), TestNetworks.randomDense(random, 16, 16),
                HardTanh.standard(Shape.vector(16)), TestNetworks.randomDense(random, 16, 3));
        double[] x = TestNetworks.randomPoint(random, 4);
        double[] baseline = TestNetworks.randomPoint(random, 4);

        for (int k = 0; k < 3; k++) {
            ExactAttribution ig = IntegratedGradients.of(network).exact(x, Baseline.of(baseline), k);
            double change = network.evaluate(x)[k] - network.evaluate(baseline)[k];
            assertThat(sum(ig.attributions())).as("output %d, %d pieces", k, ig.pieceCount())
                    .isCloseTo(change, within(1e-9 * Math.abs(change)));
        }
    }

    @Test
    void aFeatureThatAloneChangesTheOutputGetsTheWholeChange() {
        Network network = TestNetworks.randomRelu(41, 5, 20, 20, 2);
        double[] baseline = TestNetworks.randomPoint(new Random(41), 5);
        for (int i = 0; i < 5; i++) {
            double[] x = baseline.clone();
            x[i] += 1.5;
            double change = network.evaluate(x)[0] - network.evaluate(baseline)[0];
            assertThat(change).as("feature %d changes the output", i).isNotZero();

            double[] ig = IntegratedGradients.of(network).exact(x, Baseline.of(baseline), 0).attributions();

            assertThat(ig[i]).as("attribution of feature %d", i).isNotZero().isCloseTo(change, within(1e-12));
            for (int j = 0; j < 5; j++) {
                if (j != i) {
                    assertThat(ig[j]).as("attribution of unchanged feature %d", j).isZero();
                }
            }
        }
    }

    @Test
    void aFeatureTheNetworkIgnoresGetsZeroAttribution() {
        TwoLayer net = TwoLayer.random(42, 4, 12, 2);
        double[][] w = net.first().weights();
        for (double[] row : w) {
            row[2] = 0;
        }
        Network network = TestNetworks.of("ignores feature 2", new Dense(w, net.first().bias()), relu(12),
                net.second());

        double[] ig = IntegratedGradients.of(network).exact(new double[] {0.5, -0.7, 3.0, 0.2}, Baseline.zeros(), 1)
                .attributions();

        assertThat(ig[2]).isZero();
        assertThat(Math.abs(ig[0]) + Math.abs(ig[1]) + Math.abs(ig[3])).as("the other features' attribution")
                .isPositive();
    }

    @Test
    void splittingAHiddenNeuronIntoTwoHalvesLeavesAttributionsUnchanged() {
        TwoLayer net = TwoLayer.random(43, 5, 10, 3);
        double[][] w1 = net.first().weights();
        double[] b1 = net.first().bias();
        double[][] w2 = net.second().weights();
        int u = 4;
        // relu(z) = relu(z/2) + relu(z/2): halve unit u's incoming weights and give it a twin with the same output weights
        double[][] splitW1 = new double[11][];
        double[] splitB1 = new double[11];
        for (int h = 0; h < 10; h++) {
            splitW1[h] = w1[h].clone();
            splitB1[h] = b1[h];
        }
        for (int j = 0; j < 5; j++) {
            splitW1[u][j] = w1[u][j] / 2;
        }
        splitB1[u] = b1[u] / 2;
        splitW1[10] = splitW1[u].clone();
        splitB1[10] = splitB1[u];
        double[][] splitW2 = new double[3][11];
        for (int o = 0; o < 3; o++) {
            System.arraycopy(w2[o], 0, splitW2[o], 0, 10);
            splitW2[o][10] = w2[o][u];
        }
        Network original = net.network("original");
        Network split = TestNetworks.of("split", new Dense(splitW1, splitB1), relu(11),
                new Dense(splitW2, net.second().bias()));

        assertSameAttributions(original, split, 43, false);
    }

    @Test
    void permutingHiddenNeuronsLeavesAttributionsUnchanged() {
        TwoLayer net = TwoLayer.random(44, 5, 10, 3);
        int[] permutation = {3, 7, 0, 9, 1, 5, 8, 2, 6, 4};
        double[][] w1 = net.first().weights();
        double[] b1 = net.first().bias();
        double[][] w2 = net.second().weights();
        double[][] permutedW1 = new double[10][];
        double[] permutedB1 = new double[10];
        double[][] permutedW2 = new double[3][10];
        for (int h = 0; h < 10; h++) {
            permutedW1[h] = w1[permutation[h]];
            permutedB1[h] = b1[permutation[h]];
            for (int o = 0; o < 3; o++) {
                permutedW2[o][h] = w2[o][permutation[h]];
            }
        }
        Network permuted = TestNetworks.of("permuted", new Dense(permutedW1, permutedB1), relu(10),
                new Dense(permutedW2, net.second().bias()));

        assertSameAttributions(net.network("original"), permuted, 44, false);
    }

    @Test
    void cancellingNeuronsThatAddBreakpointsLeaveAttributionsUnchanged() {
        TwoLayer net = TwoLayer.random(45, 5, 10, 3);
        Random random = new Random(45);
        // two copies of a new unit, added and subtracted: the function is the same, the partition gets new pieces
        double[] row = TestNetworks.randomPoint(random, 5);
        double bias = 0.05;
        double[][] w1 = new double[12][];
        double[] b1 = new double[12];
        double[][] original = net.first().weights();
        for (int h = 0; h < 10; h++) {
            w1[h] = original[h];
            b1[h] = net.first().bias()[h];
        }
        w1[10] = row;
        w1[11] = row.clone();
        b1[10] = bias;
        b1[11] = bias;
        double[][] w2 = new double[3][12];
        for (int o = 0; o < 3; o++) {
            System.arraycopy(net.second().weights()[o], 0, w2[o], 0, 10);
            w2[o][10] = 2 * random.nextGaussian();
            w2[o][11] = -w2[o][10];
        }
        Network padded = TestNetworks.of("with cancelling units", new Dense(w1, b1), relu(12),
                new Dense(w2, net.second().bias()));

        assertSameAttributions(net.network("original"), padded, 45, true);
    }

    /**
     * Exact IG of {@code a} and {@code b} agree on random segments; with {@code addsPieces}, {@code b}'s partitions
     * must also be finer somewhere, so that the agreement is not just the same computation twice.
     */
    private static void assertSameAttributions(Network a, Network b, long seed, boolean addsPieces) {
        Random random = new Random(seed);
        boolean morePieces = false;
        for (int trial = 0; trial < 5; trial++) {
            double[] x = TestNetworks.randomPoint(random, a.inputSize());
            double[] baseline = TestNetworks.randomPoint(random, a.inputSize());
            assertThat(b.evaluate(x)).as("same function").containsExactly(a.evaluate(x), within(TOLERANCE));
            for (int k = 0; k < a.outputSize(); k++) {
                ExactAttribution igA = IntegratedGradients.of(a).exact(x, Baseline.of(baseline), k);
                ExactAttribution igB = IntegratedGradients.of(b).exact(x, Baseline.of(baseline), k);
                assertThat(igB.attributions()).as("trial %d output %d: %s vs %s", trial, k, igA, igB)
                        .containsExactly(igA.attributions(), within(TOLERANCE));
                morePieces |= igB.pieceCount() > igA.pieceCount();
            }
        }
        if (addsPieces) {
            assertThat(morePieces).as("%s adds breakpoints somewhere", b.source()).isTrue();
        }
    }

    @Test
    void attributionsOfALinearCombinationAreTheCombinationOfAttributions() {
        Network fg = TestNetworks.randomRelu(46, 5, 16, 16, 2);
        double a = 1.7;
        double b = -0.6;
        Network combined = fg.then(TestNetworks.of("a f + b g", new Dense(new double[][] {{a, b}}, new double[] {0})));
        Random random = new Random(46);
        for (int trial = 0; trial < 5; trial++) {
            double[] x = TestNetworks.randomPoint(random, 5);
            Baseline baseline = Baseline.of(TestNetworks.randomPoint(random, 5));
            double[] igF = IntegratedGradients.of(fg).exact(x, baseline, 0).attributions();
            double[] igG = IntegratedGradients.of(fg).exact(x, baseline, 1).attributions();
            double[] expected = new double[5];
            for (int i = 0; i < 5; i++) {
                expected[i] = a * igF[i] + b * igG[i];
            }

            assertThat(IntegratedGradients.of(combined).exact(x, baseline, 0).attributions()).as("trial %d", trial)
                    .containsExactly(expected, within(TOLERANCE));
        }
    }

    @Test
    void symmetricInputsWithEqualValuesGetEqualAttributions() {
        // every hidden unit comes with a twin that has the weights of inputs 0 and 1 swapped, and the same
        // outgoing weights: F(x0, x1, ...) = F(x1, x0, ...)
        Random random = new Random(47);
        Dense half = TestNetworks.randomDense(random, 4, 8);
        double[][] w1 = new double[16][];
        double[] b1 = new double[16];
        for (int h = 0; h < 8; h++) {
            w1[h] = half.weights()[h];
            w1[h + 8] = w1[h].clone();
            w1[h + 8][0] = w1[h][1];
            w1[h + 8][1] = w1[h][0];
            b1[h] = half.bias()[h];
            b1[h + 8] = b1[h];
        }
        Dense out = TestNetworks.randomDense(random, 8, 2);
        double[][] w2 = new double[2][16];
        for (int o = 0; o < 2; o++) {
            for (int h = 0; h < 8; h++) {
                w2[o][h] = out.weights()[o][h];
                w2[o][h + 8] = out.weights()[o][h];
            }
        }
        Network network = TestNetworks.of("symmetric in inputs 0 and 1", new Dense(w1, b1), relu(16), new Dense(w2, out.bias()));
        double[] probe = {0.3, -0.8, 0.1, 0.5};
        assertThat(network.evaluate(new double[] {-0.8, 0.3, 0.1, 0.5})).as("symmetric")
                .containsExactly(network.evaluate(probe), within(1e-15));

        for (int trial = 0; trial < 5; trial++) {
            double[] x = TestNetworks.randomPoint(random, 4);
            double[] baseline = TestNetworks.randomPoint(random, 4);
            x[1] = x[0];
            baseline[1] = baseline[0];
            for (int k = 0; k < 2; k++) {
                double[] ig = IntegratedGradients.of(network).exact(x, Baseline.of(baseline), k).attributions();
                assertThat(ig[0]).as("trial %d output %d", trial, k).isNotZero();
                assertThat(ig[1]).as("trial %d output %d", trial, k).isCloseTo(ig[0], within(TOLERANCE));
            }
        }
    }
}
