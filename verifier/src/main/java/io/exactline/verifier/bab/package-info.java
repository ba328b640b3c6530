/**
 * Branch and bound: the complete search of the verifier.
 *
 * <p>{@link io.exactline.verifier.bab.BabEngine} splits a property's input boxes (or fixes activation units) until
 * every sub-problem is closed by sound bounds from a {@link io.exactline.verifier.bab.BoxBounder} or a confirmed
 * counterexample turns up. {@link io.exactline.verifier.bab.DeepPolyBounder} is the bounder in use: the
 * outward-rounded bound propagation of {@link io.exactline.verifier.bounds}. Every closed leaf is reported as a
 * {@link io.exactline.verifier.bab.ClosedLeaf} with the inequality that closes each unsafe conjunction and its bound,
 * which is the per-leaf witness an unsat certificate will record.
 */
package io.exactline.verifier.bab;
