package io.exactline.acasxu;

import java.time.Duration;

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
     * @param point the encounter, in physical units, with the network's scores there
     */
    record Counterexample(Advisory advisory, AcasCounterexample point) implements RectangleVerdict {
        /** The encounter. */
        public EncounterState state() {
            return point.state();
        }

        /** The network's normalised scores at the encounter. */
        public double[] scores() {
            return point.scores();
        }

        /** The advisory the network gives at the point. */
        public Advisory found() {
            return point.advisory();
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
