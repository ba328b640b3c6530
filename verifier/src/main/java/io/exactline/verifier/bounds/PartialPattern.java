package io.exactline.verifier.bounds;

import java.util.Arrays;

import io.exactline.core.line.ActivationPattern;

/**
 * A partial activation pattern: some units of some activation layers fixed to one piece (for ReLU: active, the
 * pre-activation {@code z >= 0}, or inactive, {@code z <= 0}), the rest free. Branch and bound on activations
 * splits a sub-problem by fixing one more unit; bounds computed under a pattern hold for the inputs of the box
 * whose pre-activations lie in the fixed pieces (the closed intervals of {@link ActivationOp}).
 *
 * <p>Layers are numbered as the activation layers of a {@link BoundNetwork} (0 = nearest the input); states as
 * in {@link io.exactline.core.layer.PiecewiseLinearLayer#states} (ReLU: 0 inactive, 1 active). Immutable;
 * {@link #with} copies only the changed layer.
 */
public final class PartialPattern {
    /** The state of a free unit. */
    public static final int FREE = -1;

    private final int[][] states;
    private final int fixedCount;

    private PartialPattern(int[][] states, int fixedCount) {
        this.states = states;
        this.fixedCount = fixedCount;
    }

    /** The pattern with every unit free, for a network whose activation layers have these unit counts. */
    public static PartialPattern free(int... unitCounts) {
        int[][] states = new int[unitCounts.length][];
        for (int k = 0; k < unitCounts.length; k++) {
            states[k] = new int[unitCounts[k]];
            Arrays.fill(states[k], FREE);
        }
        return new PartialPattern(states, 0);
    }

    /** The pattern with every unit of {@code network} free. */
    public static PartialPattern free(BoundNetwork network) {
        int[] counts = new int[network.activationLayerCount()];
        for (int k = 0; k < counts.length; k++) {
            counts[k] = network.unitCount(k);
        }
        return free(counts);
    }

    /**
     * The pattern with unit {@code i} of activation layer {@code k} in state {@code states[k][i]} (a piece index, or
     * {@link #FREE}); the array is copied.
     *
     * @throws IllegalArgumentException if a state is negative and not FREE
     */
    public static PartialPattern of(int[][] states) {
        int[][] copy = new int[states.length][];
        int fixed = 0;
        for (int k = 0; k < states.length; k++) {
            copy[k] = states[k].clone();
            for (int i = 0; i < copy[k].length; i++) {
                if (copy[k][i] < FREE) {
                    throw new IllegalArgumentException("unit " + i + " of activation layer " + k + " has state "
                            + copy[k][i] + ", neither a piece index nor FREE");
                }
                fixed += copy[k][i] == FREE ? 0 : 1;
            }
        }
        return new PartialPattern(copy, fixed);
    }

    /** Every unit fixed to its state in {@code pattern}. */
    public static PartialPattern of(ActivationPattern pattern) {
        int[][] states = new int[pattern.layerCount()][];
        for (int k = 0; k < states.length; k++) {
            states[k] = pattern.states(k);
        }
        return of(states);
    }

    /** Number of activation layers covered. */
    public int layerCount() {
        return states.length;
    }

    /** Number of units of activation layer {@code k}. */
    public int unitCount(int k) {
        return states[k].length;
    }

    /** The fixed state of a unit, or {@link #FREE}. */
    public int state(int layer, int unit) {
        return states[layer][unit];
    }

    /** Whether a unit is fixed. */
    public boolean isFixed(int layer, int unit) {
        return states[layer][unit] != FREE;
    }

    /** Number of fixed units over all layers. */
    public int fixedCount() {
        return fixedCount;
    }

    /**
     * This pattern with one unit fixed to {@code state} (or freed with {@link #FREE}).
     *
     * @throws IllegalArgumentException if the layer or unit does not exist or the state is negative and not FREE
     */
    public PartialPattern with(int layer, int unit, int state) {
        if (layer < 0 || layer >= states.length || unit < 0 || unit >= states[layer].length) {
            throw new IllegalArgumentException("no unit " + unit + " in activation layer " + layer + " of a pattern "
                    + "over " + states.length + " layers");
        }
        if (state < FREE) {
            throw new IllegalArgumentException("unit state " + state + " is neither a piece index nor FREE");
        }
        int[][] copy = states.clone();
        copy[layer] = states[layer].clone();
        int before = copy[layer][unit];
        copy[layer][unit] = state;
        int count = fixedCount + (before == FREE ? 1 : 0) - (state == FREE ? 1 : 0);
        return new PartialPattern(copy, count);
    }

    int[] layerStates(int k) {
        return states[k];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PartialPattern p && Arrays.deepEquals(states, p.states);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(states);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("PartialPattern{");
        boolean first = true;
        for (int k = 0; k < states.length; k++) {
            for (int u = 0; u < states[k].length; u++) {
                if (states[k][u] != FREE) {
                    s.append(first ? "" : ", ").append(k).append(':').append(u).append('=').append(states[k][u]);
                    first = false;
                }
            }
        }
        return s.append('}').toString();
    }
}
