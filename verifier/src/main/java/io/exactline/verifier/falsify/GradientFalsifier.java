package io.exactline.verifier.falsify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
 * Falsification by projected gradient descent (PGD) on the margin of each unsafe conjunction.
 *
 * <p>For every case and every {@link UnsafeConjunction} {@code AND_q (g_q(x) <= 0)} of it, the search minimises the
 * margin {@code m(x) = max_q g_q(x)} over the case's box: from a start point it takes {@code steps} signed-gradient
 * steps {@code x <- clamp(x - s_t * width * sign(grad g_q*(x)))}, with {@code q*} the inequality attaining the
 * margin and the step {@code s_t} shrinking geometrically from a quarter of the box to a thousandth (so that the
 * steps add up to about the box width even for 20 steps). The first start point of every conjunction is the box
 * midpoint. The others are uniformly random points (seeded, so runs repeat); with {@code samples > 0}, that many
 * uniform points are evaluated first (each a candidate itself) and the descents start from those of smallest margin
 * (some counterexample regions of ACAS Xu, e.g. property 8 on network 2_9, are hit by about one uniform point in
 * 3,000 but not reached by descents from random starts). Every point whose margin is at most 0 in floating point is
 * {@link Counterexample#confirm confirmed} on the network; only a confirmed point becomes sat. The search never
 * proves unsat.
 */
public final class GradientFalsifier implements Engine {
    /** The engine's name. */
    public static final String NAME = "pgd";

    private static final double FIRST_STEP = 0.25;
    private static final double LAST_STEP = 1e-3;

    private final int restarts;
    private final int steps;
    private final long seed;
    private final int samples;

    /**
     * Descents from the midpoint and from random points.
     *
     * @param restarts start points per unsafe conjunction, at least 1 (the first is the box midpoint)
     * @param steps gradient steps per start point, at least 1
     * @param seed seed of the random start points
     */
    public GradientFalsifier(int restarts, int steps, long seed) {
        this(restarts, steps, seed, 0);
    }

    /**
     * Descents from the midpoint and from the best of {@code samples} uniform points per unsafe conjunction (from
     * random points when {@code samples} is 0).
     *
     * @param restarts start points per unsafe conjunction, at least 1 (the first is the box midpoint)
     * @param steps gradient steps per start point, at least 1
     * @param seed seed of the random points
     * @param samples uniform points evaluated per unsafe conjunction before the descents, at least 0
     */
    public GradientFalsifier(int restarts, int steps, long seed, int samples) {
        if (restarts < 1 || steps < 1 || samples < 0) {
            throw new IllegalArgumentException("gradient falsification needs at least 1 restart, 1 step and 0"
                    + " samples, got " + restarts + " restarts, " + steps + " steps and " + samples + " samples");
        }
        this.restarts = restarts;
        this.steps = steps;
        this.seed = seed;
        this.samples = samples;
    }

    /** Ten restarts of 50 steps, from the midpoint and the best of 4,000 uniform points per unsafe conjunction. */
    public static GradientFalsifier standard() {
        return new GradientFalsifier(10, 50, 1L, 4000);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Guarantee guarantee() {
        return new Guarantee(false, true, false, "projected gradient descent on the margin of each unsafe"
                + " conjunction from the box midpoint and random restarts; finds counterexamples, never proves unsat");
    }

    @Override
    public Verdict verify(Network network, Property property, Deadline deadline) {
        property.requireCompatible(network);
        long start = System.nanoTime();
        long[] evaluated = new long[1];
        try {
            Optional<Counterexample> found = search(network, property, deadline, evaluated);
            Provenance provenance = provenance(network, property, start, evaluated[0]);
            return found.<Verdict>map(c -> new Sat(c, provenance))
                    .orElseGet(() -> new Unknown("no counterexample found by " + restarts + " gradient descents of "
                            + steps + " steps per unsafe conjunction (gradient search cannot prove unsat)", provenance));
        } catch (DeadlineExceededException e) {
            return new Timeout(e.budget(), provenance(network, property, start, evaluated[0]));
        }
    }

    /**
     * Searches every case of {@code property}; a confirmed counterexample, or empty.
     *
     * @param evaluated {@code evaluated[0]} is increased by the number of network evaluations
     * @throws DeadlineExceededException once the deadline has passed
     */
    public Optional<Counterexample> search(Network network, Property property, Deadline deadline, long[] evaluated) {
        SplittableRandom random = new SplittableRandom(seed);
        List<PropertyCase> cases = property.cases();
        List<List<UnsafeConjunction>> conjunctions = new ArrayList<>();
        for (PropertyCase c : cases) {
            conjunctions.add(UnsafeConjunction.of(c, property.inputCount(), property.outputCount()));
        }
        for (int k = 0; k < cases.size(); k++) {
            for (UnsafeConjunction conjunction : conjunctions.get(k)) {
                Box box = cases.get(k).box();
                Optional<Counterexample> found = descend(network, property, box, conjunction, box.midpoint(),
                        deadline, evaluated);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        List<List<double[]>> starts = new ArrayList<>();
        for (int k = 0; k < cases.size(); k++) {
            List<double[]> perCase = new ArrayList<>();
            for (UnsafeConjunction conjunction : conjunctions.get(k)) {
                Optional<Counterexample> found = sample(network, property, cases.get(k).box(), conjunction, random,
                        deadline, evaluated, perCase);
                if (found.isPresent()) {
                    return found;
                }
            }
            starts.add(perCase);
        }
        for (int r = 1; r < restarts; r++) {
            for (int k = 0; k < cases.size(); k++) {
                List<UnsafeConjunction> list = conjunctions.get(k);
                for (int j = 0; j < list.size(); j++) {
                    Box box = cases.get(k).box();
                    double[] x0 = samples > 0 ? starts.get(k).get(j * (restarts - 1) + r - 1)
                            : SamplingFalsifier.uniform(box, random);
                    Optional<Counterexample> found = descend(network, property, box, list.get(j), x0, deadline,
                            evaluated);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Evaluates {@link #samples} uniform points of {@code box}; returns the first confirmed counterexample, or adds
     * the {@code restarts - 1} points of smallest margin on {@code conjunction} to {@code starts}, smallest first.
     */
    private Optional<Counterexample> sample(Network network, Property property, Box box,
            UnsafeConjunction conjunction, SplittableRandom random, Deadline deadline, long[] evaluated,
            List<double[]> starts) {
        if (samples == 0 || restarts == 1) {
            return Optional.empty();
        }
        double[][] points = new double[samples][];
        double[] margins = new double[samples];
        for (int s = 0; s < samples; s++) {
            if (s % 256 == 0) {
                deadline.check();
            }
            points[s] = SamplingFalsifier.uniform(box, random);
            margins[s] = conjunction.margin(points[s], network.evaluate(points[s]));
            evaluated[0]++;
            if (margins[s] <= 0.0) {
                Optional<Counterexample> found = Counterexample.confirm(network, property, points[s]);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        Integer[] order = new Integer[samples];
        for (int s = 0; s < samples; s++) {
            order[s] = s;
        }
        Arrays.sort(order, Comparator.comparingDouble(s -> margins[s]));
        for (int r = 0; r < restarts - 1; r++) {
            starts.add(points[order[r % samples]]);
        }
        return Optional.empty();
    }

    /**
     * Runs one descent of {@code steps} steps from {@code x0} inside {@code box} on the margin of
     * {@code conjunction}; the first confirmed counterexample of {@code property} on the way, or empty.
     *
     * @throws DeadlineExceededException once the deadline has passed
     */
    public Optional<Counterexample> descend(Network network, Property property, Box box,
            UnsafeConjunction conjunction, double[] x0, Deadline deadline, long[] evaluated) {
        double[] x = x0.clone();
        double decay = Math.pow(LAST_STEP / FIRST_STEP, 1.0 / Math.max(1, steps - 1));
        double step = FIRST_STEP;
        for (int t = 0; t <= steps; t++) {
            deadline.check();
            double[] y = network.evaluate(x);
            evaluated[0]++;
            if (conjunction.margin(x, y) <= 0.0) {
                Optional<Counterexample> found = Counterexample.confirm(network, property, x);
                if (found.isPresent()) {
                    return found;
                }
            }
            if (t == steps) {
                break;
            }
            double[] g = conjunction.gradient(network, conjunction.worstInequality(x, y), x);
            for (int i = 0; i < x.length; i++) {
                x[i] = box.clamp(i, x[i] - step * box.width(i) * Math.signum(g[i]));
            }
            step *= decay;
        }
        return Optional.empty();
    }

    private Provenance provenance(Network network, Property property, long start, long evaluated) {
        return Provenance.of(NAME, Map.of("restarts", Integer.toString(restarts), "steps", Integer.toString(steps),
                "seed", Long.toString(seed), "samples", Integer.toString(samples)), Duration.ofNanos(System.nanoTime() - start),
                Map.of("evaluations", evaluated), NetworkDigest.of(network), property.source());
    }
}
