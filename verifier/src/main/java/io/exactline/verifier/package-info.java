/**
 * Does a property hold on a region? The {@link io.exactline.verifier.Engine} interface (network, property,
 * {@link io.exactline.verifier.Deadline} to {@link io.exactline.verifier.verdict.Verdict}) and its
 * {@link io.exactline.verifier.Guarantee}; properties in {@code property}, VNN-LIB in {@code vnnlib}, verdicts and
 * result files in {@code verdict}, engines in sub-packages such as {@code falsify}.
 */
package io.exactline.verifier;
