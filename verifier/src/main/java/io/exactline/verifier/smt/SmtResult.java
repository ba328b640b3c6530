package io.exactline.verifier.smt;

/** The answer of an {@link SmtSolver} to "is there an input in the region whose outputs satisfy the condition?". */
public sealed interface SmtResult {

    /** Yes: {@code witness} is such an input (checked in exact arithmetic). */
    record Sat(Witness witness) implements SmtResult {
    }

    /** No input of the region satisfies the condition (in exact real arithmetic over the network's weights). */
    record Unsat() implements SmtResult {
    }

    /** The solver gave no answer; {@code reason} says why. */
    record Unknown(String reason) implements SmtResult {
    }

    /** The time limit ran out first. */
    record Timeout() implements SmtResult {
    }
}
