/**
 * Verdicts (sat with a checked counterexample, unsat with an optional certificate, unknown, timeout), their
 * provenance, network digests, and the VNN-COMP result file.
 */
package io.exactline.verifier.verdict;
