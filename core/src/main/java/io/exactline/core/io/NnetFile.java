package io.exactline.core.io;

import java.util.ArrayList;
import java.util.List;

import io.exactline.core.layer.Dense;
import io.exactline.core.layer.ElementwiseAffine;
import io.exactline.core.layer.HardTanh;
import io.exactline.core.layer.Layer;
import io.exactline.core.layer.Relu;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;

/**
 * The parts of a network in the Reluplex/NNet format (Kyle Julian, Stanford 2016): affine layers
 * {@code W_1, b_1 ... W_L, b_L}, the input box {@code [min, max]}, the input normalisation {@code mean, range} and
 * one output mean and range shared by all outputs.
 *
 * <p>The network the format defines (Reluplex {@code evaluate_network}) is
 * <pre>
 *   f(x) = range_out * (W_L h_{L-1} + b_L) + mean_out,
 *   h_k = relu(W_k h_{k-1} + b_k) for 1 <= k < L,
 *   h_0 = (clip(x, min, max) - mean) / range   (element-wise).
 * </pre>
 * {@link #network()} builds it from explicit layers (the clip, the normalisation, dense and ReLU layers, the
 * de-normalisation), so every exact analysis sees the clip as the piecewise-linear map it is.
 * {@link #normalizedNetwork()} is the core {@code h_0 -> W_L h_{L-1} + b_L} alone, from normalised inputs to
 * normalised outputs (what the ONNX conversions of the ACAS Xu networks contain).
 */
public final class NnetFile {
    private final String source;
    private final List<Dense> layers;
    private final double[] inputMin;
    private final double[] inputMax;
    private final double[] inputMean;
    private final double[] inputRange;
    private final double outputMean;
    private final double outputRange;

