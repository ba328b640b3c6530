package io.exactline.acasxu;

import java.time.Duration;
import java.util.Arrays;

/** The answer to "does this advisory hold on the whole rectangle?" from {@link SliceCertifier}. */
public sealed interface RectangleVerdict {
    /** The advisory asked about. */
    Advisory advisory();

    /**
     * The advisory holds on the whole rectangle, proven by a verifier whose unsat is sound under floating-point
     * rounding: no input of the rectangle has another score at most this advisory's.
     *
     * @param advisory the advisory certified
     * @param engine the name of the engine that proved it
     * @param elapsed how long the proof took
     */
    record Certified(Advisory advisory, String engine, Duration elapsed) implements RectangleVerdict {
    }

    /**
     * A point of the rectangle where the network, evaluated concretely, gives another advisory.
     *
     * @param advisory the advisory asked about
     * @param state the point, in physical units
     * @param scores the network's normalised scores there
     */
    record Counterexample(Advisory advisory, EncounterState state, double[] scores) implements RectangleVerdict {
        public Counterexample {
            scores = scores.clone();
        }

        @Override
        public double[] scores() {
            return scores.clone();
        }

        /** The advisory the network gives at the point. */
        public Advisory found() {
            return Advisory.of(scores);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Counterexample c && advisory == c.advisory && state.equals(c.state)
                    && Arrays.equals(scores, c.scores);
        }

        @Override
        public int hashCode() {
            return 31 * state.hashCode() + Arrays.hashCode(scores);
        }

        @Override
        public String toString() {
            return "Counterexample[" + advisory + " fails at " + state + ": scores " + Arrays.toString(scores)
                    + " give " + found() + "]";
        }
    }

    /**
     * Not certified and not refuted: the verifier timed out or gave up, or its only counterexamples are ties
     * that the network's tie-break still resolves to this advisory.
     *
     * @param advisory the advisory asked about
     * @param reason why, in words
     */
    record Undecided(Advisory advisory, String reason) implements RectangleVerdict {
    }
}
