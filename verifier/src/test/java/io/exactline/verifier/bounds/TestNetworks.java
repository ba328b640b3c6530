package io.exactline.verifier.bounds;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.exactline.core.layer.Dense;
import io.exactline.core.layer.Layer;
import io.exactline.core.layer.Relu;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;

/** Random networks for the bound tests. */
final class TestNetworks {
    private TestNetworks() {
    }

    /**
     * A ReLU network with the given layer widths ({@code widths[0]} inputs, a Dense per following width, a ReLU
     * after every Dense but the last), weights uniform in {@code [-scale, scale] / sqrt(fan-in)}, biases in
     * {@code [-scale, scale] / 4}.
     */
    static Network randomRelu(Random random, double scale, int... widths) {
        List<Layer> layers = new ArrayList<>();
        for (int l = 1; l < widths.length; l++) {
            layers.add(randomDense(random, scale, widths[l - 1], widths[l]));
            if (l < widths.length - 1) {
                layers.add(new Relu(Shape.vector(widths[l])));
            }
        }
        return new Network(layers, "random " + java.util.Arrays.toString(widths));
    }

    static Dense randomDense(Random random, double scale, int inputs, int outputs) {
        double[][] w = new double[outputs][inputs];
        double[] b = new double[outputs];
        double r = scale / Math.sqrt(inputs);
        for (int j = 0; j < outputs; j++) {
            for (int k = 0; k < inputs; k++) {
                w[j][k] = (2 * random.nextDouble() - 1) * r;
            }
            b[j] = (2 * random.nextDouble() - 1) * scale / 4;
        }
        return new Dense(w, b);
    }
}
