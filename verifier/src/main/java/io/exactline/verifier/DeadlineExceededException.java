package io.exactline.verifier;

import java.time.Duration;

/**
 * Thrown by {@link Deadline#check()} once the deadline has passed, to unwind a long computation cooperatively.
 * Engines catch it at their top level and answer {@link io.exactline.verifier.verdict.Timeout}; it never leaves
 * {@link Engine#verify}.
 */
public class DeadlineExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Duration budget;

    public DeadlineExceededException(Duration budget) {
        super("the time budget of " + budget + " is used up");
        this.budget = budget;
    }

    /** The time the computation was given. */
    public Duration budget() {
        return budget;
    }
}
