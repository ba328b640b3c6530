package io.exactline.verifier.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.exactline.core.layer.Dense;
import io.exactline.core.layer.Layer;
import io.exactline.core.layer.Relu;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;

class LeafBoundsTest {
    /** {@code y = relu(x) - relu(x - 1)}, i.e. x clipped to [0, 1]. */
    private static Network clip() {
        return new Network(List.of(new Dense(new double[][] {{1}, {1}}, new double[] {0, -1}),
                new Relu(Shape.vector(2)), new Dense(new double[][] {{1, -1}}, new double[] {0})), "clip");
    }

    private static int[][] free(ExactNetwork net) {
        int[][] states = new int[net.reluLayerCount()][];
        for (int k = 0; k < states.length; k++) {
            states[k] = new int[net.reluSize(k)];
            Arrays.fill(states[k], -1);
        }
        return states;
    }

    @Test
    void stableUnitsGiveTheExactAffineBoundUpToRounding() {
        ExactNetwork net = ExactNetwork.of(clip());
        LeafBounds b = new LeafBounds(net, new double[] {0.5}, new double[] {0.75}, free(net));

        double lower = b.lowerBound(new double[] {1}, new double[] {0}, 0.0);

        assertThat(lower).isLessThanOrEqualTo(0.5).isGreaterThan(0.5 - 1e-12);
    }

