package io.exactline.preconditions;

import io.exactline.verifier.pattern.Implication;

/** What {@link IterativeRelaxation} made of one seed input. */
public sealed interface RelaxationOutcome {

    /** The seed's activation signature was proved and relaxed to {@code precondition}. */
    record Found(InputPrecondition precondition) implements RelaxationOutcome {
    }

    /**
     * The seed's activation signature itself was not proved a precondition ({@code answer} says whether it was
     * refuted or only undecided), so the relaxation did not start: pick another seed.
     */
    record SignatureNotProven(Implication answer, RelaxationStep step) implements RelaxationOutcome {
    }
}
