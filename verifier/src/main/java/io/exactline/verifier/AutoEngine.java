package io.exactline.verifier;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.exactline.core.network.Network;
import io.exactline.verifier.bab.BabEngine;
import io.exactline.verifier.falsify.GradientFalsifier;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.verdict.Counterexample;
import io.exactline.verifier.verdict.NetworkDigest;
import io.exactline.verifier.verdict.Provenance;
import io.exactline.verifier.verdict.Sat;
import io.exactline.verifier.verdict.Timeout;
import io.exactline.verifier.verdict.Unknown;
import io.exactline.verifier.verdict.Unsat;
import io.exactline.verifier.verdict.Verdict;

/**
 * The default engine: falsify first, then prove. A {@link GradientFalsifier} searches for a counterexample for at
 * most half a second (or a twentieth of the time limit); if it finds none, {@link BabEngine} decides the property,
 * starting from sound bounds on the whole box (its root sub-problem) and splitting from there. With its default
 * options, branch and bound on a network of few inputs also runs a hunter thread from one second on ({@link
 * io.exactline.verifier.bab.BabOptions#huntAfter()}), a multi-start descent over linear regions that finds
 * counterexample regions too narrow for the gradient falsifier. Its guarantee is branch and bound's.
 */
public final class AutoEngine implements Engine {
    /** The engine's name. */
    public static final String NAME = "auto";

    /** The longest falsification before the proof starts. */
    static final Duration FALSIFICATION_BUDGET = Duration.ofMillis(500);

    private final GradientFalsifier falsifier;
    private final BabEngine prover;

    public AutoEngine(GradientFalsifier falsifier, BabEngine prover) {
        this.falsifier = falsifier;
        this.prover = prover;
    }

    /** {@link GradientFalsifier#standard()} then {@link BabEngine#BabEngine()}. */
    public AutoEngine() {
        this(GradientFalsifier.standard(), new BabEngine());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Guarantee guarantee() {
        Guarantee bab = prover.guarantee();
        return new Guarantee(bab.complete(), bab.soundInFloatingPoint(), bab.certificates(),
                "gradient falsification, then " + bab.summary());
    }

    @Override
    public Verdict verify(Network network, Property property, Deadline deadline) {
        property.requireCompatible(network);
        long start = System.nanoTime();
        long[] evaluated = new long[1];
        Optional<Counterexample> found;
        try {
            found = falsifier.search(network, property, falsificationDeadline(deadline), evaluated);
        } catch (DeadlineExceededException e) {
            if (deadline.expired()) {
                return new Timeout(deadline.budget(),
                        provenance(network, property, start, evaluated[0], Optional.empty()));
            }
            found = Optional.empty();
        }
        if (found.isPresent()) {
            return new Sat(found.get(), provenance(network, property, start, evaluated[0], Optional.empty()));
        }
        Verdict proved = prover.verify(network, property, deadline);
        Provenance provenance = provenance(network, property, start, evaluated[0], Optional.of(proved.provenance()));
        if (proved instanceof Sat s) {
            return new Sat(s.counterexample(), provenance);
        }
        if (proved instanceof Unsat u) {
            return new Unsat(u.certificate(), provenance);
        }
        if (proved instanceof Unknown u) {
            return new Unknown(u.reason(), provenance);
        }
        return new Timeout(((Timeout) proved).budget(), provenance);
    }

    /**
     * When falsification gives way to the proof: after {@link #FALSIFICATION_BUDGET}, or a twentieth of what is left
     * of {@code deadline} if that is sooner. On large networks (MNIST: 784 inputs) the full sample-and-descend
     * search takes seconds that branch and bound, which falsifies at its own nodes too, spends better.
     */
    private static Deadline falsificationDeadline(Deadline deadline) {
        if (deadline.isUnlimited()) {
            return Deadline.after(FALSIFICATION_BUDGET);
        }
        Duration share = deadline.remaining().dividedBy(20);
        return Deadline.after(share.compareTo(FALSIFICATION_BUDGET) < 0 ? share : FALSIFICATION_BUDGET);
    }

    private Provenance provenance(Network network, Property property, long start, long falsifierEvaluations,
            Optional<Provenance> prover) {
        Map<String, String> settings = new TreeMap<>();
        Map<String, Long> counts = new HashMap<>();
        counts.put("falsifierEvaluations", falsifierEvaluations);
        prover.ifPresent(p -> {
            p.settings().forEach((k, v) -> settings.put(p.engine() + "." + k, v));
            p.counts().forEach((k, v) -> counts.put(p.engine() + "." + k, v));
        });
        return Provenance.of(NAME, settings, Duration.ofNanos(System.nanoTime() - start), counts,
                NetworkDigest.of(network), property.source());
    }
}
