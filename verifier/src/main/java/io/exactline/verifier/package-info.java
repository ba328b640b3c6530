/**
 * Does a property hold on a region? The {@link io.exactline.verifier.Engine} interface (network, property,
 * {@link io.exactline.verifier.Deadline} to {@link io.exactline.verifier.verdict.Verdict}) and its
 * {@link io.exactline.verifier.Guarantee}; the engine SPI ({@link io.exactline.verifier.EngineProvider}, found by
 * {@link java.util.ServiceLoader}; {@link io.exactline.verifier.Engines} selects by name and keeps plug-ins from
 * weakening soundness); properties in {@code property}, VNN-LIB in {@code vnnlib}, verdicts and result files in
 * {@code verdict}, engines in sub-packages: {@code falsify}, {@code bab}, {@code lp}, {@code smt}, {@code milp}.
 */
package io.exactline.verifier;
