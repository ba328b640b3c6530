package io.exactline.core.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.exactline.core.layer.Conv2d;
import io.exactline.core.layer.Dense;
import io.exactline.core.layer.ElementwiseAffine;
import io.exactline.core.layer.HardTanh;
import io.exactline.core.layer.LeakyRelu;
import io.exactline.core.layer.MaxPool2d;
import io.exactline.core.layer.Relu;
import io.exactline.core.layer.Reshape;
import io.exactline.core.layer.Sigmoid;
import io.exactline.core.layer.Transpose;
import io.exactline.core.layer.Window2d;
import io.exactline.core.line.ExactLine;
import io.exactline.core.line.LinePartition;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;
import io.exactline.core.network.UnsupportedNetworkException;

/** The walked per-piece gradients against back-propagation at every piece's midpoint. */
class GradientWalkTest {

    private static void assertWalkMatchesBackPropagation(Network network, int chunkPieces, long seed) {
        Random random = new Random(seed);
        IntegratedGradients ig = IntegratedGradients.of(network, chunkPieces);
        for (int trial = 0; trial < 3; trial++) {
            double[] a = TestNetworks.randomPoint(random, network.inputSize());
            double[] b = TestNetworks.randomPoint(random, network.inputSize());
            for (int i = 0; i < b.length; i++) {
                b[i] *= 3;
            }
            LinePartition partition = ExactLine.partition(network, a, b);
            for (int k = 0; k < network.outputSize(); k++) {
                PathGradients path = ig.along(partition, k);
                for (int j = 0; j < partition.pieceCount(); j++) {
                    assertThat(path.gradient(j)).as("%s, chunks of %d, trial %d, output %d, piece %d of %d",
                            network.source(), chunkPieces, trial, k, j, partition.pieceCount())
                            .containsExactly(partition.gradientOf(j, k), within(1e-12));
                }
            }
        }
    }

    @ParameterizedTest(name = "chunks of {0} pieces")
    @ValueSource(ints = {1, 2, 7, 256})
    void walkedGradientsEqualBackPropagationWhateverTheChunking(int chunkPieces) {
        assertWalkMatchesBackPropagation(TestNetworks.randomRelu(61, 4, 24, 24, 12, 3), chunkPieces, 61);
    }

    @Test
    void handlesLeakyReluAndHardTanhSlopes() {
        Random random = new Random(62);
        Network network = TestNetworks.of("leaky and clipped", TestNetworks.randomDense(random, 3, 16),
                new LeakyRelu(Shape.vector(16), 0.2), TestNetworks.randomDense(random, 16, 16),
                HardTanh.standard(Shape.vector(16)), TestNetworks.randomDense(random, 16, 2));

        assertWalkMatchesBackPropagation(network, 5, 62);
    }

    @Test
    void composesTransposesReshapesAndScalingsIntoOneBlock() {
        Random random = new Random(63);
        Shape image = Shape.of(2, 3, 2);
        double[] scale = new double[12];
        double[] shift = new double[12];
        for (int i = 0; i < 12; i++) {
            scale[i] = 0.5 + random.nextDouble();
            shift[i] = random.nextGaussian();
        }
        Network network = TestNetworks.of("image-like", new ElementwiseAffine(image, scale, shift),
                new Transpose(image, new int[] {2, 0, 1}), new Reshape(Shape.of(2, 2, 3), Shape.vector(12)),
                TestNetworks.randomDense(random, 12, 20), new Relu(Shape.vector(20)),
                TestNetworks.randomDense(random, 20, 3));

        assertWalkMatchesBackPropagation(network, 4, 63);
    }

    @Test
    void handlesActivationsWithoutAffineLayersBetweenThemOrAtTheEnds() {
        Random random = new Random(64);
        Network network = TestNetworks.of("activation first and last", new Relu(Shape.vector(4)),
                TestNetworks.randomDense(random, 4, 10), new Relu(Shape.vector(10)), HardTanh.standard(Shape.vector(10)),
                TestNetworks.randomDense(random, 10, 3), new Relu(Shape.vector(3)));

        assertWalkMatchesBackPropagation(network, 3, 64);
    }

