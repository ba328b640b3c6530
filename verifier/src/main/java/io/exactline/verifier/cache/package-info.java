/**
 * A proof cache: conclusive verdicts filed by network content, property content and engine settings
 * ({@link io.exactline.verifier.cache.ProofKey}), kept in a directory
 * ({@link io.exactline.verifier.cache.ProofCache}) and used through an engine wrapper
 * ({@link io.exactline.verifier.cache.CachingEngine}).
 */
package io.exactline.verifier.cache;
