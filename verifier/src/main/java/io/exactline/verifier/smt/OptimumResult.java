package io.exactline.verifier.smt;

import org.apache.commons.numbers.fraction.BigFraction;

/** The answer of an {@link SmtSolver} to "what is the least (greatest) value of an output expression on a region?". */
public sealed interface OptimumResult {

    /**
     * The exact optimum {@code value}, attained at {@code witness} (checked in exact arithmetic: the witness lies in
     * the region and the expression equals {@code value} there).
     */
    record Optimum(BigFraction value, Witness witness) implements OptimumResult {
    }

    /** The region is empty. */
    record Infeasible() implements OptimumResult {
    }

    /** The solver gave no answer; {@code reason} says why. */
    record Unknown(String reason) implements OptimumResult {
    }

    /** The time limit ran out first. */
    record Timeout() implements OptimumResult {
    }
}
