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
 * Falsification by projected gradient descent (PGD) on the margin of each unsafe conjunction.
 *
 * <p>For every case and every {@link UnsafeConjunction} {@code AND_q (g_q(x) <= 0)} of it, the search minimises the
 * margin {@code m(x) = max_q g_q(x)} over the case's box: from a start point it takes {@code steps} signed-gradient
 * steps {@code x <- clamp(x - s_t * width * sign(grad g_q*(x)))}, with {@code q*} the inequality attaining the
 * margin and the step {@code s_t} shrinking geometrically from a quarter of the box to a thousandth (so that the
 * steps add up to about the box width even for 20 steps). Start
 * points are the box midpoint, then uniformly random points (seeded, so runs repeat). Every iterate whose margin is
 * at most 0 in floating point is {@link Counterexample#confirm confirmed} on the network; only a confirmed point
 * becomes sat. The search never proves unsat.
 */
public final class GradientFalsifier implements Engine {
    /** The engine's name. */
    public static final String NAME = "pgd";

    private static final double FIRST_STEP = 0.25;
    private static final double LAST_STEP = 1e-3;

    private final int restarts;
    private final int steps;
    private final long seed;

    /**
     * @param restarts start points per unsafe conjunction, at least 1 (the first is the box midpoint)
     * @param steps gradient steps per start point, at least 1
     * @param seed seed of the random start points
     */
    public GradientFalsifier(int restarts, int steps, long seed) {
        if (restarts < 1 || steps < 1) {
            throw new IllegalArgumentException("gradient falsification needs at least 1 restart and 1 step, got "
                    + restarts + " restarts and " + steps + " steps");
        }
        this.restarts = restarts;
        this.steps = steps;
        this.seed = seed;
    }

    /** Ten restarts of 50 steps. */
    public static GradientFalsifier standard() {
        return new GradientFalsifier(10, 50, 1L);
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
        for (int r = 0; r < restarts; r++) {
            for (PropertyCase c : cases) {
                for (UnsafeConjunction conjunction : UnsafeConjunction.of(c, property.inputCount(),
                        property.outputCount())) {
                    double[] x0 = r == 0 ? c.box().midpoint() : uniform(c.box(), random);
                    Optional<Counterexample> found = descend(network, property, c.box(), conjunction, x0, deadline,
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

    /** A point drawn uniformly from the box; rounding can never leave the box. */
    static double[] uniform(Box box, SplittableRandom random) {
        double[] x = new double[box.dimension()];
        for (int i = 0; i < x.length; i++) {
            double r = random.nextDouble();
            x[i] = box.clamp(i, (1.0 - r) * box.lower(i) + r * box.upper(i));
        }
        return x;
    }

    private Provenance provenance(Network network, Property property, long start, long evaluated) {
        return Provenance.of(NAME, Map.of("restarts", Integer.toString(restarts), "steps", Integer.toString(steps),
                "seed", Long.toString(seed)), Duration.ofNanos(System.nanoTime() - start),
                Map.of("evaluations", evaluated), NetworkDigest.of(network), property.source());
    }
}
