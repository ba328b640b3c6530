package io.exactline.verifier.verdict;

/**
 * Evidence that a property is unsat which can be checked without trusting the engine that produced it, e.g.
 * Farkas multipliers for each leaf of a branch-and-bound tree, checked in exact arithmetic. Each kind of
 * certificate comes with its own checker.
 */
public interface Certificate {

    /** The kind of certificate, a short stable identifier for reports (e.g. {@code "farkas-tree"}). */
    String kind();

    /** One line for reports: what the certificate consists of (e.g. how many leaves and multipliers). */
    String summary();
}
