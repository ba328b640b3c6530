package io.exactline.verifier.bounds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.exactline.core.layer.Dense;
import io.exactline.core.layer.Layer;
import io.exactline.core.layer.Relu;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;

/** Networks for the bound tests: random ones of given widths, and the ACAS Xu networks read from .nnet. */
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

    /**
     * The hidden and output layers of an ACAS Xu .nnet file as a network on normalised inputs (no input
     * normalisation, no output scaling), which is what the VNN-COMP ONNX networks and properties use.
     */
    static Network acasXu(Path nnet) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(nnet)) {
            if (!line.startsWith("//") && !line.isBlank()) {
                lines.add(line);
            }
        }
        int[] sizes = numbers(lines.get(1)).stream().mapToInt(Double::intValue).toArray();
        int at = 7;
        List<Layer> layers = new ArrayList<>();
        for (int l = 1; l < sizes.length; l++) {
            double[][] w = new double[sizes[l]][];
            for (int j = 0; j < sizes[l]; j++) {
                w[j] = numbers(lines.get(at++)).stream().mapToDouble(Double::doubleValue).toArray();
            }
            double[] b = new double[sizes[l]];
            for (int j = 0; j < sizes[l]; j++) {
                b[j] = numbers(lines.get(at++)).get(0);
            }
            layers.add(new Dense(w, b));
            if (l < sizes.length - 1) {
                layers.add(new Relu(Shape.vector(sizes[l])));
            }
        }
        return new Network(layers, nnet.getFileName().toString());
    }

    private static List<Double> numbers(String line) {
        List<Double> values = new ArrayList<>();
        for (String part : line.split(",")) {
            if (!part.isBlank()) {
                values.add(Double.parseDouble(part.trim()));
            }
        }
        return values;
    }
}
