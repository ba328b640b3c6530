package io.exactline.preconditions;

import java.time.Duration;
import java.util.Optional;

import io.exactline.verifier.pattern.DecisionPattern;
import io.exactline.verifier.pattern.Implication;
import io.exactline.verifier.property.Box;

/**
 * A proven input precondition as a mining run records it (and reads it back from its checkpoint).
 *
 * @param sample the index of the drawn input it was relaxed from
 * @param pattern the pattern
 * @param method how its implication was proved
 * @param margin the proof's rigorous lower bound of the least property atom over the region
 * @param proofTime the summed time of all relaxation steps
 * @param attempts how many proof attempts the relaxation made
 * @param underApproximation a box inside the precondition, proved, if found
 */
public record MinedPrecondition(int sample, DecisionPattern pattern, Implication.Method method, double margin,
        Duration proofTime, int attempts, Optional<Box> underApproximation) {

    /** The record of a precondition the relaxation of sample {@code sample} found. */
    static MinedPrecondition of(int sample, InputPrecondition found) {
        return new MinedPrecondition(sample, found.pattern(), found.proof().method(), found.proof().margin(),
                found.proofTime(), found.steps().size(), found.underApproximation());
    }
}
