package io.exactline.verifier.verdict;

/**
 * The answer of an engine to "is there an input in the property's region whose outputs satisfy its unsafe
 * condition?" (see {@link io.exactline.verifier.property.Property}).
 *
 * <ul>
 *   <li>{@link Sat}: yes, with a counterexample that was re-evaluated on the network and checked;</li>
 *   <li>{@link Unsat}: no input is unsafe, optionally with a certificate;</li>
 *   <li>{@link Unknown}: the engine gave up (incomplete method, numerical trouble), with the reason;</li>
 *   <li>{@link Timeout}: the deadline passed first.</li>
 * </ul>
 * Every verdict carries its {@link Provenance}.
 */
public sealed interface Verdict permits Sat, Unsat, Unknown, Timeout {

    /** Where the verdict came from. */
    Provenance provenance();

    /** The word for this verdict on the first line of a VNN-COMP result: sat, unsat, unknown or timeout. */
    String status();
}
