package io.exactline.verifier.falsify;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import io.exactline.core.network.Network;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.DeadlineExceededException;
import io.exactline.verifier.Engine;
import io.exactline.verifier.Guarantee;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.property.PropertyCase;
import io.exactline.verifier.verdict.Counterexample;
import io.exactline.verifier.verdict.NetworkDigest;
import io.exactline.verifier.verdict.Provenance;
import io.exactline.verifier.verdict.Sat;
import io.exactline.verifier.verdict.Timeout;
import io.exactline.verifier.verdict.Unknown;
import io.exactline.verifier.verdict.Verdict;

/**
 * Falsification by sampling: evaluates the network at the midpoint of every case's box and then at points drawn
 * uniformly from the boxes (cases in turn), and answers sat at the first point that
 * {@link Counterexample#confirm confirms}. It never answers unsat: after all samples it answers unknown.
 *
 * <p>Points outside a case's extra input constraints are drawn but rejected by the check. The sequence of points
 * depends only on the seed and the property, so runs are reproducible.
 */
public final class SamplingFalsifier implements Engine {
    /** The engine's name. */
    public static final String NAME = "sampling";

    private final int samples;
    private final long seed;

    /**
     * @param samples how many points to evaluate at most, at least 1
     * @param seed seed of the pseudo-random points
     */
    public SamplingFalsifier(int samples, long seed) {
        if (samples < 1) {
            throw new IllegalArgumentException("the sampling falsifier needs at least 1 sample, got " + samples);
        }
        this.samples = samples;
        this.seed = seed;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Guarantee guarantee() {
        return new Guarantee(false, true, false, "evaluates the network at the box midpoints and at uniformly random"
                + " points; finds counterexamples that are not rare, never proves unsat");
    }

    @Override
    public Verdict verify(Network network, Property property, Deadline deadline) {
        property.requireCompatible(network);
        long start = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        List<PropertyCase> cases = property.cases();
        int evaluated = 0;
        try {
            for (int s = 0; s < samples; s++) {
                deadline.check();
                Box box = cases.get(s % cases.size()).box();
                double[] x = s < cases.size() ? box.midpoint() : uniform(box, random);
                evaluated++;
                Optional<Counterexample> found = Counterexample.confirm(network, property, x);
                if (found.isPresent()) {
                    return new Sat(found.get(), provenance(network, property, start, evaluated));
                }
            }
        } catch (DeadlineExceededException e) {
            return new Timeout(e.budget(), provenance(network, property, start, evaluated));
        }
        return new Unknown("no counterexample among " + evaluated + " sampled inputs (sampling cannot prove unsat)",
                provenance(network, property, start, evaluated));
    }

    /** A point drawn uniformly from the box; rounding can never leave the box. */
    static double[] uniform(Box box, SplittableRandom random) {
        double[] x = new double[box.dimension()];
        for (int i = 0; i < x.length; i++) {
            double r = random.nextDouble();
            x[i] = box.clamp(i, (1.0 - r) * box.lower(i) + r * box.upper(i));
        }
        return x;
    }

    private Provenance provenance(Network network, Property property, long start, int evaluated) {
        return Provenance.of(NAME, Map.of("samples", Integer.toString(samples), "seed", Long.toString(seed)),
                Duration.ofNanos(System.nanoTime() - start), Map.of("samples", (long) evaluated),
                NetworkDigest.of(network), property.source());
    }
}
