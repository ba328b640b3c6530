package io.exactline.core.network;

import java.util.ArrayList;
import java.util.List;

import io.exactline.core.BadInputException;
import io.exactline.core.layer.Layer;
import io.exactline.core.layer.SmoothLayer;

/**
 * An immutable feed-forward network: the composition {@code f = L_n o ... o L_1} of its layers, over
 * double-precision tensors stored flat in row-major order.
 *
 * <p>Consecutive layers must agree in size (a layer may see the previous output under another shape only
 * through an explicit {@link io.exactline.core.layer.Reshape}). The network is thread-safe.
 */
public final class Network {
    private final List<Layer> layers;
    private final String source;

    /**
     * @param layers the layers, input side first; at least one
     * @param source where the network came from (a file name, or a description), used in messages
     */
    public Network(List<? extends Layer> layers, String source) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer (" + source + ")");
        }
        for (int i = 1; i < layers.size(); i++) {
            Layer previous = layers.get(i - 1);
            Layer next = layers.get(i);
            if (!previous.outputShape().equals(next.inputShape())) {
                throw new IllegalArgumentException(source + ": layer " + (i - 1) + " (" + previous.describe()
                        + ") outputs " + previous.outputShape() + " but layer " + i + " (" + next.describe()
                        + ") takes " + next.inputShape());
            }
        }
        this.layers = List.copyOf(layers);
        this.source = source;
    }

    /** The layers, input side first. */
    public List<Layer> layers() {
        return layers;
    }

    /** Where the network came from. */
    public String source() {
        return source;
    }

    public Shape inputShape() {
        return layers.get(0).inputShape();
    }

    public Shape outputShape() {
        return layers.get(layers.size() - 1).outputShape();
    }

    /** Number of input elements. */
    public int inputSize() {
        return inputShape().size();
    }

    /** Number of output elements. */
    public int outputSize() {
        return outputShape().size();
    }

    /** Whether every layer is affine or piecewise linear, so that exact analyses apply. */
    public boolean isPiecewiseLinear() {
        return layers.stream().noneMatch(l -> l instanceof SmoothLayer);
    }

    /**
     * Throws {@link UnsupportedNetworkException} naming the first layer that is not piecewise linear.
     *
     * @param analysis what the caller was about to do, for the message (e.g. "ExactLine")
     */
    public void requirePiecewiseLinear(String analysis) {
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof SmoothLayer smooth) {
                throw new UnsupportedNetworkException(analysis + " needs a piecewise-linear network, but " + source
                        + " layer " + i + " is " + smooth.describe()
                        + "; only evaluation and gradients support such layers");
            }
        }
    }

    /**
     * Checks that {@code x} can be fed to the network: the right length and only finite numbers.
     *
     * @param what names the vector in the message (e.g. "--input", "segment start")
     */
    public void checkInput(double[] x, String what) {
        if (x.length != inputSize()) {
            throw new BadInputException(what + " has " + x.length + " values but " + source + " takes "
                    + inputSize() + " inputs (shape " + inputShape() + ")");
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new BadInputException(what + " value " + i + " is " + x[i] + "; inputs must be finite numbers");
            }
        }
    }

    /** Evaluates {@code f(x)}. */
    public double[] evaluate(double[] x) {
        checkInput(x, "input");
        double[] current = x;
        for (Layer layer : layers) {
            current = layer.apply(current);
        }
        return current;
    }

    /** Evaluates every row of {@code xs}; rows are evaluated in parallel when there are many. */
    public double[][] evaluateBatch(double[][] xs) {
        double[][] out = new double[xs.length][];
        java.util.stream.IntStream range = java.util.stream.IntStream.range(0, xs.length);
        (xs.length >= 64 ? range.parallel() : range).forEach(i -> out[i] = evaluate(xs[i]));
        return out;
    }

    /**
     * All intermediate tensors at {@code x}: element 0 is {@code x}, element {@code i + 1} the output of layer
     * {@code i}.
     */
    public List<double[]> activations(double[] x) {
        checkInput(x, "input");
        List<double[]> values = new ArrayList<>(layers.size() + 1);
        values.add(x.clone());
        double[] current = x;
        for (Layer layer : layers) {
            current = layer.apply(current);
            values.add(current);
        }
        return values;
    }

    /**
     * The gradient of output {@code output} at {@code x}: row {@code output} of the Jacobian, by
     * back-propagation. At a breakpoint of a piecewise-linear layer the piece below is used.
     */
    public double[] gradient(double[] x, int output) {
        if (output < 0 || output >= outputSize()) {
            throw new BadInputException("output index " + output + " is out of range; " + source + " has "
                    + outputSize() + " outputs");
        }
        double[] seed = new double[outputSize()];
        seed[output] = 1.0;
        return vectorJacobian(x, seed);
    }

    /** {@code J(x)^T g} for a vector {@code g} over the outputs, by back-propagation. */
    public double[] vectorJacobian(double[] x, double[] g) {
        if (g.length != outputSize()) {
            throw new BadInputException("output weights have " + g.length + " entries, " + source + " has "
                    + outputSize() + " outputs");
        }
        List<double[]> values = activations(x);
        double[] grad = g.clone();
        for (int i = layers.size() - 1; i >= 0; i--) {
            grad = layers.get(i).backward(values.get(i), grad);
        }
        return grad;
    }

    /** The full Jacobian at {@code x}, {@code outputs x inputs}. */
    public double[][] jacobian(double[] x) {
        double[][] rows = new double[outputSize()][];
        for (int k = 0; k < rows.length; k++) {
            rows[k] = gradient(x, k);
        }
        return rows;
    }

    /** The network {@code next o this}. */
    public Network then(Network next) {
        List<Layer> all = new ArrayList<>(layers);
        all.addAll(next.layers);
        return new Network(all, source + " then " + next.source);
    }

    @Override
    public String toString() {
        return "Network(" + source + ", " + inputShape() + " -> " + outputShape() + ", " + layers.size() + " layers)";
    }
}
