package io.exactline.junit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import io.exactline.core.network.Network;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.Engine;
import io.exactline.verifier.Engines;
import io.exactline.verifier.cache.CachingEngine;
import io.exactline.verifier.cache.ProofCache;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.verdict.Verdict;

/**
 * The proof settings of the running test and what its proofs did: the engine, the proof cache, the time limit
 * shared by all proofs of the test. {@link ExactlineExtension} opens a session on the test's thread before the
 * test method runs and closes it afterwards; assertions outside the extension get a session of their own with
 * the defaults ({@code auto} engine, {@value #DEFAULT_TIMEOUT_SECONDS} s per proof, no cache).
 */
final class ProofSession {
    static final long DEFAULT_TIMEOUT_SECONDS = 60;

    private static final ThreadLocal<ProofSession> CURRENT = new ThreadLocal<>();

    private final Engine engine;
    private final Optional<ProofCache> cache;
    private final Deadline deadline;
    private final List<ProofRecord> records = Collections.synchronizedList(new ArrayList<>());

    ProofSession(Engine engine, Optional<ProofCache> cache, Deadline deadline) {
        this.engine = engine;
        this.cache = cache;
        this.deadline = deadline;
    }

    /** The session of the test running on this thread, or a new one with the defaults. */
    static ProofSession current() {
        ProofSession open = CURRENT.get();
        return open != null ? open : new ProofSession(Engines.byName("auto"), Optional.empty(),
                Deadline.after(Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS)));
    }

    /** Makes this the session of the current thread. */
    void open() {
        CURRENT.set(this);
    }

    /** Ends the current thread's session. */
    static void close() {
        CURRENT.remove();
    }

    /** The proofs run so far, in order. */
    List<ProofRecord> records() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    /**
     * Decides {@code property} for {@code network} with {@code engine} (default: the session's) before the
     * deadline (default: the session's; else {@code limit} from now), through the cache, and records the attempt.
     */
    Verdict prove(Network network, Property property, Optional<Engine> engine, Optional<Duration> limit) {
        Engine chosen = engine.map(this::cached).orElseGet(() -> cached(this.engine));
        Deadline until = limit.map(Deadline::after).orElse(deadline);
        long start = System.nanoTime();
        Verdict verdict = chosen.verify(network, property, until);
        records.add(ProofRecord.of(network, property, verdict, Duration.ofNanos(System.nanoTime() - start)));
        return verdict;
    }

    private Engine cached(Engine e) {
        return cache.<Engine>map(c -> new CachingEngine(e, c)).orElse(e);
    }
}
