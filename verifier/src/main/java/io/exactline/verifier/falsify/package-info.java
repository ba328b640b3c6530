/**
 * Engines that look for counterexamples without proving anything: {@link io.exactline.verifier.falsify.SamplingFalsifier}
 * (random points) and {@link io.exactline.verifier.falsify.GradientFalsifier} (projected gradient descent on the
 * margin of each {@link io.exactline.verifier.falsify.UnsafeConjunction}). Every point they report is confirmed on
 * the network first.
 */
package io.exactline.verifier.falsify;
