package io.exactline.verifier.encoding;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

import io.exactline.core.layer.Dense;
import io.exactline.core.layer.Layer;
import io.exactline.core.layer.Relu;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;

/** Small networks for solver tests. */
public final class TestNetworks {
    private TestNetworks() {
    }

    /** A dense layer over a flat vector. */
    public static Dense dense(double[][] w, double... b) {
        return new Dense(w, b);
    }

    /** A ReLU over {@code n} values. */
    public static Relu relu(int n) {
        return new Relu(Shape.vector(n));
    }

    /** A network of the given layers. */
    public static Network network(String name, Layer... layers) {
        return new Network(List.of(layers), name);
    }

    /**
     * A random fully connected ReLU network {@code sizes[0] -> ... -> sizes[last]} with Gaussian weights scaled by
     * {@code 1/sqrt(fan-in)} and small Gaussian biases; no activation after the last layer.
     */
    public static Network randomRelu(Random random, int... sizes) {
        return random(random, n -> new Relu(Shape.vector(n)), sizes);
    }

    /** As {@link #randomRelu}, with {@code activation.apply(n)} after every hidden layer of {@code n} units. */
    public static Network random(Random random, IntFunction<Layer> activation, int... sizes) {
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
                layers.add(activation.apply(sizes[l + 1]));
            }
        }
        return new Network(layers, "random " + java.util.Arrays.toString(sizes));
    }
}
