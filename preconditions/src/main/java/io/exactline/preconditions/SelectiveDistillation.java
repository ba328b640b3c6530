package io.exactline.preconditions;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

import io.exactline.core.BadInputException;
import io.exactline.core.layer.AffineLayer;
import io.exactline.core.layer.Layer;
import io.exactline.core.layer.Relu;
import io.exactline.core.network.Network;
import io.exactline.verifier.pattern.NeuronState;
import io.exactline.verifier.pattern.PatternNetwork;
import io.exactline.verifier.property.Box;

/**
 * Selective distillation with proven layer preconditions: the network {@code F} split before ReLU layer {@code L}
 * into a prefix (up to {@code L}'s pre-activations) and the rest. An input of the domain {@code D} the preconditions
 * were proved over whose layer-{@code L} pre-activations satisfy some proven precondition {@code phi} (on:
 * {@code > 0}, off: {@code < 0}, strictly, so a pre-activation at zero never decides) gets {@code P}'s advisory
 * without the rest of the network being run; every other input (outside {@code D}, or matching no precondition)
 * runs the rest and gets the full network's decision.
 *
 * <p>Sound because {@code phi} was proved: {@code forall X in D: phi(X) => P(F(X))}, and {@code P} names the
 * advisory (for example ACAS Xu COC: {@code argmin = 0}). The proof is over the reals and the prefix is evaluated in
 * floating point, so a neuron's state is read only when its computed pre-activation {@code z~_i} clears a rounding
 * tolerance {@code tau_i >= |z~_i - z_i|}: on needs {@code z~_i > tau_i}, off {@code z~_i < -tau_i}, which puts the
 * exact {@code z_i} on the same side. {@code tau} bounds, for every input of {@code D}, the error of evaluating the
 * prefix in any summation order (Higham's {@code |fl(a . h + c) - (a . h + c)| <= gamma_(n+1) (|a| . |h| + |c|)},
 * {@code gamma_m = m u / (1 - m u)}, {@code u = 2^-53}): with {@code M} a bound of the magnitudes of a layer's
 * exact input over {@code D} and {@code e} of its input's error, an affine layer {@code A h + c} of fan-in at most
 * {@code n} has error at most {@code |A| e + gamma_(n+1) (|A| (M + e) + |c|)} and magnitude at most
 * {@code |A| M + |c|}; a ReLU keeps both bounds (it is exact in floating point and 1-Lipschitz). These sums of
 * non-negative terms are computed in floating point and then enlarged by a relative {@code 2^-20} per layer (far
 * more than their own rounding, {@code gamma} of the fan-in) plus the smallest normal number (for underflow).
 */
public final class SelectiveDistillation {
    private final Box domain;
    private final Network prefix;
    private final Network rest;
    private final int[][] on;
    private final int[][] off;
    private final double[] tolerance;
    private final int advisory;
    private final ToIntFunction<double[]> decision;

    /**
     * @param network the network
     * @param domain the input box {@code D} the preconditions were proved over
     * @param preconditions the proven layer preconditions to use, all of one layer
     * @param advisory the decision that {@code P} names (returned on the shortcut)
     * @param decision the decision of a full output (e.g. argmin)
     * @throws BadInputException if a precondition is not proven, or they are not all of one layer of
     *     {@code network}, or the domain does not fit the network
     */
    public SelectiveDistillation(PatternNetwork network, Box domain, List<LayerPrecondition> preconditions,
            int advisory, ToIntFunction<double[]> decision) {
        if (preconditions.isEmpty()) {
            throw new BadInputException("selective distillation needs at least one proven layer precondition");
        }
        if (domain.dimension() != network.network().inputSize()) {
            throw new BadInputException("the domain has dimension " + domain.dimension() + " but "
                    + network.network().source() + " takes " + network.network().inputSize() + " inputs");
        }
        int layer = preconditions.get(0).layer();
        on = new int[preconditions.size()][];
        off = new int[preconditions.size()][];
        for (int p = 0; p < preconditions.size(); p++) {
            LayerPrecondition c = preconditions.get(p);
            if (!c.proven() || c.layer() != layer || c.pattern().network() != network
                    || c.pattern().constrainedCount() != c.pattern().constrainedCount(layer)) {
                throw new BadInputException("precondition " + c.pattern().encode() + " (" + c.validation().label()
                        + ") is not a proven precondition of layer " + layer + " of " + network);
            }
            on[p] = units(network, c, layer, NeuronState.ON);
            off[p] = units(network, c, layer, NeuronState.OFF);
        }
        int cut = network.encoding().activations().get(layer).networkLayer();
        List<Layer> layers = network.network().layers();
        this.prefix = new Network(layers.subList(0, cut), network.network().source() + " up to ReLU layer " + layer);
        this.rest = new Network(layers.subList(cut, layers.size()), network.network().source() + " from ReLU layer "
                + layer);
        this.tolerance = tolerances(prefix, domain);
        this.domain = domain;
        this.advisory = advisory;
        this.decision = decision;
    }

