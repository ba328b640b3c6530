package io.exactline.preconditions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.exactline.core.layer.Dense;
import io.exactline.core.layer.Layer;
import io.exactline.core.layer.Relu;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;

/** Small random ReLU networks for tests. */
final class RandomNetworks {
    private RandomNetworks() {
    }

    /**
     * A fully connected ReLU network {@code sizes[0] -> ... -> sizes[last]}, Gaussian weights scaled by
     * {@code 1/sqrt(fan-in)}, small Gaussian biases, no activation after the last layer.
     */
    static Network relu(Random random, int... sizes) {
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l + 1 < sizes.length; l++) {
            double[][] w = new double[sizes[l + 1]][sizes[l]];
            double[] b = new double[sizes[l + 1]];
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < w[i].length; j++) {
                    w[i][j] = random.nextGaussian() / Math.sqrt(sizes[l]);
                }
                b[i] = 0.1 * random.nextGaussian();
            }
            layers.add(new Dense(w, b));
            if (l + 2 < sizes.length) {
                layers.add(new Relu(Shape.vector(sizes[l + 1])));
            }
        }
        return new Network(layers, "random " + Arrays.toString(sizes));
    }

    /** A uniform point of the square {@code [-1, 1]^2}, the tests' input domain. */
    static double[] point(Random random) {
        return new double[] {2 * random.nextDouble() - 1, 2 * random.nextDouble() - 1};
    }

    /** The index of a greatest of {@code y} (the first on ties). */
    static int argmax(double[] y) {
        int k = 0;
        for (int i = 1; i < y.length; i++) {
            k = y[i] > y[k] ? i : k;
        }
        return k;
    }
}
