package io.exactline.verifier.bounds;

import java.util.Optional;

import io.exactline.verifier.property.Box;

/**
 * Sound bounds on every tensor of a {@link BoundNetwork} over one sub-problem: the inputs {@code x} in a
 * {@link Box} whose pre-activations lie in the pieces a {@link PartialPattern} fixes. For every such {@code x}
 * and every unit, {@code lower <= value <= upper} holds for the real-arithmetic network with the stored
 * weights. Made by {@link BoundComputer#bounds}; immutable. The arrays behind it are the computer's result and
 * never change afterwards.
 */
public final class LayerBounds {
    private final BoundNetwork network;
    private final Box box;
    private final PartialPattern pattern;
    private final double[][] lower;
    private final double[][] upper;
    private final LinearBounds[] linear;

    LayerBounds(BoundNetwork network, Box box, PartialPattern pattern, double[][] lower, double[][] upper,
            LinearBounds[] linear) {
        this.network = network;
        this.box = box;
        this.pattern = pattern;
        this.lower = lower;
        this.upper = upper;
        this.linear = linear;
    }

    public BoundNetwork network() {
        return network;
    }

    public Box box() {
        return box;
    }

    public PartialPattern pattern() {
        return pattern;
    }

    /** Lower bound of the pre-activation of unit {@code unit} of activation layer {@code k}. */
    public double preActivationLower(int k, int unit) {
        return lower[network.activationOp(k)][unit];
    }

    /** Upper bound of the pre-activation of unit {@code unit} of activation layer {@code k}. */
    public double preActivationUpper(int k, int unit) {
        return upper[network.activationOp(k)][unit];
    }

    /** A copy of the pre-activation lower bounds of activation layer {@code k}. */
    public double[] preActivationLower(int k) {
        return lower[network.activationOp(k)].clone();
    }

    /** A copy of the pre-activation upper bounds of activation layer {@code k}. */
    public double[] preActivationUpper(int k) {
        return upper[network.activationOp(k)].clone();
    }

    /** Lower bound of network output {@code i}. */
    public double outputLower(int i) {
        return lower[lower.length - 1][i];
    }

    /** Upper bound of network output {@code i}. */
    public double outputUpper(int i) {
        return upper[upper.length - 1][i];
    }

    /** A copy of the output lower bounds. */
    public double[] outputLower() {
        return lower[lower.length - 1].clone();
    }

    /** A copy of the output upper bounds. */
    public double[] outputUpper() {
        return upper[upper.length - 1].clone();
    }

    /**
     * Whether a unit is known to stay on one piece over the sub-problem: fixed by the pattern, or no breakpoint
     * lies strictly between its pre-activation bounds. Only unstable units are worth splitting.
     */
    public boolean isStable(int k, int unit) {
        return pattern.isFixed(k, unit)
                || network.activation(k).pieceOf(preActivationLower(k, unit), preActivationUpper(k, unit)) >= 0;
    }

    /** Number of units of activation layer {@code k} that are not {@link #isStable stable}. */
    public int unstableCount(int k) {
        int count = 0;
        for (int u = 0; u < network.unitCount(k); u++) {
            if (!isStable(k, u)) {
                count++;
            }
        }
        return count;
    }

    /** Number of unstable units over all activation layers. */
    public int unstableCount() {
        int count = 0;
        for (int k = 0; k < network.activationLayerCount(); k++) {
            count += unstableCount(k);
        }
        return count;
    }

    /**
     * The unstable unit with the widest pre-activation interval {@code upper - lower} (a simple split choice),
     * or empty when every unit is stable.
     */
    public Optional<ActivationUnit> widestUnstable() {
        ActivationUnit best = null;
        double width = -1.0;
        for (int k = 0; k < network.activationLayerCount(); k++) {
            for (int u = 0; u < network.unitCount(k); u++) {
                if (!isStable(k, u)) {
                    double w = preActivationUpper(k, u) - preActivationLower(k, u);
                    if (w > width) {
                        width = w;
                        best = new ActivationUnit(k, u);
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The input-level linear bounds found for tensor {@code t}'s units by back-substitution, or null. */
    LinearBounds linearBounds(int t) {
        return linear[t];
    }

    double[] tensorLower(int t) {
        return lower[t];
    }

    double[] tensorUpper(int t) {
        return upper[t];
    }
}
