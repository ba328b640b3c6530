package io.exactline.preconditions;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

import io.exactline.core.BadInputException;
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
 * advisory (for example ACAS Xu COC: {@code argmin = 0}). The pre-activations are floating point; the proof is over
 * the reals, so an input whose computed signs differ from the exact ones could in principle take the shortcut
 * wrongly; the strict signs keep this to pre-activations within rounding of zero.
 */
public final class SelectiveDistillation {
    private final Box domain;
    private final Network prefix;
    private final Network rest;
    private final int[][] on;
    private final int[][] off;
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
        List<io.exactline.core.layer.Layer> layers = network.network().layers();
        this.prefix = new Network(layers.subList(0, cut), network.network().source() + " up to ReLU layer " + layer);
        this.rest = new Network(layers.subList(cut, layers.size()), network.network().source() + " from ReLU layer "
                + layer);
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

    private static boolean satisfies(double[] z, int[] on, int[] off) {
        for (int u : on) {
            if (!(z[u] > 0.0)) {
                return false;
            }
        }
        for (int u : off) {
            if (!(z[u] < 0.0)) {
                return false;
            }
        }
        return true;
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
