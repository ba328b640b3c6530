/**
 * Sound bounds for piecewise-linear networks over input boxes and partial activation patterns: the bounding
 * layer of branch and bound.
 *
 * <p>Compile a network once ({@link io.exactline.verifier.bounds.BoundNetwork}), give each thread a
 * {@link io.exactline.verifier.bounds.BoundComputer}, and ask it for
 * {@link io.exactline.verifier.bounds.LayerBounds} of a sub-problem ({@code Box} plus {@code PartialPattern}, with
 * the parent's bounds when there is one) and for lower bounds of linear objectives over the outputs
 * ({@link io.exactline.verifier.bounds.ObjectiveBound}, which also carries input and unit split scores and a
 * candidate counterexample). Every bound is a true bound of the real-arithmetic network with the stored
 * weights; the argument is in {@code BoundComputer} and {@code Rounding}.
 */
package io.exactline.verifier.bounds;
