package io.exactline.maven;

/** How a check ended, from the build's point of view. */
enum Outcome {
    /** The verdict met the expectation. */
    PASSED,
    /** The verdict contradicts the expectation: the evidence shows how. */
    FAILED,
    /** No verdict in time (timeout) or the engine gave up (unknown): not a pass; fails the build when
     *  {@code failOnTimeout} is set. */
    UNPROVED,
    /** The check could not run: a missing or malformed file, a network and property that do not fit. */
    ERROR
}
