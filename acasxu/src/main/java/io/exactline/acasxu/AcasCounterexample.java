package io.exactline.acasxu;

import java.util.Arrays;

/**
 * An encounter where a claim about an ACAS Xu network fails (a property, or an advisory on a rectangle), in physical
 * units, with the network's normalised scores there (as re-evaluated on the network).
 *
 * @param state the encounter
 * @param scores the network's normalised scores at {@code state}, COC .. SR
 */
public record AcasCounterexample(EncounterState state, double[] scores) {
    public AcasCounterexample {
        scores = scores.clone();
    }

    @Override
    public double[] scores() {
        return scores.clone();
    }

    /** The advisory the network gives there: the minimal score. */
    public Advisory advisory() {
        return Advisory.of(scores);
    }

    /** The scores de-normalised ({@link Normalization#denormalizeScore}). */
    public double[] physicalScores() {
        return Arrays.stream(scores).map(Normalization::denormalizeScore).toArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AcasCounterexample c && state.equals(c.state) && Arrays.equals(scores, c.scores);
    }

    @Override
    public int hashCode() {
        return 31 * state.hashCode() + Arrays.hashCode(scores);
    }

    @Override
    public String toString() {
        return "AcasCounterexample[" + state + ", scores " + Arrays.toString(scores) + ", advisory " + advisory() + "]";
    }
}
