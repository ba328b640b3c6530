package io.exactline.core.line;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.exactline.core.layer.Conv2d;
import io.exactline.core.layer.Dense;
import io.exactline.core.layer.ElementwiseAffine;
import io.exactline.core.layer.HardTanh;
import io.exactline.core.layer.Layer;
import io.exactline.core.layer.LeakyRelu;
import io.exactline.core.layer.MaxPool2d;
import io.exactline.core.layer.Relu;
import io.exactline.core.layer.Window2d;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;

/** Seeded random fully connected networks and points for ExactLine tests and benchmarks. */
public final class RandomNetworks {
    private RandomNetworks() {
    }

    /** The activation placed after every hidden dense layer. */
    public enum Activation {
        RELU, LEAKY_RELU, HARD_TANH, MIXED
    }

    /**
     * {@code inputs -> hidden[0] -> ... -> outputs}: He-initialised dense layers (weights {@code N(0, 2/fanIn)},
     * biases {@code N(0, 0.1^2)}), each hidden one followed by the activation.
     */
    public static Network dense(Random random, Activation activation, int inputs, int outputs, int... hidden) {
        return build(random, activation, false, inputs, outputs, hidden);
    }

    /**
     * As {@link #dense}, with an element-wise affine input normalisation in front and a random element-wise
     * affine layer (a folded batch norm) after every hidden activation.
     */
    public static Network denseWithScaling(Random random, Activation activation, int inputs, int outputs,
            int... hidden) {
        return build(random, activation, true, inputs, outputs, hidden);
    }

    private static Network build(Random random, Activation activation, boolean scaling, int inputs, int outputs,
            int... hidden) {
        List<Layer> layers = new ArrayList<>();
        if (scaling) {
            layers.add(randomScaling(random, inputs));
        }
        int width = inputs;
        for (int h = 0; h < hidden.length; h++) {
            layers.add(heDense(random, width, hidden[h]));
            width = hidden[h];
            layers.add(activation(random, activation, h, width));
            if (scaling) {
                layers.add(randomScaling(random, width));
            }
        }
        layers.add(heDense(random, width, outputs));
        return new Network(layers, "random " + activation + " " + inputs + "-" + Arrays.toString(hidden)
                + "-" + outputs);
    }

    private static Layer activation(Random random, Activation activation, int index, int width) {
        Shape shape = Shape.vector(width);
        return switch (activation) {
            case RELU -> new Relu(shape);
            case LEAKY_RELU -> new LeakyRelu(shape, 0.01 + 0.3 * random.nextDouble());
            case HARD_TANH -> HardTanh.standard(shape);
            case MIXED -> activation(random, Activation.values()[index % 3], index, width);
        };
    }

    /** A dense layer with weights {@code N(0, 2 / inputs)} and biases {@code N(0, 0.1^2)}. */
    public static Dense heDense(Random random, int inputs, int outputs) {
        double scale = Math.sqrt(2.0 / inputs);
        double[][] weights = new double[outputs][inputs];
        double[] bias = new double[outputs];
        for (int i = 0; i < outputs; i++) {
            for (int j = 0; j < inputs; j++) {
                weights[i][j] = scale * random.nextGaussian();
            }
            bias[i] = 0.1 * random.nextGaussian();
        }
        return new Dense(weights, bias);
    }

    private static ElementwiseAffine randomScaling(Random random, int width) {
        double[] scale = new double[width];
        double[] shift = new double[width];
        for (int i = 0; i < width; i++) {
            scale[i] = 0.5 + random.nextDouble();
            shift[i] = 0.2 * random.nextGaussian();
        }
        return new ElementwiseAffine(Shape.vector(width), scale, shift);
    }

    /**
     * {@code [channels, size, size] -> conv 3x3 pad 1 (filters) -> ReLU -> max pool 2x2 stride 2 -> dense -> outputs},
     * He-initialised; {@code size} must be even.
     */
    public static Network convPool(Random random, int channels, int size, int filters, int outputs) {
        Shape input = Shape.of(channels, size, size);
        Conv2d conv = heConv(random, input, filters, Window2d.of(3, 3).withPads(1, 1, 1, 1));
        MaxPool2d pool = new MaxPool2d(conv.outputShape(), Window2d.of(2, 2).withStrides(2, 2));
        Dense head = heDense(random, pool.outputShape().size(), outputs);
        Dense shaped = new Dense(head.weights(), head.bias(), pool.outputShape());
        return new Network(List.of(conv, new Relu(conv.outputShape()), pool, shaped),
                "random conv-pool " + input + "-" + filters + "-" + outputs);
    }

    /**
     * {@code [channels, size, size] -> conv 3x3 pad 1 (filters) -> ReLU -> conv 3x3 stride 2 pad 1 (filters) -> ReLU
     * -> dense -> outputs}, He-initialised; {@code size} must be even.
     */
    public static Network convStack(Random random, int channels, int size, int filters, int outputs) {
        Conv2d first = heConv(random, Shape.of(channels, size, size), filters, Window2d.of(3, 3).withPads(1, 1, 1, 1));
        Conv2d second = heConv(random, first.outputShape(), filters,
                Window2d.of(3, 3).withPads(1, 1, 1, 1).withStrides(2, 2));
        Dense head = heDense(random, second.outputShape().size(), outputs);
        return new Network(List.of(first, new Relu(first.outputShape()), second, new Relu(second.outputShape()),
                new Dense(head.weights(), head.bias(), second.outputShape())),
                "random conv-conv " + first.inputShape() + "-" + filters + "-" + outputs);
    }

    private static Conv2d heConv(Random random, Shape input, int filters, Window2d window) {
        int fanIn = input.dim(0) * window.size();
        double[] kernel = new double[filters * fanIn];
        double[] bias = new double[filters];
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] = Math.sqrt(2.0 / fanIn) * random.nextGaussian();
        }
        for (int i = 0; i < filters; i++) {
            bias[i] = 0.1 * random.nextGaussian();
        }
        return new Conv2d(input, filters, 1, window, kernel, bias);
    }

    /** A point drawn uniformly from the box {@code [low, high]}. */
    public static double[] uniformPoint(Random random, double[] low, double[] high) {
        double[] x = new double[low.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = low[i] + random.nextDouble() * (high[i] - low[i]);
        }
        return x;
    }

    /** A point with independent {@code N(0, 1)} coordinates. */
    public static double[] gaussianPoint(Random random, int size) {
        double[] x = new double[size];
        for (int i = 0; i < size; i++) {
            x[i] = random.nextGaussian();
        }
        return x;
    }
}