    /**
     * @param source where the network came from, used in messages
     * @param layers the affine layers {@code (W_k, b_k)}, input side first, sizes chaining
     * @param inputMin lower end of the input box, one per input
     * @param inputMax upper end of the input box, {@code >= inputMin}
     * @param inputMean subtracted from each clipped input
     * @param inputRange each shifted input is divided by it; positive
     * @param outputMean added to every output after scaling
     * @param outputRange every output of the last layer is multiplied by it; positive
     */
    public NnetFile(String source, List<Dense> layers, double[] inputMin, double[] inputMax, double[] inputMean,
            double[] inputRange, double outputMean, double outputRange) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException(source + ": a .nnet network needs at least one layer");
        }
        for (int k = 1; k < layers.size(); k++) {
            if (layers.get(k).inputs() != layers.get(k - 1).outputs()) {
                throw new IllegalArgumentException(source + ": layer " + (k - 1) + " has " + layers.get(k - 1).outputs()
                        + " outputs but layer " + k + " takes " + layers.get(k).inputs() + " inputs");
            }
        }
        int n = layers.get(0).inputs();
        if (inputMin.length != n || inputMax.length != n || inputMean.length != n || inputRange.length != n) {
            throw new IllegalArgumentException(source + ": " + n + " inputs need " + n + " values each of min, max,"
                    + " mean and range, got " + inputMin.length + ", " + inputMax.length + ", " + inputMean.length
                    + ", " + inputRange.length);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(inputMin[i]) || !Double.isFinite(inputMax[i]) || inputMin[i] > inputMax[i]) {
                throw new IllegalArgumentException(source + ": input " + i + " needs finite bounds min <= max, got ["
                        + inputMin[i] + ", " + inputMax[i] + "]");
            }
            if (!clippable(inputMin[i], inputMax[i])) {
                throw new IllegalArgumentException(source + ": input " + i + " has the interval [" + inputMin[i] + ", "
                        + inputMax[i] + "], too wide or too narrow for the clip's map onto [0, 1] in doubles");
            }
            if (!(inputRange[i] > 0) || !Double.isFinite(inputRange[i]) || !Double.isFinite(inputMean[i])) {
                throw new IllegalArgumentException(source + ": input " + i + " needs a finite mean and a finite"
                        + " positive range, got mean " + inputMean[i] + " and range " + inputRange[i]);
            }
        }
        if (!(outputRange > 0) || !Double.isFinite(outputRange) || !Double.isFinite(outputMean)) {
            throw new IllegalArgumentException(source + ": the outputs need a finite mean and a finite positive range,"
                    + " got mean " + outputMean + " and range " + outputRange);
        }
        this.source = source;
        this.layers = List.copyOf(layers);
        this.inputMin = inputMin.clone();
        this.inputMax = inputMax.clone();
        this.inputMean = inputMean.clone();
        this.inputRange = inputRange.clone();
        this.outputMean = outputMean;
        this.outputRange = outputRange;
    }

    /**
     * Whether {@code [min, max]} can be mapped onto [0, 1] and back in doubles: a width and a reciprocal width that
     * are finite (or a width of 0, a constant input).
     */
    static boolean clippable(double min, double max) {
        double width = max - min;
        return width == 0 || Double.isFinite(width) && Double.isFinite(1 / width);
    }

    /** Where the network came from. */
    public String source() {
        return source;
    }

    /** The affine layers {@code (W_k, b_k)}, input side first; a ReLU follows every one but the last. */
    public List<Dense> layers() {
        return layers;
    }

    /** Number of inputs. */
    public int inputSize() {
        return layers.get(0).inputs();
    }

    /** Number of outputs. */
    public int outputSize() {
        return layers.get(layers.size() - 1).outputs();
    }

    /** A copy of the input box's lower ends. */
    public double[] inputMin() {
        return inputMin.clone();
    }

    /** A copy of the input box's upper ends. */
    public double[] inputMax() {
        return inputMax.clone();
    }

    /** A copy of the input means. */
    public double[] inputMean() {
        return inputMean.clone();
    }

    /** A copy of the input ranges. */
    public double[] inputRange() {
        return inputRange.clone();
    }

    /** The mean added to every output. */
    public double outputMean() {
        return outputMean;
    }

    /** The range every output is scaled by. */
    public double outputRange() {
        return outputRange;
    }

    /**
     * The clip of every input to its own interval {@code [min_i, max_i]}, as three layers that every analysis of
     * piecewise-linear networks handles: {@code u_i = (x_i - min_i) / (max_i - min_i)}, a {@link HardTanh} clipping
     * {@code u} to [0, 1], and {@code x'_i = min_i + u_i (max_i - min_i)}. The hard tanh's states are the clip's:
     * 0 clipped at the minimum, 1 inside, 2 clipped at the maximum. An input with {@code min_i = max_i} is the
     * constant {@code min_i}. Up to rounding in the affine maps, this is {@code clip(x, min, max)}.
     */
    public Network inputClip() {
        int n = inputSize();
        double[] toUnitScale = new double[n];
        double[] toUnitShift = new double[n];
        double[] width = new double[n];
        for (int i = 0; i < n; i++) {
            width[i] = inputMax[i] - inputMin[i];
            if (width[i] > 0) {
                toUnitScale[i] = 1.0 / width[i];
                toUnitShift[i] = -inputMin[i] / width[i];
            }
        }
        Shape shape = Shape.vector(n);
        return new Network(List.of(new ElementwiseAffine(shape, toUnitScale, toUnitShift), new HardTanh(shape, 0, 1),
                new ElementwiseAffine(shape, width, inputMin)), source + " (input clip)");
    }

    /** The input normalisation {@code x_i -> (x_i - mean_i) / range_i}. */
    public ElementwiseAffine inputNormalization() {
        int n = inputSize();
        double[] scale = new double[n];
        double[] shift = new double[n];
        for (int i = 0; i < n; i++) {
            scale[i] = 1.0 / inputRange[i];
            shift[i] = -inputMean[i] / inputRange[i];
        }
        return new ElementwiseAffine(Shape.vector(n), scale, shift);
    }

    /** The output de-normalisation {@code y_j -> y_j * range_out + mean_out}. */
    public ElementwiseAffine outputDenormalization() {
        return ElementwiseAffine.uniform(Shape.vector(outputSize()), outputRange, outputMean);
    }

    /**
     * The core from normalised inputs {@code h_0} to normalised outputs {@code W_L h_{L-1} + b_L}: the dense
     * layers with a ReLU after each but the last. No clipping, no normalisation.
     */
    public Network normalizedNetwork() {
        return new Network(coreLayers(), source + " (normalised core)");
    }

    /**
     * The network as the format defines it, on physical inputs and outputs: the layers of {@link #inputClip()},
     * {@link #inputNormalization()}, the core of {@link #normalizedNetwork()}, {@link #outputDenormalization()}.
     */
    public Network network() {
        List<Layer> all = new ArrayList<>(inputClip().layers());
        all.add(inputNormalization());
        all.addAll(coreLayers());
        all.add(outputDenormalization());
        return new Network(all, source);
    }

    private List<Layer> coreLayers() {
        List<Layer> core = new ArrayList<>(2 * layers.size());
        for (int k = 0; k < layers.size(); k++) {
            Dense dense = layers.get(k);
            core.add(dense);
            if (k + 1 < layers.size()) {
                core.add(new Relu(Shape.vector(dense.outputs())));
            }
        }
        return core;
    }

    @Override
    public String toString() {
        StringBuilder sizes = new StringBuilder().append(inputSize());
        for (Dense dense : layers) {
            sizes.append(',').append(dense.outputs());
        }
        return "NnetFile(" + source + ", layer sizes " + sizes + ")";
    }
}