    @Test
    void anUnstableUnitIsRelaxedByTheTriangleAndTheBoundStaysBelowTheMinimum() {
        ExactNetwork net = ExactNetwork.of(clip());
        LeafBounds b = new LeafBounds(net, new double[] {-1}, new double[] {3}, free(net));

        double lower = b.lowerBound(new double[] {1}, new double[] {0}, 0.0);
        double upper = -b.lowerBound(new double[] {-1}, new double[] {0}, 0.0);

        assertThat(lower).as("min of clip over [-1, 3] is 0").isLessThanOrEqualTo(0.0);
        assertThat(upper).as("max of clip over [-1, 3] is 1").isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void aFixedUnitContradictedByItsBoundsMakesTheLeafVoidAndAConsistentOneDoesNot() {
        ExactNetwork net = ExactNetwork.of(clip());
        int[][] inactive = free(net);
        inactive[0][0] = 0;
        int[][] active = free(net);
        active[0][0] = 1;

        assertThat(new LeafBounds(net, new double[] {0.5}, new double[] {0.75}, inactive).infeasibility())
                .as("x >= 0.5 cannot have x <= 0").isPresent();
        assertThat(new LeafBounds(net, new double[] {0.5}, new double[] {0.75}, active).infeasibility()).isEmpty();
        assertThat(new LeafBounds(net, new double[] {-0.5}, new double[] {0.75}, inactive).infeasibility()).isEmpty();
    }

    @Test
    void fixingAUnitOnAnUnstableBoxUsesItsPieceExactly() {
        ExactNetwork net = ExactNetwork.of(clip());
        int[][] inactive = free(net);
        inactive[0][0] = 0;

        double upper = -new LeafBounds(net, new double[] {-1}, new double[] {0.5}, inactive).lowerBound(
                new double[] {-1}, new double[] {0}, 0.0);

        assertThat(upper).as("with x <= 0 fixed, y = 0").isLessThanOrEqualTo(1e-12).isGreaterThanOrEqualTo(0.0);
    }

    @Test
    void aFixedActiveUnitWhoseBoxAllowsNegativeValuesIsBoundedByItsPieceNotByTheWholeBox() {
        ExactNetwork net = ExactNetwork.of(new Network(List.of(new Dense(new double[][] {{1}}, new double[] {0}),
                new Relu(Shape.vector(1)), new Dense(new double[][] {{1}}, new double[] {0})), "relu"));
        int[][] active = free(net);
        active[0][0] = 1;

        double lower = new LeafBounds(net, new double[] {-3}, new double[] {1}, active).lowerBound(new double[] {1},
                new double[] {0}, 0.0);

        assertThat(lower).as("on the leaf x >= 0, so relu(x) >= 0; the identity over the box would give -3")
                .isGreaterThanOrEqualTo(-1e-12).isLessThanOrEqualTo(0.0);
    }

    @Test
    void givenSlopesInZeroOneTightenTheBoundAndAreCheckedForRange() {
        ExactNetwork net = ExactNetwork.of(clip());
        LeafBounds b = new LeafBounds(net, new double[] {-1}, new double[] {3}, free(net));
        double plain = b.lowerBound(new double[] {1}, new double[] {0}, 0.0);

        double sloped = b.lowerBound(new double[] {1}, new double[] {0}, 0.0,
                List.of(new ProofNode.Slope(0, 0, 0.5)));

        assertThat(sloped).as("relu(x) >= x/2 beats both x and 0 here").isGreaterThan(plain).isLessThanOrEqualTo(0.0);
        assertThatThrownBy(() -> b.lowerBound(new double[] {1}, new double[] {0}, 0.0,
                List.of(new ProofNode.Slope(0, 0, 1.0000000000000002)))).hasMessageContaining("outside [0, 1]");
        assertThatThrownBy(() -> b.lowerBound(new double[] {1}, new double[] {0}, 0.0,
                List.of(new ProofNode.Slope(0, 1, 0.5), new ProofNode.Slope(0, 1, 0.25))))
                .hasMessageContaining("two slopes");
        assertThatThrownBy(() -> b.lowerBound(new double[] {1}, new double[] {0}, 0.0,
                List.of(new ProofNode.Slope(1, 0, 0.5)))).hasMessageContaining("does not have");
    }

    @Test
    void lowerBoundsNeverExceedSampledValuesOnRandomNetworksBoxesAndPatterns() {
        Random random = new Random(5);
        for (int trial = 0; trial < 200; trial++) {
            int inputs = 1 + random.nextInt(3);
            Network network = randomNetwork(random, inputs, 2 + random.nextInt(2));
            ExactNetwork net = ExactNetwork.of(network);
            double[] lo = new double[inputs];
            double[] hi = new double[inputs];
            for (int i = 0; i < inputs; i++) {
                lo[i] = random.nextDouble() * 2 - 1;
                hi[i] = lo[i] + random.nextDouble();
            }
            int[][] states = free(net);
            for (int fixed = random.nextInt(3); fixed > 0; fixed--) {
                int k = random.nextInt(states.length);
                states[k][random.nextInt(states[k].length)] = random.nextInt(2);
            }
            double[] c = new double[network.outputSize()];
            double[] e = new double[inputs];
            Arrays.setAll(c, j -> random.nextGaussian());
            Arrays.setAll(e, i -> random.nextInt(3) == 0 ? random.nextGaussian() : 0.0);
            double d = random.nextGaussian();
            LeafBounds bounds = new LeafBounds(net, lo, hi, states);
            List<ProofNode.Slope> slopes = new ArrayList<>();
            for (int k = 0; k < states.length; k++) {
                for (int j = 0; j < states[k].length; j++) {
                    if (random.nextBoolean()) {
                        slopes.add(new ProofNode.Slope(k, j, random.nextInt(4) == 0 ? random.nextInt(2)
                                : random.nextDouble()));
                    }
                }
            }
            int following = 0;
            for (int sample = 0; sample < 300; sample++) {
                double[] x = new double[inputs];
                Arrays.setAll(x, i -> lo[i] + random.nextDouble() * (hi[i] - lo[i]));
                if (!follows(network, x, states)) {
                    continue;
                }
                following++;
                assertThat(bounds.infeasibility()).as("trial %d: x = %s follows the pattern", trial,
                        Arrays.toString(x)).isEmpty();
                double[] y = network.evaluate(x);
                double value = d;
                for (int j = 0; j < y.length; j++) {
                    value += c[j] * y[j];
                }
                for (int i = 0; i < inputs; i++) {
                    value += e[i] * x[i];
                }
                assertThat(bounds.lowerBound(c, e, d)).as("trial %d at x = %s", trial, Arrays.toString(x))
                        .isLessThanOrEqualTo(value + 1e-9);
                assertThat(bounds.lowerBound(c, e, d, slopes)).as("trial %d at x = %s with slopes %s", trial,
                        Arrays.toString(x), slopes).isLessThanOrEqualTo(value + 1e-9);
            }
            if (following == 0 && bounds.infeasibility().isEmpty()) {
                assertThat(bounds.lowerBound(c, e, d)).isNotNaN();
            }
        }
    }

    /** Whether the pre-activations at {@code x} lie in the pieces {@code states} fixes. */
    private static boolean follows(Network network, double[] x, int[][] states) {
        List<double[]> values = network.activations(x);
        int k = 0;
        for (int l = 0; l < network.layers().size(); l++) {
            if (network.layers().get(l) instanceof Relu) {
                double[] z = values.get(l);
                for (int j = 0; j < z.length; j++) {
                    if ((states[k][j] == 0 && z[j] > 0) || (states[k][j] == 1 && z[j] < 0)) {
                        return false;
                    }
                }
                k++;
            }
        }
        return true;
    }

    static Network randomNetwork(Random random, int inputs, int hiddenLayers) {
        List<Layer> layers = new ArrayList<>();
        int width = inputs;
        for (int l = 0; l <= hiddenLayers; l++) {
            int next = l == hiddenLayers ? 2 : 3 + random.nextInt(5);
            double[][] w = new double[next][width];
            double[] b = new double[next];
            for (int r = 0; r < next; r++) {
                for (int k = 0; k < width; k++) {
                    w[r][k] = random.nextGaussian();
                }
                b[r] = random.nextGaussian() * 0.5;
            }
            layers.add(new Dense(w, b));
            if (l < hiddenLayers) {
                layers.add(new Relu(Shape.vector(next)));
            }
            width = next;
        }
        return new Network(layers, "random");
    }
}
