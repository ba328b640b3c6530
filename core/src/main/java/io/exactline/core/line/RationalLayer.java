package io.exactline.core.line;

/**
 * One layer of a {@link RationalNetwork}: the real-number map a double-precision layer denotes, with its
 * parameters converted exactly from doubles.
 */
sealed interface RationalLayer permits RationalAffine, RationalPiecewiseLinear {

    /** The layer at one point, computed exactly. */
    ExactVector apply(ExactVector x);
}
