package io.exactline.acasxu;

import java.util.Arrays;

/** The answer to "does this advisory hold on the whole rectangle?" from {@link SliceCertifier}. */
public sealed interface RectangleVerdict {
    /** The advisory asked about. */
    Advisory advisory();

    /**
     * The advisory holds on the whole rectangle: on every linear region, at every vertex, its score is below every
     * other score by at least {@code minimalMargin}, which exceeds the rounding tolerance.
     *
     * @param advisory the advisory certified
     * @param regions the number of linear regions of the rectangle
     * @param minimalMargin the smallest {@code y_j - y_advisory} over all regions' vertices and {@code j}
     */
    record Certified(Advisory advisory, int regions, double minimalMargin) implements RectangleVerdict {
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
     * Neither certified nor refuted: some vertex margin is within the rounding tolerance of 0 (a tie on the
     * rectangle, up to rounding) and no concrete point with another advisory was found.
     *
     * @param advisory the advisory asked about
     * @param state the point with the smallest margin, in physical units
     * @param margin that margin, {@code min_j y_j - y_advisory}
     */
    record Undecided(Advisory advisory, EncounterState state, double margin) implements RectangleVerdict {
    }
}