    @Test
    void walksThroughConvolutions() {
        Random random = new Random(67);
        Shape image = Shape.of(2, 6, 6);
        Conv2d first = new Conv2d(image, 3, 1, Window2d.of(3, 3), gaussians(random, 3 * 2 * 9), gaussians(random, 3));
        Conv2d second = new Conv2d(first.outputShape(), 4, 1, Window2d.of(2, 2).withStrides(2, 2),
                gaussians(random, 4 * 3 * 4), gaussians(random, 4));
        Network network = TestNetworks.of("conv", first, new Relu(first.outputShape()), second,
                new Relu(second.outputShape()), new Reshape(second.outputShape(), Shape.vector(16)),
                TestNetworks.randomDense(random, 16, 3));

        assertWalkMatchesBackPropagation(network, 6, 67);
    }

    @Test
    void backPropagatesPiecesOfNetworksWithMaxPooling() {
        Random random = new Random(68);
        Shape image = Shape.of(1, 4, 4);
        MaxPool2d pool = new MaxPool2d(image, Window2d.of(2, 2).withStrides(2, 2));
        Network network = TestNetworks.of("max pool", TestNetworks.randomDense(random, 3, 16),
                new Reshape(Shape.vector(16), image), pool, new Reshape(pool.outputShape(), Shape.vector(4)),
                new Relu(Shape.vector(4)), TestNetworks.randomDense(random, 4, 2));

        assertWalkMatchesBackPropagation(network, 3, 68);
        ExactAttribution ig = IntegratedGradients.of(network).exact(new double[] {1, -2, 3}, Baseline.zeros(), 0);
        assertThat(ig.relativeCompletenessGap().orElseThrow()).as("%s", ig).isLessThan(1e-9);
    }

    private static double[] gaussians(Random random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 0.5 * random.nextGaussian();
        }
        return v;
    }

    @Test
    void anAffineNetworkHasOneConstantGradient() {
        Dense affine = TestNetworks.randomDense(new Random(65), 3, 2);
        Network network = TestNetworks.of("affine", affine);

        PathGradients path = IntegratedGradients.of(network).path(new double[] {1, 2, 3}, Baseline.zeros(), 1);

        assertThat(path.pieceCount()).isEqualTo(1);
        assertThat(path.gradient(0)).containsExactly(affine.weights()[1]);
    }

    @Test
    void aChangeInASparseFirstLayerMovesOnlyTheEntriesItReads() {
        // each first-layer unit reads two of 40 inputs: a unit switching moves two gradient entries
        Random random = new Random(66);
        double[][] w = new double[40][40];
        double[] bias = new double[40];
        for (int u = 0; u < 40; u++) {
            w[u][u] = random.nextGaussian();
            w[u][(u + 1) % 40] = random.nextGaussian();
            bias[u] = 0.2 * random.nextGaussian();
        }
        Network network = TestNetworks.of("sparse first layer", new Dense(w, bias), new Relu(Shape.vector(40)),
                TestNetworks.randomDense(random, 40, 2));
        PathGradients path = IntegratedGradients.of(network).path(TestNetworks.randomPoint(random, 40),
                Baseline.uniformNoise(-1, 1, 66), 0);

        assertThat(path.pieceCount()).isGreaterThan(10);
        assertThat(path.changedEntries()).isLessThanOrEqualTo(2 * (path.pieceCount() - 1));
    }

    @Test
    void rejectsANetworkWithASmoothLayerNamingIt() {
        Network network = TestNetworks.of("smooth", TestNetworks.randomDense(new Random(1), 2, 2),
                new Sigmoid(Shape.vector(2)));

        assertThatThrownBy(() -> IntegratedGradients.of(network)).isInstanceOf(UnsupportedNetworkException.class)
                .hasMessageContaining("layer 1");
    }
}
