package io.exactline.core.plane;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

import io.exactline.core.layer.Dense;
import io.exactline.core.layer.HardTanh;
import io.exactline.core.layer.Layer;
import io.exactline.core.layer.LeakyRelu;
import io.exactline.core.layer.MaxPool2d;
import io.exactline.core.layer.Relu;
import io.exactline.core.layer.Reshape;
import io.exactline.core.layer.Window2d;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;

/** Seeded random fully connected networks for property tests and benchmarks. */
final class RandomNetworks {
    /**
     * The activations the tests cover: element-wise ones, and a ReLU followed by max pooling over overlapping
     * windows of three consecutive units (stride 1), which narrows a layer of {@code n} units to {@code n - 2}.
     */
    enum Activation {
        RELU(n -> List.of(new Relu(Shape.vector(n)))),
        LEAKY_RELU(n -> List.of(new LeakyRelu(Shape.vector(n), 0.1))),
        HARD_TANH(n -> List.of(HardTanh.standard(Shape.vector(n)))),
        RELU_MAX_POOL(n -> List.of(new Relu(Shape.vector(n)), new Reshape(Shape.vector(n), Shape.of(1, 1, n)),
                new MaxPool2d(Shape.of(1, 1, n), Window2d.of(1, 3)),
                new Reshape(Shape.of(1, 1, n - 2), Shape.vector(n - 2))));

        private final IntFunction<List<Layer>> make;

        Activation(IntFunction<List<Layer>> make) {
            this.make = make;
        }
    }

    private RandomNetworks() {
    }

    /**
     * Dense layers of the given widths (input first) with the activation after every hidden one; weights
     * N(0, 2 / fan-in), biases N(0, 0.1^2) so that units cut the input domain.
     */
    static Network dense(long seed, Activation activation, int... widths) {
        Random random = new Random(seed);
        List<Layer> layers = new ArrayList<>();
        int in = widths[0];
        for (int l = 0; l + 1 < widths.length; l++) {
            double[][] w = new double[widths[l + 1]][in];
            double[] b = new double[widths[l + 1]];
            double sd = Math.sqrt(2.0 / in);
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < in; j++) {
                    w[i][j] = sd * random.nextGaussian();
                }
                b[i] = 0.1 * random.nextGaussian();
            }
            layers.add(new Dense(w, b));
            in = widths[l + 1];
            if (l + 2 < widths.length) {
                List<Layer> activations = activation.make.apply(in);
                layers.addAll(activations);
                in = activations.get(activations.size() - 1).outputShape().size();
            }
        }
        return new Network(layers, "random " + activation + " net " + Arrays.toString(widths) + " seed "
                + seed);
    }
}
