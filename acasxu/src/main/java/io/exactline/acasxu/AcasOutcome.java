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

    /**
     * The counterexample of a sat verdict, in physical units with the advisory it produces. The verifier's point is
     * a normalised input of the outward-widened region, so its de-normalisation may lie outside the physical region
     * by rounding; then the nearest point of the region is re-evaluated and given instead when it violates the
     * requirement too, else the verifier's point is given as it is. The scores are those of the physical point
     * given (re-normalised), unless that round trip loses the violation; then they are the verifier's.
     */
    public Optional<AcasCounterexample> counterexample() {
        if (!(verdict instanceof Sat sat)) {
            return Optional.empty();
        }
        EncounterState found = EncounterState.fromNormalized(sat.counterexample().input());
        AcasProperty property = instance.property();
        if (property.region().stream().noneMatch(box -> box.contains(found))) {
            for (EncounterBox box : property.region()) {
                EncounterState inside = box.clamp(found);
                double[] scores = AcasNetworks.bundled(instance.network()).evaluate(inside.normalized());
                if (!property.requirement().holds(scores)) {
                    return Optional.of(new AcasCounterexample(inside, scores));
                }
            }
        }
        double[] scores = AcasNetworks.bundled(instance.network()).evaluate(found.normalized());
        return Optional.of(new AcasCounterexample(found, property.requirement().holds(scores)
                ? sat.counterexample().output() : scores));
    }

    /** Elapsed seconds. */
    public double seconds() {
        return elapsed.toNanos() / 1e9;
    }
}
