/**
 * Proofs about networks in JUnit 5 test suites: {@link io.exactline.junit.ProofTest} and
 * {@link io.exactline.junit.ExactlineExtension} resolve networks and properties as test parameters, give the
 * test's proofs a time limit and a proof cache and report what they did;
 * {@link io.exactline.junit.ExactlineAssertions} holds the AssertJ assertions (proofs of VNN-LIB properties,
 * exact facts along segments, completeness of exact Integrated Gradients).
 */
package io.exactline.junit;
