package io.exactline.verifier.bounds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.exactline.core.layer.AveragePool2d;
import io.exactline.core.layer.Conv2d;
import io.exactline.core.layer.ElementwiseAffine;
import io.exactline.core.layer.HardTanh;
import io.exactline.core.layer.Layer;
import io.exactline.core.layer.LeakyRelu;
import io.exactline.core.layer.MaxPool2d;
import io.exactline.core.layer.Relu;
import io.exactline.core.layer.Reshape;
import io.exactline.core.layer.Transpose;
import io.exactline.core.layer.Window2d;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;
import io.exactline.verifier.property.Box;

/**
 * Brute force: on random networks and random boxes, no sampled input (random points, face points and every box
 * corner) has a pre-activation or output outside the computed bounds, for every bounding method; violations are
 * confirmed in exact arithmetic before they fail.
 */
class RandomNetworkSoundnessTest {

    static Stream<Arguments> methods() {
        return Stream.of(
                Arguments.of("interval", BoundOptions.INTERVAL),
                Arguments.of("forward", BoundOptions.FORWARD),
                Arguments.of("backward", BoundOptions.BACKWARD),
                Arguments.of("forward+backward", BoundOptions.FORWARD_BACKWARD));
    }

    private static Box randomBox(Random random, int d, double maxWidth) {
        double[] lo = new double[d];
        double[] hi = new double[d];
        for (int i = 0; i < d; i++) {
            double c = random.nextDouble() - 0.5;
            double w = random.nextDouble() * maxWidth;
            lo[i] = c - w / 2;
            hi[i] = c + w / 2;
        }
        return new Box(lo, hi);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void acasXuShapedNetworksNeverLeaveTheirBounds(String name, BoundOptions options) {
        Random random = new Random(11);
        int checked = 0;
        for (int trial = 0; trial < 4; trial++) {
            Network network = TestNetworks.randomRelu(random, 2.0, 5, 50, 50, 50, 50, 50, 50, 5);
            BoundNetwork net = BoundNetwork.of(network);
            BoundComputer computer = new BoundComputer(net, options);
            Box box = randomBox(random, 5, trial == 0 ? 1.0 : 0.2);
            LayerBounds b = computer.bounds(box, PartialPattern.free(net)).orElseThrow();
            SamplingCheck check = new SamplingCheck(net);
            checked += check.checkLayers(b, SamplingCheck.samples(box, 25_000, random), 32);
            double[] objective = {1, -1, 0, 0, 0};
            double[][] xs = SamplingCheck.samples(box, 2_000, random);
            check.checkObjective(objective, computer.lowerBound(b, objective).lower(), b.pattern(), xs);
        }
        assertThat(checked).isGreaterThanOrEqualTo(100_000);
    }

    /** A mixed network: normalisation, leaky ReLU, hard tanh, a transpose between reshapes. */
    private static Network mixed(Random random) {
        List<Layer> layers = new ArrayList<>();
        double[] scale = new double[6];
        double[] shift = new double[6];
        for (int i = 0; i < 6; i++) {
            scale[i] = 0.5 + random.nextDouble();
            shift[i] = random.nextDouble() - 0.5;
        }
        layers.add(new ElementwiseAffine(Shape.vector(6), scale, shift));
        layers.add(TestNetworks.randomDense(random, 2.0, 6, 12));
        layers.add(new LeakyRelu(Shape.vector(12), 0.1));
        layers.add(new Reshape(Shape.vector(12), Shape.of(3, 4)));
        layers.add(new Transpose(Shape.of(3, 4), new int[] {1, 0}));
        layers.add(new Reshape(Shape.of(4, 3), Shape.vector(12)));
        layers.add(TestNetworks.randomDense(random, 2.0, 12, 10));
        layers.add(new HardTanh(Shape.vector(10), -0.5, 0.75));
        layers.add(TestNetworks.randomDense(random, 2.0, 10, 8));
        layers.add(new Relu(Shape.vector(8)));
        layers.add(TestNetworks.randomDense(random, 2.0, 8, 3));
        return new Network(layers, "mixed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void mixedLayerKindsNeverLeaveTheirBounds(String name, BoundOptions options) {
        Random random = new Random(5);
        for (int trial = 0; trial < 10; trial++) {
            Network network = mixed(random);
            BoundNetwork net = BoundNetwork.of(network);
            BoundComputer computer = new BoundComputer(net, options.withAlphaSteps(trial % 2 == 0 ? 0 : 5));
            Box box = randomBox(random, 6, 2.0);
            LayerBounds b = computer.bounds(box, PartialPattern.free(net)).orElseThrow();
            SamplingCheck check = new SamplingCheck(net);
            check.checkLayers(b, SamplingCheck.samples(box, 5_000, random), 64);
            double[] objective = {1, 0.5, -2};
            check.checkObjective(objective, computer.lowerBound(b, objective).lower(), b.pattern(),
                    SamplingCheck.samples(box, 5_000, random));
        }
    }

    /**
     * A small convolutional network: padded convolution, ReLU, 2x2 max pooling, convolution, ReLU, 2x2 average
     * pooling (divisor 4, so exact evaluation stays dyadic), flatten, dense.
     */
    private static Network convolutional(Random random) {
        List<Layer> layers = new ArrayList<>();
        Shape input = Shape.of(1, 6, 6);
        layers.add(conv(random, input, 4, Window2d.of(3, 3).withPads(1, 1, 1, 1)));
        layers.add(new Relu(Shape.of(4, 6, 6)));
        layers.add(new MaxPool2d(Shape.of(4, 6, 6), Window2d.of(2, 2).withStrides(2, 2)));
        layers.add(conv(random, Shape.of(4, 3, 3), 3, Window2d.of(2, 2)));
        layers.add(new Relu(Shape.of(3, 2, 2)));
        layers.add(new AveragePool2d(Shape.of(3, 2, 2), Window2d.of(2, 2), false));
        layers.add(new Reshape(Shape.of(3, 1, 1), Shape.vector(3)));
        layers.add(TestNetworks.randomDense(random, 2.0, 3, 2));
        return new Network(layers, "conv");
    }

    private static Conv2d conv(Random random, Shape input, int outChannels, Window2d window) {
        int inChannels = input.dim(0);
        double[] kernel = new double[outChannels * inChannels * window.size()];
        double scale = 2.0 / Math.sqrt(inChannels * window.size());
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] = (2 * random.nextDouble() - 1) * scale;
        }
        double[] bias = new double[outChannels];
        for (int o = 0; o < outChannels; o++) {
            bias[o] = random.nextDouble() - 0.5;
        }
        return new Conv2d(input, outChannels, 1, window, kernel, bias);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void convolutionalNetworksWithPoolingNeverLeaveTheirBounds(String name, BoundOptions options) {
        Random random = new Random(41);
        for (int trial = 0; trial < 6; trial++) {
            Network network = convolutional(random);
            BoundNetwork net = BoundNetwork.of(network);
            BoundComputer computer = new BoundComputer(net, options.withAlphaSteps(trial % 2 == 0 ? 0 : 4));
            double[] center = new double[36];
            for (int i = 0; i < center.length; i++) {
                center[i] = random.nextDouble();
            }
            Box box = Box.around(center, trial < 3 ? 0.02 : 0.2, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
            LayerBounds b = computer.bounds(box, PartialPattern.free(net)).orElseThrow();
            SamplingCheck check = new SamplingCheck(net);
            check.checkLayers(b, SamplingCheck.samples(box, 3_000, random), 0);
            double[] objective = {1, -1};
            check.checkObjective(objective, computer.lowerBound(b, objective).lower(), b.pattern(),
                    SamplingCheck.samples(box, 2_000, random));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void boundsUnderAPartialPatternHoldForTheInputsThatFollowIt(String name, BoundOptions options) {
        Random random = new Random(23);
        for (int trial = 0; trial < 6; trial++) {
            Network network = TestNetworks.randomRelu(random, 2.0, 3, 12, 12, 12, 2);
            BoundNetwork net = BoundNetwork.of(network);
            BoundComputer computer = new BoundComputer(net, options.withAlphaSteps(trial % 2 == 0 ? 0 : 10));
            Box box = randomBox(random, 3, 1.5);
            LayerBounds free = computer.bounds(box, PartialPattern.free(net)).orElseThrow();
            PartialPattern pattern = PartialPattern.free(net);
            double[] anchor = box.midpoint();
            List<double[]> values = network.activations(anchor);
            for (int fixed = 0; fixed < 4; fixed++) {
                int k = random.nextInt(net.activationLayerCount());
                int u = random.nextInt(net.unitCount(k));
                double z = values.get(net.networkLayerIndex(k))[u];
                pattern = pattern.with(k, u, z > 0 ? 1 : 0);
            }
            SamplingCheck check = new SamplingCheck(net);
            double[][] xs = SamplingCheck.samples(box, 20_000, random);
            LayerBounds b = computer.bounds(box, pattern, free).orElseThrow();
            int followed = check.checkLayers(b, xs, 0);
            assertThat(followed).as("samples following %s", pattern).isPositive();
            double[] objective = {1, -1};
            check.checkObjective(objective, computer.lowerBound(b, objective).lower(), pattern, xs);
            for (int t = 0; t < net.activationLayerCount(); t++) {
                for (int j = 0; j < net.unitCount(t); j++) {
                    assertThat(b.preActivationLower(t, j)).isGreaterThanOrEqualTo(free.preActivationLower(t, j));
                    assertThat(b.preActivationUpper(t, j)).isLessThanOrEqualTo(free.preActivationUpper(t, j));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void boundsOfAHalfBoxReusingTheParentsHoldOnTheHalf(String name, BoundOptions options) {
        Random random = new Random(31);
        for (int trial = 0; trial < 5; trial++) {
            Network network = TestNetworks.randomRelu(random, 2.0, 5, 20, 20, 20, 4);
            BoundNetwork net = BoundNetwork.of(network);
            BoundComputer computer = new BoundComputer(net, options);
            Box box = randomBox(random, 5, 1.0);
            LayerBounds parent = computer.bounds(box, PartialPattern.free(net)).orElseThrow();
            Box half = box.bisect(random.nextInt(5))[random.nextInt(2)];
            LayerBounds child = computer.bounds(half, PartialPattern.free(net), parent).orElseThrow();
            new SamplingCheck(net).checkLayers(child, SamplingCheck.samples(half, 10_000, random), 32);
        }
    }
}
