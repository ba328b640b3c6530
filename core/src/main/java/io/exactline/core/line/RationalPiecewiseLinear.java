package io.exactline.core.line;

import java.util.function.Consumer;

import org.apache.commons.numbers.fraction.BigFraction;

/** A piecewise-linear {@link RationalLayer}: the exact counterpart of a piecewise-linear layer. */
sealed interface RationalPiecewiseLinear extends RationalLayer permits RationalActivation, RationalMaxPool {

    /**
     * Reports every ratio {@code r} in (0, 1) at which some unit changes piece on the segment from {@code p} to
     * {@code q}, exactly; a ratio may be reported more than once.
     */
    void crossings(ExactVector p, ExactVector q, Consumer<BigFraction> sink);

    /** The piece each unit is on at {@code x}, encoded as the double-precision layer encodes it. */
    void states(ExactVector x, int[] states);

    /** Number of units with a state. */
    int unitCount();
}
