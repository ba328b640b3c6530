package io.exactline.preconditions;

import java.time.Duration;
import java.util.Locale;

import io.exactline.verifier.pattern.Implication;

/**
 * One step of {@link IterativeRelaxation}: an attempt to prove a pattern a precondition.
 *
 * @param action what the step tried, such as {@code signature}, {@code free layer 5}, {@code free 25 neurons of layer
 *     3} or {@code free neuron (4, 17)}
 * @param constrained how many neurons the tried pattern constrains
 * @param answer the proof's answer: only a {@link Implication.Proven} pattern was kept; a
 *     {@link Implication.Refuted} one carries a concrete input that satisfies the pattern and violates the property
 * @param time how long the proof attempt took
 */
public record RelaxationStep(String action, int constrained, Implication answer, Duration time) {

    /** Whether the tried pattern was proved a precondition (and kept). */
    public boolean proven() {
        return answer instanceof Implication.Proven;
    }

    /** One line for progress output, such as {@code free layer 5: 250 constrained, Proven in 0.31 s}. */
    public String summary() {
        return String.format(Locale.ROOT, "%s: %d constrained, %s in %.2f s", action, constrained,
                answer.getClass().getSimpleName(), time.toNanos() / 1e9);
    }
}
