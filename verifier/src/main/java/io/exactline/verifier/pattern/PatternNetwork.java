package io.exactline.verifier.pattern;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import io.exactline.core.BadInputException;
import io.exactline.core.layer.ElementwisePiecewiseLinear;
import io.exactline.core.layer.Layer;
import io.exactline.core.layer.Relu;
import io.exactline.core.network.Network;
import io.exactline.core.network.UnsupportedNetworkException;
import io.exactline.verifier.encoding.ActivationStep;
import io.exactline.verifier.encoding.AffineStep;
import io.exactline.verifier.encoding.NetworkStep;
import io.exactline.verifier.encoding.PiecewiseAffineNetwork;

/**
 * A ReLU network seen as the neurons decision patterns talk about: the units of its ReLU layers, numbered
 * {@code (layer, unit)} with {@code layer} counting ReLU layers only, and for every neuron the neurons of the
 * previous ReLU layer it <em>depends on</em>: those with a non-zero entry in the product of the affine layers'
 * weight patterns between the two layers (structural, so a dependency whose exact weights cancel still counts).
 *
 * <p>Accepted layers are the affine ones {@link PiecewiseAffineNetwork} encodes (Dense, ElementwiseAffine, Reshape,
 * Transpose) and {@link Relu}; any other activation is refused. Immutable.
 */
public final class PatternNetwork {
    private final Network network;
    private final PiecewiseAffineNetwork encoding;
    private final int[] layerSizes;
    /** {@code dependencies.get(k)[i]}: units of ReLU layer {@code k - 1} that neuron {@code (k, i)} depends on. */
    private final List<BitSet[]> dependencies;

    private PatternNetwork(Network network, PiecewiseAffineNetwork encoding, List<BitSet[]> dependencies) {
        this.network = network;
        this.encoding = encoding;
        this.layerSizes = encoding.activations().stream().mapToInt(ActivationStep::size).toArray();
        this.dependencies = dependencies;
    }

