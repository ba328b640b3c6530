package io.exactline.core.attribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.exactline.core.layer.Dense;
import io.exactline.core.layer.Layer;
import io.exactline.core.layer.Relu;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;

/** Small networks for the attribution tests. */
final class TestNetworks {
    private TestNetworks() {
    }

    /** A dense ReLU network with the given layer widths (input first), Gaussian weights scaled by fan-in. */
    static Network randomRelu(long seed, int... widths) {
        Random random = new Random(seed);
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l + 1 < widths.length; l++) {
            layers.add(randomDense(random, widths[l], widths[l + 1]));
            if (l + 2 < widths.length) {
                layers.add(new Relu(Shape.vector(widths[l + 1])));
            }
        }
        return new Network(layers, "random relu " + seed);
    }

    static Dense randomDense(Random random, int inputs, int outputs) {
        double[][] w = new double[outputs][inputs];
        double[] b = new double[outputs];
        for (int i = 0; i < outputs; i++) {
            for (int j = 0; j < inputs; j++) {
                w[i][j] = random.nextGaussian() / Math.sqrt(inputs);
            }
            b[i] = 0.3 * random.nextGaussian();
        }
        return new Dense(w, b);
    }

    static double[] randomPoint(Random random, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 2 * random.nextDouble() - 1;
        }
        return x;
    }

    /** Dense layers and ReLUs, input side first, as a network. */
    static Network of(String name, Layer... layers) {
        return new Network(List.of(layers), name);
    }

    static Relu relu(int n) {
        return new Relu(Shape.vector(n));
    }

    static Dense dense(double[][] w, double... b) {
        return new Dense(w, b);
    }
}
