package io.exactline.acasxu;

import java.time.Duration;
import java.util.Optional;

import io.exactline.verifier.verdict.Sat;
import io.exactline.verifier.verdict.Verdict;

/**
 * The answer to one {@link AcasInstance}: the verifier's verdict on the typed property and the time it took.
 * {@code unsat} means the property holds on the whole region; {@code sat} comes with a counterexample.
 *
 * @param instance the question
 * @param verdict the verifier's verdict
 * @param elapsed wall-clock time, loading the bundled network included
 */
public record AcasOutcome(AcasInstance instance, Verdict verdict, Duration elapsed) {

    /** The counterexample of a sat verdict, in physical units with the advisory it produces. */
    public Optional<AcasCounterexample> counterexample() {
        if (verdict instanceof Sat sat) {
            return Optional.of(new AcasCounterexample(EncounterState.fromNormalized(sat.counterexample().input()),
                    sat.counterexample().output()));
        }
        return Optional.empty();
    }

    /** Elapsed seconds. */
    public double seconds() {
        return elapsed.toNanos() / 1e9;
    }
}
