package io.exactline.verifier.bab;

import java.time.Duration;
import java.util.Optional;

import io.exactline.verifier.bounds.BoundOptions;

/**
 * Settings of {@link BabEngine}.
 *
 * @param splitting how sub-problems are split
 * @param bounds how hard the bound propagation works per sub-problem
 * @param workers threads that process sub-problems from the shared queue, at least 1 (the calling thread is one)
 * @param descentSteps gradient steps of the falsification run inside each open sub-problem from its most promising
 *     corner; 0 only tries the corners and the midpoint
 * @param maxQueued most sub-problems waiting at once; beyond it the engine answers unknown ("memory") instead of
 *     running out of memory
 * @param lookahead how many of the inputs with the largest smear scores an input split tries, bounding both halves
 *     of each and keeping the split whose worse half is bounded best; 1 splits the top input without trying
 * @param huntAfter when present and the search splits inputs, a hunter thread starts this long after the search
 *     and runs a {@link io.exactline.verifier.falsify.RegionSearch} beside the workers until either side answers
 *     (counterexample regions too small for the per-sub-problem falsification); empty for none
 */
public record BabOptions(Splitting splitting, BoundOptions bounds, int workers, int descentSteps, int maxQueued,
        int lookahead, Optional<Duration> huntAfter) {
    /** Networks with at most this many inputs are split on inputs under {@link Splitting#AUTO}. */
    public static final int FEW_INPUTS = 16;
    /** Alpha-CROWN steps per objective in {@link #defaults}. */
    public static final int ALPHA_STEPS = 3;
    /** Inputs tried per input split in {@link #defaults}. */
    public static final int LOOKAHEAD = 3;
    /** Delay of the hunter thread in {@link #defaults}. */
    public static final Duration HUNT_AFTER = Duration.ofSeconds(1);

    public BabOptions {
        if (splitting == null || bounds == null || huntAfter == null
                || huntAfter.filter(Duration::isNegative).isPresent()) {
            throw new IllegalArgumentException("branch and bound needs a splitting rule, bound options and a"
                    + " non-negative hunter delay or none");
        }
        if (workers < 1 || descentSteps < 0 || maxQueued < 1 || lookahead < 1) {
            throw new IllegalArgumentException("need workers >= 1, descentSteps >= 0, maxQueued >= 1 and lookahead >= 1,"
                    + " got " + workers + ", " + descentSteps + ", " + maxQueued + " and " + lookahead);
        }
    }

    /** Settings without a hunter thread. */
    public BabOptions(Splitting splitting, BoundOptions bounds, int workers, int descentSteps, int maxQueued,
            int lookahead) {
        this(splitting, bounds, workers, descentSteps, maxQueued, lookahead, Optional.empty());
    }

    /**
     * Automatic splitting, forward symbolic bounds refined by back-substitution with {@value #ALPHA_STEPS}
     * alpha-CROWN steps per objective (with look-ahead input splitting on ACAS Xu they change the number of
     * sub-problems by under 10 % on most instances of properties 1, 3, 4 and 9, but without them 1_1 property 5 took
     * over 12,000 sub-problems instead of 1,029 and 2_3 property 3 over 8,900 instead of 61), one worker per
     * available core, 5 descent steps per sub-problem, and a queue limit that keeps the waiting sub-problems within about a quarter
     * of the maximal heap for a network of {@code inputs} inputs and {@code units} activation units, and a hunter
     * after {@link #HUNT_AFTER} (instances decided sooner, most of ACAS Xu, never pay for it; on ACAS Xu it finds
     * the counterexamples of 1_5 and 5_3 property 2 and 1_9 property 7 that the workers' falsification misses).
     */
    public static BabOptions defaults(int inputs, int units) {
        long perNode = 128L + 16L * inputs + 8L * units;
        long cap = Runtime.getRuntime().maxMemory() / 4 / perNode;
        return new BabOptions(Splitting.AUTO, BoundOptions.FORWARD_BACKWARD.withAlphaSteps(ALPHA_STEPS),
                Runtime.getRuntime().availableProcessors(), 5, (int) Math.max(1, Math.min(cap, 20_000_000L)),
                LOOKAHEAD, Optional.of(HUNT_AFTER));
    }

    /** These options with {@code n} workers. */
    public BabOptions withWorkers(int n) {
        return new BabOptions(splitting, bounds, n, descentSteps, maxQueued, lookahead, huntAfter);
    }

    /** These options with the given splitting rule. */
    public BabOptions withSplitting(Splitting rule) {
        return new BabOptions(rule, bounds, workers, descentSteps, maxQueued, lookahead, huntAfter);
    }

    /** These options with the given bound options. */
    public BabOptions withBounds(BoundOptions options) {
        return new BabOptions(splitting, options, workers, descentSteps, maxQueued, lookahead, huntAfter);
    }

    /** These options with at most {@code n} waiting sub-problems. */
    public BabOptions withMaxQueued(int n) {
        return new BabOptions(splitting, bounds, workers, descentSteps, n, lookahead, huntAfter);
    }

    /** These options trying {@code n} inputs per input split. */
    public BabOptions withLookahead(int n) {
        return new BabOptions(splitting, bounds, workers, descentSteps, maxQueued, n, huntAfter);
    }

    /** These options with a hunter thread after {@code delay}, or without one when empty. */
    public BabOptions withHunt(Optional<Duration> delay) {
        return new BabOptions(splitting, bounds, workers, descentSteps, maxQueued, lookahead, delay);
    }
}
