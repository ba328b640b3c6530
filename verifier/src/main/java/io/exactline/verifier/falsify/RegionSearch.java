package io.exactline.verifier.falsify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

import io.exactline.core.network.Network;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.property.PropertyCase;
import io.exactline.verifier.verdict.Counterexample;

/**
 * Multi-start {@link RegionDescent} in rounds of growing size, for counterexample regions too small for sampling
 * and gradient steps.
 *
 * <p>Round {@code r} draws {@code FIRST_SAMPLES * 2^r} uniform points (at most {@value #MAX_SAMPLES}) of every
 * case's box for every unsafe conjunction of it, keeps the {@code 1/}{@value #SAMPLES_PER_START} of them with the
 * smallest margin, and runs a region descent from each, smallest margin first. Every sample whose margin is at most
 * 0 and every point a descent ends in is {@link Counterexample#confirm confirmed} on the network. Each round uses
 * new random points (seeded, so runs repeat), so the search goes on until it finds a counterexample, the deadline
 * passes, or the caller cancels it. It never proves anything.
 *
 * <p>Why few descents from many samples: on ACAS Xu the margin has many local minima a few 1e-4 above 0, and the
 * counterexample regions that 300,000 uniform samples miss (1_5 and 5_3 property 2, 1_9 property 7; margins
 * -4e-5 to -2e-4 at the points found) are basins whose samples rank among the best few of 100,000. Over 8 seeds,
 * one descent per 4,096 samples found all three in 0.0-2.0 s of CPU each (one per 256 samples: up to 8 s).
 */
public final class RegionSearch {
    /** Samples per case and conjunction in the first round. */
    public static final int FIRST_SAMPLES = 4096;
    /** Most samples per case and conjunction in one round. */
    public static final int MAX_SAMPLES = 1 << 18;
    /** Samples per descent start. */
    public static final int SAMPLES_PER_START = 4096;
    /** Linear regions per descent at most. */
    public static final int MAX_REGIONS = 64;

    private final Network network;
    private final RegionDescent descent;
    private final long seed;

    /** A search with {@code descent} on {@code network}, drawing points from a generator seeded with {@code seed}. */
    public RegionSearch(Network network, RegionDescent descent, long seed) {
        this.network = network;
        this.descent = descent;
        this.seed = seed;
    }

    /**
     * Searches every case of {@code property} round after round until a counterexample is confirmed or
     * {@code cancelled} answers true.
     *
     * @param evaluated {@code evaluated[0]} is increased by the number of network evaluations and solved regions
     * @return the confirmed counterexample, or empty when cancelled
     * @throws io.exactline.verifier.DeadlineExceededException once the deadline has passed
     */
    public Optional<Counterexample> search(Property property, Deadline deadline, BooleanSupplier cancelled,
            long[] evaluated) {
        SplittableRandom random = new SplittableRandom(seed);
        List<PropertyCase> cases = property.cases();
        List<List<UnsafeConjunction>> conjunctions = new ArrayList<>();
        for (PropertyCase c : cases) {
            conjunctions.add(UnsafeConjunction.of(c, property.inputCount(), property.outputCount()));
        }
        for (int samples = FIRST_SAMPLES; !cancelled.getAsBoolean(); samples = Math.min(2 * samples, MAX_SAMPLES)) {
            for (int k = 0; k < cases.size(); k++) {
                Box box = cases.get(k).box();
                for (UnsafeConjunction conjunction : conjunctions.get(k)) {
                    Optional<Counterexample> found = round(property, box, conjunction, samples, random, deadline,
                            cancelled, evaluated);
                    if (found.isPresent() || cancelled.getAsBoolean()) {
                        return found;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** One round on one conjunction of one case. */
    private Optional<Counterexample> round(Property property, Box box, UnsafeConjunction conjunction, int samples,
            SplittableRandom random, Deadline deadline, BooleanSupplier cancelled, long[] evaluated) {
        int starts = Math.max(1, samples / SAMPLES_PER_START);
        PriorityQueue<Start> best = new PriorityQueue<>(Comparator.comparingDouble(Start::margin).reversed());
        for (int s = 0; s < samples; s++) {
            if (s % 1024 == 0) {
                deadline.check();
                if (cancelled.getAsBoolean()) {
                    return Optional.empty();
                }
            }
            double[] x = SamplingFalsifier.uniform(box, random);
            double margin = conjunction.margin(x, network.evaluate(x));
            evaluated[0]++;
            if (margin <= 0.0) {
                Optional<Counterexample> found = Counterexample.confirm(network, property, x);
                if (found.isPresent()) {
                    return found;
                }
            }
            if (best.size() < starts) {
                best.add(new Start(x, margin));
            } else if (margin < best.peek().margin()) {
                best.poll();
                best.add(new Start(x, margin));
            }
        }
        List<Start> ordered = new ArrayList<>(best);
        ordered.sort(Comparator.comparingDouble(Start::margin));
        for (Start start : ordered) {
            if (cancelled.getAsBoolean()) {
                return Optional.empty();
            }
            Optional<Counterexample> found = descent.descend(property, box, conjunction, start.x(), MAX_REGIONS,
                    deadline, cancelled, evaluated);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** A descent start and its margin. */
    private record Start(double[] x, double margin) {
    }
}
