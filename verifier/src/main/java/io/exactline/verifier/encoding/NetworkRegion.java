package io.exactline.verifier.encoding;

import java.util.List;
import java.util.OptionalInt;

import org.apache.commons.numbers.fraction.BigFraction;

import io.exactline.core.BadInputException;
import io.exactline.core.Rationals;
import io.exactline.core.network.Network;
import io.exactline.verifier.bounds.PartialPattern;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.property.Conjunction;
import io.exactline.verifier.property.LinearInequality;
import io.exactline.verifier.property.PropertyCase;

/**
 * The inputs {@code x} of a box that satisfy linear input constraints and whose pre-activations lie in the closed
 * pieces a {@link PartialPattern} fixes: a union of closed polyhedra (a single one when every unit is fixed), the
 * set the solvers search. Immutable.
 *
 * @param network the network
 * @param box the input box
 * @param inputConstraints linear constraints over the inputs only ({@link Conjunction#TRUE} for none)
 * @param pattern the fixed units
 */
public record NetworkRegion(PiecewiseAffineNetwork network, Box box, Conjunction inputConstraints,
        PartialPattern pattern) {

    /**
     * @throws BadInputException if the box, constraints or pattern do not fit the network
     */
    public NetworkRegion {
        if (box.dimension() != network.inputSize()) {
            throw new BadInputException("input box has " + box.dimension() + " inputs but " + network.source()
                    + " takes " + network.inputSize());
        }
        for (LinearInequality q : inputConstraints.inequalities()) {
            if (q.readsOutputs()) {
                throw new BadInputException("input constraint " + q + " reads outputs");
            }
            ExactConditions.checkVariables(q.terms(), network.inputSize(), network.outputSize(), "input constraint");
        }
        checkPattern(network, pattern);
    }

    /** Throws {@link BadInputException} unless {@code pattern} covers exactly the units of {@code network}'s activations. */
    private static void checkPattern(PiecewiseAffineNetwork network, PartialPattern pattern) {
        List<ActivationStep> activations = network.activations();
        if (pattern.layerCount() != activations.size()) {
            throw new BadInputException("pattern covers " + pattern.layerCount() + " activation layers but "
                    + network.source() + " has " + activations.size());
        }
        for (int k = 0; k < activations.size(); k++) {
            ActivationStep step = activations.get(k);
            if (pattern.unitCount(k) != step.size()) {
                throw new BadInputException("pattern has " + pattern.unitCount(k) + " units in activation layer " + k
                        + " but " + network.source() + " has " + step.size());
            }
            for (int i = 0; i < step.size(); i++) {
                if (pattern.state(k, i) >= step.pieces().pieceCount()) {
                    throw new BadInputException("pattern fixes activation layer " + k + " unit " + i + " to state "
                            + pattern.state(k, i) + " but its activation has " + step.pieces().pieceCount()
                            + " states");
                }
            }
        }
    }

    /**
     * The whole box of {@code network}.
     *
     * @throws io.exactline.core.network.UnsupportedNetworkException if a layer has no exact encoding
     */
    public static NetworkRegion box(Network network, Box box) {
        PiecewiseAffineNetwork encoded = PiecewiseAffineNetwork.of(network);
        return new NetworkRegion(encoded, box, Conjunction.TRUE, encoded.freePattern());
    }

    /** The input region of one property case (its box and input constraints). */
    public static NetworkRegion of(PiecewiseAffineNetwork network, PropertyCase propertyCase) {
        return new NetworkRegion(network, propertyCase.box(), propertyCase.inputConstraints(),
                network.freePattern());
    }

    /** The same box and constraints with another pattern. */
    public NetworkRegion with(PartialPattern other) {
        return new NetworkRegion(network, box, inputConstraints, other);
    }

    /** The piece the pattern fixes unit {@code unit} of activation layer {@code layer} to; empty for a free unit. */
    public OptionalInt fixedState(int layer, int unit) {
        int s = pattern.state(layer, unit);
        return s == PartialPattern.FREE ? OptionalInt.empty() : OptionalInt.of(s);
    }

    /** Rigorous interval bounds of every pre-activation over the box. */
    public PreActivationBounds intervalBounds() {
        return network.intervalBounds(box.lower(), box.upper());
    }

    /**
     * Whether {@code x} lies in the region in exact arithmetic: inside the box, satisfying the input constraints,
     * and every fixed unit's pre-activation inside its closed piece.
     */
    public boolean containsExactly(BigFraction[] x) {
        if (x.length != box.dimension()) {
            return false;
        }
        for (int j = 0; j < x.length; j++) {
            if (Rationals.compare(x[j], Rationals.exact(box.lower(j))) < 0
                    || Rationals.compare(x[j], Rationals.exact(box.upper(j))) > 0) {
                return false;
            }
        }
        if (!ExactConditions.holds(inputConstraints, x, new BigFraction[0])) {
            return false;
        }
        List<BigFraction[]> values = network.trace(x);
        List<NetworkStep> steps = network.steps();
        for (int t = 0; t < steps.size(); t++) {
            if (steps.get(t) instanceof ActivationStep activation) {
                BigFraction[] z = values.get(t);
                ActivationPieces pieces = activation.pieces();
                for (int i = 0; i < z.length; i++) {
                    OptionalInt state = fixedState(activation.layer(), i);
                    if (state.isPresent() && !inPiece(z[i], pieces, state.getAsInt())) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static boolean inPiece(BigFraction z, ActivationPieces pieces, int s) {
        double low = pieces.pieceLow(s);
        double high = pieces.pieceHigh(s);
        return (low == Double.NEGATIVE_INFINITY || Rationals.compare(z, Rationals.exact(low)) >= 0)
                && (high == Double.POSITIVE_INFINITY || Rationals.compare(z, Rationals.exact(high)) <= 0);
    }

    @Override
    public String toString() {
        String constraints = inputConstraints.inequalities().isEmpty() ? "" : " and " + inputConstraints;
        return "NetworkRegion(" + network.source() + ", X in " + box + constraints + ", " + pattern + ")";
    }
}