    /** The decision at {@code x}: {@code P}'s advisory on the shortcut, else the full network's decision. */
    public int decide(double[] x) {
        double[] z = prefix.evaluate(x);
        return domain.contains(x) && shortcut(z) ? advisory : decision.applyAsInt(rest.evaluate(z));
    }

    /**
     * Whether {@code x} takes the shortcut (it lies in the domain and its layer-{@code L} states satisfy a proven
     * precondition).
     */
    public boolean takesShortcut(double[] x) {
        return domain.contains(x) && shortcut(prefix.evaluate(x));
    }

    private boolean shortcut(double[] z) {
        for (int p = 0; p < on.length; p++) {
            if (satisfies(z, on[p], off[p])) {
                return true;
            }
        }
        return false;
    }

    private boolean satisfies(double[] z, int[] on, int[] off) {
        for (int u : on) {
            if (!(z[u] > tolerance[u])) {
                return false;
            }
        }
        for (int u : off) {
            if (!(z[u] < -tolerance[u])) {
                return false;
            }
        }
        return true;
    }

    /** The rounding tolerances {@code tau} of the prefix's outputs over {@code domain} (see the class description). */
    private static double[] tolerances(Network prefix, Box domain) {
        double[] magnitude = new double[domain.dimension()];
        for (int j = 0; j < magnitude.length; j++) {
            magnitude[j] = Math.max(Math.abs(domain.lower(j)), Math.abs(domain.upper(j)));
        }
        double[] error = new double[magnitude.length];
        for (Layer layer : prefix.layers()) {
            if (layer instanceof Relu) {
                continue;
            }
            if (!(layer instanceof AffineLayer affine)) {
                throw new BadInputException(prefix.source() + ": layer " + layer.describe() + " is neither affine "
                        + "nor a ReLU, so no rounding tolerance is known for it");
            }
            double gamma = gamma(affine.inputShape().size() + 1L);
            double[] bound = magnitude;
            double[] err = error;
            double[] nextMagnitude = new double[affine.outputShape().size()];
            double[] nextError = new double[nextMagnitude.length];
            affine.forEachColumn((column, j) -> {
                for (int i = 0; i < column.length; i++) {
                    double a = Math.abs(column[i]);
                    nextMagnitude[i] += a * bound[j];
                    nextError[i] += a * err[j] + gamma * a * (bound[j] + err[j]);
                }
            });
            double[] c = affine.offset();
            for (int i = 0; i < c.length; i++) {
                nextMagnitude[i] = enlarged(nextMagnitude[i] + Math.abs(c[i]));
                nextError[i] = enlarged(nextError[i] + gamma * Math.abs(c[i]));
            }
            magnitude = nextMagnitude;
            error = nextError;
        }
        return error;
    }

    /** {@code gamma_m = m u / (1 - m u)}, rounded up generously. */
    private static double gamma(long m) {
        double mu = m * 0x1p-53;
        return enlarged(mu / (1 - mu));
    }

    /** A non-negative computed sum enlarged past its own rounding error (see the class description). */
    private static double enlarged(double v) {
        return v * (1 + 0x1p-20) + Double.MIN_NORMAL;
    }

    private static int[] units(PatternNetwork network, LayerPrecondition c, int layer, NeuronState state) {
        List<Integer> units = new ArrayList<>();
        for (int u = 0; u < network.layerSize(layer); u++) {
            if (c.pattern().state(layer, u) == state) {
                units.add(u);
            }
        }
        return units.stream().mapToInt(Integer::intValue).toArray();
    }
}
