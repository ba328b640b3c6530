package io.exactline.preconditions;

import java.time.Duration;

/**
 * One step of {@link IterativeRelaxation}: an attempt to prove a pattern a precondition.
 *
 * @param action what the step tried, such as {@code signature}, {@code free layer 5} or {@code free neuron (4, 17)}
 * @param constrained how many neurons the tried pattern constrains
 * @param proven whether the implication was proved (only then was the pattern kept)
 * @param time how long the proof attempt took
 */
public record RelaxationStep(String action, int constrained, boolean proven, Duration time) {
}
