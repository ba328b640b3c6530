package io.exactline.verifier.encoding;

import java.util.ArrayList;
import java.util.List;

import io.exactline.core.BadInputException;
import io.exactline.verifier.bounds.LayerBounds;

/**
 * Bounds {@code lower[k][i] <= z_i <= upper[k][i]} on the pre-activations {@code z} of every activation layer
 * {@code k} of a network over some input region. Whether they are rigorous depends on who computed them:
 * {@link PiecewiseAffineNetwork#intervalBounds} is; the encodings that take bounds from elsewhere say what they
 * rely on. Immutable.
 */
public final class PreActivationBounds {
    private final List<double[]> lower;
    private final List<double[]> upper;

    /**
     * @param lower per activation layer, the lower bound of each unit ({@code -inf} allowed)
     * @param upper per activation layer, the upper bound of each unit ({@code +inf} allowed)
     */
    public PreActivationBounds(List<double[]> lower, List<double[]> upper) {
        if (lower.size() != upper.size()) {
            throw new BadInputException("pre-activation bounds list " + lower.size() + " lower and " + upper.size()
                    + " upper layers; they must match");
        }
        this.lower = new ArrayList<>();
        this.upper = new ArrayList<>();
        for (int k = 0; k < lower.size(); k++) {
            double[] lo = lower.get(k);
            double[] hi = upper.get(k);
            if (lo.length != hi.length) {
                throw new BadInputException("activation layer " + k + " has " + lo.length + " lower and " + hi.length
                        + " upper pre-activation bounds");
            }
            for (int i = 0; i < lo.length; i++) {
                if (Double.isNaN(lo[i]) || Double.isNaN(hi[i]) || lo[i] > hi[i]) {
                    throw new BadInputException("activation layer " + k + " unit " + i + " has pre-activation bounds ["
                            + lo[i] + ", " + hi[i] + "]; lower must not exceed upper");
                }
            }
            this.lower.add(lo.clone());
            this.upper.add(hi.clone());
        }
    }

    /**
     * The pre-activation bounds of sound bound propagation ({@link io.exactline.verifier.bounds.BoundComputer}),
     * valid over its box and pattern; the activation layers of a network are numbered alike in both packages.
     */
    public static PreActivationBounds of(LayerBounds bounds) {
        List<double[]> lower = new ArrayList<>();
        List<double[]> upper = new ArrayList<>();
        for (int k = 0; k < bounds.network().activationLayerCount(); k++) {
            lower.add(bounds.preActivationLower(k));
            upper.add(bounds.preActivationUpper(k));
        }
        return new PreActivationBounds(lower, upper);
    }

    /** Number of activation layers covered. */
    public int layerCount() {
        return lower.size();
    }

    /** The lower bound of unit {@code i} of activation layer {@code k}. */
    public double lower(int k, int i) {
        return lower.get(k)[i];
    }

    /** The upper bound of unit {@code i} of activation layer {@code k}. */
    public double upper(int k, int i) {
        return upper.get(k)[i];
    }

    /** A copy of the lower bounds of activation layer {@code k}. */
    public double[] lower(int k) {
        return lower.get(k).clone();
    }

    /** A copy of the upper bounds of activation layer {@code k}. */
    public double[] upper(int k) {
        return upper.get(k).clone();
    }

    /** Throws {@link BadInputException} unless these bounds have one entry per unit of every activation layer. */
    public void checkAgainst(PiecewiseAffineNetwork network) {
        List<ActivationStep> activations = network.activations();
        if (activations.size() != lower.size()) {
            throw new BadInputException("pre-activation bounds cover " + lower.size() + " layers but "
                    + network.source() + " has " + activations.size() + " activation layers");
        }
        for (int k = 0; k < lower.size(); k++) {
            if (lower.get(k).length != activations.get(k).size()) {
                throw new BadInputException("pre-activation bounds of activation layer " + k + " have "
                        + lower.get(k).length + " units but " + network.source() + " layer "
                        + activations.get(k).networkLayer() + " has " + activations.get(k).size());
            }
        }
    }
}