    /**
     * The neurons of {@code network}.
     *
     * @throws UnsupportedNetworkException naming the first layer that is neither affine nor ReLU
     */
    public static PatternNetwork of(Network network) {
        List<Layer> layers = network.layers();
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof ElementwisePiecewiseLinear activation && !(activation instanceof Relu)) {
                throw new UnsupportedNetworkException(network.source() + " layer " + i + " (" + activation.describe()
                        + ") is not a ReLU; decision patterns (each neuron on or off) need Dense/affine and Relu "
                        + "layers only");
            }
        }
        PiecewiseAffineNetwork encoding = PiecewiseAffineNetwork.of(network);
        List<BitSet[]> dependencies = new ArrayList<>();
        BitSet[] current = singletons(encoding.inputSize());
        for (NetworkStep step : encoding.steps()) {
            if (step instanceof AffineStep affine) {
                BitSet[] next = new BitSet[affine.outputSize()];
                for (int i = 0; i < next.length; i++) {
                    next[i] = new BitSet();
                    for (int k = 0; k < affine.rowSize(i); k++) {
                        if (affine.weight(i, k) != 0.0) {
                            next[i].or(current[affine.index(i, k)]);
                        }
                    }
                }
                current = next;
            } else {
                dependencies.add(current);
                current = singletons(step.outputSize());
            }
        }
        return new PatternNetwork(network, encoding, List.copyOf(dependencies));
    }

    private static BitSet[] singletons(int n) {
        BitSet[] sets = new BitSet[n];
        for (int j = 0; j < n; j++) {
            sets[j] = new BitSet();
            sets[j].set(j);
        }
        return sets;
    }

    public Network network() {
        return network;
    }

    /** The solver encoding of the network (the same real function). */
    public PiecewiseAffineNetwork encoding() {
        return encoding;
    }

    /** Number of ReLU layers. */
    public int layerCount() {
        return layerSizes.length;
    }

    /** Number of neurons of ReLU layer {@code k}. */
    public int layerSize(int k) {
        return layerSizes[k];
    }

    /** Number of neurons in all ReLU layers. */
    public int neuronCount() {
        int n = 0;
        for (int size : layerSizes) {
            n += size;
        }
        return n;
    }

    /**
     * The neurons of ReLU layer {@code k - 1} that neuron {@code (k, unit)} depends on (for {@code k = 0}: the inputs
     * it depends on). A copy.
     */
    public BitSet dependencies(int k, int unit) {
        return (BitSet) dependencies.get(k)[unit].clone();
    }

    /**
     * The pre-activations of every ReLU layer at {@code x}, evaluated in floating point with
     * {@link Network#activations}.
     */
    public List<double[]> preActivations(double[] x) {
        List<double[]> values = network.activations(x);
        List<double[]> pre = new ArrayList<>(layerSizes.length);
        for (ActivationStep step : encoding.activations()) {
            pre.add(values.get(step.networkLayer()));
        }
        return pre;
    }

    /**
     * The activation signature {@code sigma_X}: the complete pattern with neuron {@code (k, i)} {@link NeuronState#ON}
     * when its floating-point pre-activation at {@code x} is {@code > 0} and {@link NeuronState#OFF} otherwise (the
     * state {@link Relu} reports). {@code x} satisfies it in floating point; in exact arithmetic a pre-activation
     * within rounding of 0 may lie on the other side, which {@link PatternPolytope#contains} would tell.
     */
    public DecisionPattern signature(double[] x) {
        List<double[]> pre = preActivations(x);
        NeuronState[][] states = new NeuronState[layerSizes.length][];
        for (int k = 0; k < states.length; k++) {
            states[k] = new NeuronState[layerSizes[k]];
            for (int i = 0; i < layerSizes[k]; i++) {
                states[k][i] = pre.get(k)[i] > 0.0 ? NeuronState.ON : NeuronState.OFF;
            }
        }
        return new DecisionPattern(this, states);
    }

    /** The pattern that constrains no neuron (its predicate is true everywhere). */
    public DecisionPattern unconstrained() {
        NeuronState[][] states = new NeuronState[layerSizes.length][];
        for (int k = 0; k < states.length; k++) {
            states[k] = new NeuronState[layerSizes[k]];
            java.util.Arrays.fill(states[k], NeuronState.FREE);
        }
        return new DecisionPattern(this, states);
    }

    /**
     * The pattern written by {@link DecisionPattern#encode()}: one string of {@code 1} (on), {@code 0} (off) and
     * {@code *} (free) per ReLU layer, layers separated by {@code /}.
     *
     * @throws BadInputException naming the layer and position that does not fit this network
     */
    public DecisionPattern parse(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length != layerSizes.length) {
            throw new BadInputException("decision pattern '" + abbreviate(text) + "' has " + parts.length
                    + " layers separated by '/', but " + network.source() + " has " + layerSizes.length
                    + " ReLU layers");
        }
        NeuronState[][] states = new NeuronState[layerSizes.length][];
        for (int k = 0; k < parts.length; k++) {
            if (parts[k].length() != layerSizes[k]) {
                throw new BadInputException("decision pattern layer " + k + " has " + parts[k].length()
                        + " neurons but " + network.source() + " has " + layerSizes[k]);
            }
            states[k] = new NeuronState[layerSizes[k]];
            for (int i = 0; i < layerSizes[k]; i++) {
                char c = parts[k].charAt(i);
                int layer = k;
                int unit = i;
                states[k][i] = NeuronState.ofSymbol(c).orElseThrow(() -> new BadInputException(
                        "decision pattern layer " + layer + " position " + unit + " is '" + c
                                + "'; use 1 (on), 0 (off) or * (free)"));
            }
        }
        return new DecisionPattern(this, states);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    @Override
    public String toString() {
        return "PatternNetwork(" + network.source() + ", ReLU layers " + java.util.Arrays.toString(layerSizes) + ")";
    }
}
