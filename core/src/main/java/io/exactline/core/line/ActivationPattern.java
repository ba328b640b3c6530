package io.exactline.core.line;

import java.util.Arrays;
import java.util.List;

import io.exactline.core.layer.Layer;
import io.exactline.core.layer.PiecewiseLinearLayer;
import io.exactline.core.network.Network;

/**
 * The piece every unit of every piecewise-linear layer is on at a point: for ReLU networks the familiar on/off
 * pattern. Within one ExactLine piece the pattern is constant, and it fixes the affine map the network computes
 * there.
 *
 * <p>{@code states(k)} belongs to the network's {@code layerIndex(k)}-th layer, and its encoding is that
 * layer's (see {@link PiecewiseLinearLayer#states}).
 */
public final class ActivationPattern {
    private final int[] layerIndices;
    private final int[][] states;

    /**
     * @param layerIndices the network layer index of each piecewise-linear layer, in order (kept, not copied)
     * @param states the unit states of each piecewise-linear layer (kept, not copied)
     */
    ActivationPattern(int[] layerIndices, int[][] states) {
        this.layerIndices = layerIndices;
        this.states = states;
    }

    /** The pattern of {@code network} at input {@code x}. */
    public static ActivationPattern at(Network network, double[] x) {
        network.checkInput(x, "pattern point");
        List<Layer> layers = network.layers();
        int count = (int) layers.stream().filter(l -> l instanceof PiecewiseLinearLayer).count();
        int[] indices = new int[count];
        int[][] states = new int[count][];
        double[] current = x;
        int k = 0;
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            if (layer instanceof PiecewiseLinearLayer pwl) {
                indices[k] = i;
                states[k] = new int[pwl.unitCount()];
                pwl.states(current, 0, states[k]);
                k++;
            }
            current = layer.apply(current);
        }
        return new ActivationPattern(indices, states);
    }

    /** Number of piecewise-linear layers covered. */
    public int layerCount() {
        return states.length;
    }

    /** The network layer index of the {@code k}-th piecewise-linear layer. */
    public int layerIndex(int k) {
        return layerIndices[k];
    }

    /** A copy of the unit states of the {@code k}-th piecewise-linear layer. */
    public int[] states(int k) {
        return states[k].clone();
    }

    /** The state of one unit. */
    public int state(int k, int unit) {
        return states[k][unit];
    }

    /** Number of units whose state differs from {@code other}'s (patterns of the same network). */
    public int hammingDistance(ActivationPattern other) {
        if (!Arrays.equals(layerIndices, other.layerIndices)) {
            throw new IllegalArgumentException("patterns of different networks cannot be compared");
        }
        int distance = 0;
        for (int k = 0; k < states.length; k++) {
            for (int u = 0; u < states[k].length; u++) {
                if (states[k][u] != other.states[k][u]) {
                    distance++;
                }
            }
        }
        return distance;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActivationPattern p && Arrays.equals(layerIndices, p.layerIndices)
                && Arrays.deepEquals(states, p.states);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(layerIndices) + Arrays.deepHashCode(states);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("ActivationPattern[");
        for (int k = 0; k < states.length; k++) {
            if (k > 0) {
                s.append(" | ");
            }
            s.append("layer ").append(layerIndices[k]).append(": ");
            for (int state : states[k]) {
                s.append(state);
            }
        }
        return s.append(']').toString();
    }
}
