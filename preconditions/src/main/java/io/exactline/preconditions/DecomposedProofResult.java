package io.exactline.preconditions;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.exactline.verifier.property.Box;
import io.exactline.verifier.verdict.Counterexample;
import io.exactline.verifier.verdict.Verdict;

/**
 * What a {@link DecomposedProof} of {@code A => B} found: which boxes of {@code A} each interpolant covered, which
 * boxes went to the direct verifier and its verdicts, the answer, and the times.
 *
 * @param outcome the answer for the whole region
 * @param covered the boxes proved inside an interpolant, each with the interpolant that covers it
 * @param fallback the boxes no interpolant covered, in the order they were handed to the direct verifier, each with
 *     its verdict (empty when no verifier was given or the deadline passed before it was asked)
 * @param boundComputations how many sub-problems were bounded (one sound bound propagation each)
 * @param voidSubProblems how many sub-problems the bounds proved to hold no input (a box with some neurons fixed to
 *     a piece none of its inputs reaches)
 * @param provedOnTheSpot how many sub-problems left over with neurons fixed were proved by branch and bound over
 *     their box with those neurons fixed, instead of going to the direct verifier
 * @param coverTime time spent bounding and splitting boxes
 * @param fallbackTime time spent in the direct verifier
 */
public record DecomposedProofResult(Outcome outcome, List<CoveredBox> covered, List<FallbackBox> fallback,
        int boundComputations, int voidSubProblems, int provedOnTheSpot, Duration coverTime, Duration fallbackTime) {
    public DecomposedProofResult {
        covered = List.copyOf(covered);
        fallback = List.copyOf(fallback);
    }

    /** Total time: covering plus the direct verifier. */
    public Duration totalTime() {
        return coverTime.plus(fallbackTime);
    }

    /** The boxes interpolant {@code index} (its position in the proof's list) covered. */
    public List<Box> coveredBy(int index) {
        return covered.stream().filter(c -> c.interpolant() == index).map(CoveredBox::box).toList();
    }

    /** The answer for the whole region {@code A}. */
    public sealed interface Outcome {
        /** Short word for reports: proven, violated or undecided. */
        String word();
    }

    /**
     * {@code B} holds on all of {@code A}: every box is covered by an interpolant or answered unsat by a verifier
     * whose unsat is sound under floating point and checked.
     */
    public record Proven() implements Outcome {
        @Override
        public String word() {
            return "proven";
        }
    }

    /** The direct verifier found an input of {@code A} whose outputs violate {@code B}. */
    public record Violated(Counterexample counterexample) implements Outcome {
        @Override
        public String word() {
            return "violated";
        }
    }

    /** Some box is neither covered nor decided, for the reason given. */
    public record Undecided(String reason) implements Outcome {
        @Override
        public String word() {
            return "undecided";
        }
    }

    /**
     * A sub-problem that sound bounds put inside an interpolant's pattern: the inputs of a box, or of a box with some
     * neurons fixed to one piece (the other pieces are sub-problems of their own).
     *
     * @param regionCase the case of the region's property (its box) the box was cut from
     * @param box the box
     * @param fixedNeurons how many neurons the sub-problem fixes (0: the whole box is covered)
     * @param interpolant the position of the covering interpolant in the proof's list
     */
    public record CoveredBox(int regionCase, Box box, int fixedNeurons, int interpolant) {
    }

    /**
     * A box no interpolant covered within the split limit.
     *
     * @param regionCase the case of the region's property the box was cut from
     * @param box the box
     * @param verdict the direct verifier's verdict on the box, if it was asked
     */
    public record FallbackBox(int regionCase, Box box, Optional<Verdict> verdict) {
    }
}
