package io.exactline.preconditions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.exactline.core.BadInputException;
import io.exactline.verifier.pattern.OutputProperty;
import io.exactline.verifier.property.Box;

/**
 * What a mining run does: draw {@code samples} inputs uniformly from {@code domain} with a {@link java.util.Random}
 * seeded by {@code seed}, and relax the ones with {@code property} that no precondition found so far covers.
 *
 * @param property {@code P}
 * @param domain the input box
 * @param samples how many inputs to draw
 * @param seed the random seed (the same seed draws the same inputs, which a resumed run relies on)
 * @param proofLimit time limit of each proof attempt (branch and bound) and of each LP of an under-approximation box
 * @param relaxationLimit time after which one seed's relaxation tries no further steps (keeping what it proved)
 * @param runLimit when to stop relaxing new seeds (the report is still written; a later run resumes)
 */
public record MiningSettings(OutputProperty property, Box domain, int samples, long seed, Duration proofLimit,
        Duration relaxationLimit, Duration runLimit) {
    public MiningSettings {
        if (samples < 1) {
            throw new BadInputException("--samples must be at least 1, got " + samples);
        }
        if (!positive(proofLimit) || !positive(relaxationLimit) || !positive(runLimit)) {
            throw new BadInputException("time limits must be positive, got proof " + proofLimit + ", relaxation "
                    + relaxationLimit + " and run " + runLimit);
        }
    }

    /** The {@code samples} inputs drawn uniformly from the domain by a {@link Random} seeded with {@code seed}. */
    public List<double[]> draw() {
        Random random = new Random(seed);
        List<double[]> drawn = new ArrayList<>(samples);
        int n = domain.dimension();
        for (int s = 0; s < samples; s++) {
            double[] x = new double[n];
            for (int j = 0; j < n; j++) {
                x[j] = Math.min(domain.upper(j), domain.lower(j) + random.nextDouble() * domain.width(j));
            }
            drawn.add(x);
        }
        return drawn;
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }
}
