package io.exactline.verifier.cache;

import java.time.Duration;
import java.util.Optional;

import io.exactline.core.network.Network;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.Engine;
import io.exactline.verifier.Guarantee;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.verdict.Verdict;

/**
 * An {@link Engine} that answers from a {@link ProofCache} when it can and otherwise asks the engine it wraps,
 * storing that engine's conclusive answers.
 *
 * <p>The key of a question is the network's and the property's content digests and the settings
 * {@code "engine=<name> options=<options> timeout=<budget> code=<digest>"}, where the budget is the deadline's
 * {@link Deadline#budget()} and the digest is the deciding code's {@link CodeFingerprint}, so that answers of an
 * older build are never replayed by a newer one. A cached unsat is replayed as an uncertified {@code Unsat}; a
 * cached sat as a {@code Sat} whose counterexample is evaluated and checked again (an entry whose point no longer is a
 * counterexample is ignored and the question re-decided). Replayed verdicts name engine
 * {@value CachedProof#ENGINE} in their provenance.
 */
public final class CachingEngine implements Engine {
    private final Engine engine;
    private final String options;
    private final String code;
    private final ProofCache cache;

    /**
     * @param engine the engine that decides questions the cache cannot answer
     * @param options the engine's options as text (part of the key: different options, different entries)
     * @param code the digest of the code that decides (part of the key: other code, other entries)
     * @param cache where answers are kept
     */
    public CachingEngine(Engine engine, String options, String code, ProofCache cache) {
        if (options.contains("\n") || code.contains("\n")) {
            throw new IllegalArgumentException("engine options and code digest for a proof key are one line each,"
                    + " got '" + options + "' and '" + code + "'");
        }
        this.engine = engine;
        this.options = options;
        this.code = code;
        this.cache = cache;
    }

    /** Caches the answers of {@code engine} with the given options, keyed by this JVM's verifier code. */
    public CachingEngine(Engine engine, String options, ProofCache cache) {
        this(engine, options, CodeFingerprint.ofVerifier(), cache);
    }

    /** Caches the answers of {@code engine} with its default options. */
    public CachingEngine(Engine engine, ProofCache cache) {
        this(engine, "default", cache);
    }

    /** The wrapped engine's name. */
    @Override
    public String name() {
        return engine.name();
    }

    /** The wrapped engine's guarantee, without certificates (cached unsat answers carry none). */
    @Override
    public Guarantee guarantee() {
        Guarantee g = engine.guarantee();
        return new Guarantee(g.complete(), g.soundInFloatingPoint(), false,
                g.summary() + "; conclusive answers cached by network, property and settings");
    }

    /** The key under which this engine files the question of {@code property} for {@code network}. */
    public ProofKey keyOf(Network network, Property property, Deadline deadline) {
        String timeout = deadline.isUnlimited() ? "unlimited" : deadline.budget().toString();
        return ProofKey.of(network, property,
                "engine=" + engine.name() + " options=" + options + " timeout=" + timeout + " code=" + code);
    }

    @Override
    public Verdict verify(Network network, Property property, Deadline deadline) {
        property.requireCompatible(network);
        long start = System.nanoTime();
        ProofKey key = keyOf(network, property, deadline);
        Optional<Verdict> cached = cache.find(key)
                .flatMap(proof -> proof.replay(network, property, Duration.ofNanos(System.nanoTime() - start)));
        if (cached.isPresent()) {
            return cached.get();
        }
        Verdict verdict = engine.verify(network, property, deadline);
        cache.store(key, verdict, verdict.provenance().elapsed());
        return verdict;
    }
}
