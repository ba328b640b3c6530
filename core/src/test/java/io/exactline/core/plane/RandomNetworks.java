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
import io.exactline.core.layer.Relu;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;

/** Seeded random fully connected networks for property tests and benchmarks. */
final class RandomNetworks {
    /** The element-wise activations the tests cover. */
    enum Activation {
        RELU(n -> new Relu(Shape.vector(n))),
        LEAKY_RELU(n -> new LeakyRelu(Shape.vector(n), 0.1)),
        HARD_TANH(n -> HardTanh.standard(Shape.vector(n)));

        private final IntFunction<Layer> make;

        Activation(IntFunction<Layer> make) {
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
        for (int l = 0; l + 1 < widths.length; l++) {
            double[][] w = new double[widths[l + 1]][widths[l]];
            double[] b = new double[widths[l + 1]];
            double sd = Math.sqrt(2.0 / widths[l]);
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < widths[l]; j++) {
                    w[i][j] = sd * random.nextGaussian();
                }
                b[i] = 0.1 * random.nextGaussian();
            }
            layers.add(new Dense(w, b));
            if (l + 2 < widths.length) {
                layers.add(activation.make.apply(widths[l + 1]));
            }
        }
        return new Network(layers, "random " + activation + " net " + Arrays.toString(widths) + " seed "
                + seed);
    }
}
