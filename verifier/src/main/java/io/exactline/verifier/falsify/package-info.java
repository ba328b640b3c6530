/** Engines that look for counterexamples without proving anything: {@link io.exactline.verifier.falsify.SamplingFalsifier}. */
package io.exactline.verifier.falsify;
