package io.exactline.verifier.pattern;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import io.exactline.core.BadInputException;
import io.exactline.verifier.bounds.PartialPattern;

/**
 * A decision pattern {@code sigma}: for some ReLU neurons of a {@link PatternNetwork}, whether they are on
 * ({@code z >= 0}) or off ({@code z <= 0}); the other neurons are free. It is the predicate {@code sigma(X)}: every
 * constrained neuron's pre-activation at {@code X} lies in its closed piece.
 *
 * <p>A pattern is <em>&larr;-closed</em> when every constrained neuron's dependencies (the neurons of the previous
 * ReLU layer feeding it, {@link PatternNetwork#dependencies}) are constrained too; by induction then all neurons of
 * all earlier layers it depends on are. For such a pattern every constrained pre-activation is an affine function
 * of the input on {@code sigma(X)}, so {@code sigma(X)} is a convex polytope ({@link PatternPolytope}). In a dense
 * network the &larr;-closed patterns are exactly: some complete first layers, then any subset of the next layer,
 * everything later free. Immutable.
 */
public final class DecisionPattern {
    private final PatternNetwork network;
    private final NeuronState[][] states;

    DecisionPattern(PatternNetwork network, NeuronState[][] states) {
        this.network = network;
        this.states = states;
    }

    public PatternNetwork network() {
        return network;
    }

    /** The state of neuron {@code unit} of ReLU layer {@code layer}. */
    public NeuronState state(int layer, int unit) {
        return states[layer][unit];
    }

    /** This pattern with neuron {@code (layer, unit)} set to {@code state}. */
    public DecisionPattern with(int layer, int unit, NeuronState state) {
        check(layer, unit);
        NeuronState[][] next = copy();
        next[layer][unit] = state;
        return new DecisionPattern(network, next);
    }

    /** This pattern with neuron {@code (layer, unit)} free. */
    public DecisionPattern free(int layer, int unit) {
        return with(layer, unit, NeuronState.FREE);
    }

    /** This pattern with every neuron of ReLU layer {@code layer} free. */
    public DecisionPattern freeLayer(int layer) {
        check(layer, 0);
        NeuronState[][] next = copy();
        Arrays.fill(next[layer], NeuronState.FREE);
        return new DecisionPattern(network, next);
    }

    /** Number of constrained (on or off) neurons. */
    public int constrainedCount() {
        int n = 0;
        for (NeuronState[] layer : states) {
            for (NeuronState s : layer) {
                n += s == NeuronState.FREE ? 0 : 1;
            }
        }
        return n;
    }

    /** Number of constrained neurons in ReLU layer {@code layer}. */
    public int constrainedCount(int layer) {
        int n = 0;
        for (NeuronState s : states[layer]) {
            n += s == NeuronState.FREE ? 0 : 1;
        }
        return n;
    }

    /** Whether every neuron is constrained (then, if the pattern is non-empty, the network is affine on it). */
    public boolean isComplete() {
        return constrainedCount() == network.neuronCount();
    }

    /** Whether the pattern is &larr;-closed (see the class description). */
    public boolean isClosed() {
        for (int k = 1; k < states.length; k++) {
            for (int i = 0; i < states[k].length; i++) {
                if (states[k][i] == NeuronState.FREE) {
                    continue;
                }
                BitSet deps = network.dependencies(k, i);
                for (int j = deps.nextSetBit(0); j >= 0; j = deps.nextSetBit(j + 1)) {
                    if (states[k - 1][j] == NeuronState.FREE) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * Whether {@code x} satisfies the pattern in floating point: every constrained neuron's pre-activation from
     * {@link PatternNetwork#preActivations} is {@code >= 0} (on) or {@code <= 0} (off). A statistic for support and
     * coverage, not a proof; {@link PatternPolytope#contains} decides membership exactly.
     */
    public boolean satisfiedBy(double[] x) {
        return matches(network.preActivations(x));
    }

    /**
     * Whether pre-activations computed by {@link PatternNetwork#preActivations} fit the pattern, as
     * {@link #satisfiedBy}; for checking many patterns against one input without re-evaluating the network.
     */
    public boolean matches(List<double[]> pre) {
        for (int k = 0; k < states.length; k++) {
            double[] z = pre.get(k);
            for (int i = 0; i < z.length; i++) {
                NeuronState s = states[k][i];
                if (s == NeuronState.ON && z[i] < 0.0 || s == NeuronState.OFF && z[i] > 0.0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The support: the fraction of {@code data} that {@link #satisfiedBy satisfies} the pattern (0 when empty). */
    public double support(List<double[]> data) {
        if (data.isEmpty()) {
            return 0.0;
        }
        long n = data.stream().filter(this::satisfiedBy).count();
        return (double) n / data.size();
    }

    /** The pattern in the solvers' form: on is ReLU state 1, off state 0, free units unfixed. */
    public PartialPattern toPartialPattern() {
        int[][] fixed = new int[states.length][];
        for (int k = 0; k < states.length; k++) {
            fixed[k] = new int[states[k].length];
            for (int i = 0; i < states[k].length; i++) {
                fixed[k][i] = switch (states[k][i]) {
                    case ON -> 1;
                    case OFF -> 0;
                    case FREE -> PartialPattern.FREE;
                };
            }
        }
        return PartialPattern.of(fixed);
    }

    /** One string of {@code 1}, {@code 0}, {@code *} per ReLU layer, joined by {@code /}; read by {@link PatternNetwork#parse}. */
    public String encode() {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < states.length; k++) {
            if (k > 0) {
                s.append('/');
            }
            for (NeuronState state : states[k]) {
                s.append(state.symbol());
            }
        }
        return s.toString();
    }

    private NeuronState[][] copy() {
        NeuronState[][] next = new NeuronState[states.length][];
        for (int k = 0; k < states.length; k++) {
            next[k] = states[k].clone();
        }
        return next;
    }

    private void check(int layer, int unit) {
        if (layer < 0 || layer >= states.length || unit < 0 || unit >= states[layer].length) {
            throw new BadInputException("no neuron (" + layer + ", " + unit + ") in " + network
                    + "; ReLU layers and units count from 0");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DecisionPattern p && network == p.network && Arrays.deepEquals(states, p.states);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(states);
    }

    @Override
    public String toString() {
        return "DecisionPattern[" + constrainedCount() + " of " + network.neuronCount() + " constrained: " + encode()
                + "]";
    }
}
