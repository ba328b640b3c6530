package io.exactline.verifier.encoding;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

import org.apache.commons.numbers.fraction.BigFraction;

import io.exactline.core.network.Network;

/**
 * The inputs {@code x} in the box {@code lower <= x <= upper} whose pre-activations lie in the closed pieces a
 * {@link PartialPattern} fixes: a union of closed polyhedra (a single one when every unit is fixed), the set the
 * solvers search. Immutable.
 */
public final class NetworkRegion {
    private final PiecewiseAffineNetwork network;
    private final double[] lower;
    private final double[] upper;
    private final PartialPattern pattern;

    /**
     * @throws io.exactline.core.BadInputException if the box or pattern does not fit the network
     */
    public NetworkRegion(PiecewiseAffineNetwork network, double[] lower, double[] upper, PartialPattern pattern) {
        network.checkBox(lower, upper);
        pattern.checkAgainst(network);
        this.network = network;
        this.lower = lower.clone();
        this.upper = upper.clone();
        this.pattern = pattern;
    }

    /**
     * The whole box of {@code network}.
     *
     * @throws io.exactline.core.network.UnsupportedNetworkException if a layer has no exact encoding
     */
    public static NetworkRegion box(Network network, double[] lower, double[] upper) {
        return new NetworkRegion(PiecewiseAffineNetwork.of(network), lower, upper, PartialPattern.none());
    }

    /** The same box with another pattern. */
    public NetworkRegion with(PartialPattern other) {
        return new NetworkRegion(network, lower, upper, other);
    }

    public PiecewiseAffineNetwork network() {
        return network;
    }

    /** A copy of the box's lower corner. */
    public double[] lower() {
        return lower.clone();
    }

    /** A copy of the box's upper corner. */
    public double[] upper() {
        return upper.clone();
    }

    public PartialPattern pattern() {
        return pattern;
    }

    /**
     * Whether {@code x} lies in the region in exact arithmetic: inside the box, and every fixed unit's
     * pre-activation inside its closed piece.
     */
    public boolean containsExactly(BigFraction[] x) {
        if (x.length != lower.length) {
            return false;
        }
        for (int j = 0; j < x.length; j++) {
            if (Rationals.compare(x[j], Rationals.exact(lower[j])) < 0
                    || Rationals.compare(x[j], Rationals.exact(upper[j])) > 0) {
                return false;
            }
        }
        List<BigFraction[]> values = network.trace(x);
        List<NetworkStep> steps = network.steps();
        for (int t = 0; t < steps.size(); t++) {
            if (steps.get(t) instanceof ActivationStep activation) {
                BigFraction[] z = values.get(t);
                ActivationPieces pieces = activation.pieces();
                for (int i = 0; i < z.length; i++) {
                    OptionalInt state = pattern.state(activation.layer(), i);
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
        return "NetworkRegion(" + network.source() + ", box " + Arrays.toString(lower) + " .. "
                + Arrays.toString(upper) + ", " + pattern + ")";
    }
}
