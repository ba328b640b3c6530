package io.exactline.junit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.exactline.core.network.Network;
import io.exactline.verifier.cache.CachedProof;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.verdict.Verdict;

/**
 * One proof attempt of a test, as {@link ExactlineExtension} reports it.
 *
 * @param network the network's source
 * @param property the property's source
 * @param engine the engine that found the answer (for a cached answer, the engine that found it first)
 * @param verdict sat, unsat, timeout or unknown
 * @param time how long the attempt took in this run
 * @param cached whether the answer came from the proof cache
 */
public record ProofRecord(String network, String property, String engine, String verdict, Duration time,
        boolean cached) {

    /** The record of {@code verdict}, found in {@code time}, for {@code network} and {@code property}. */
    public static ProofRecord of(Network network, Property property, Verdict verdict, Duration time) {
        return new ProofRecord(network.source(), property.source(), provedBy(verdict), verdict.status(), time,
                isCached(verdict));
    }

    /** Whether {@code verdict} was replayed from the proof cache. */
    static boolean isCached(Verdict verdict) {
        return verdict.provenance().engine().equals(CachedProof.ENGINE);
    }

    /** The engine that found {@code verdict}: its own, or for a cached verdict the one that found it first. */
    static String provedBy(Verdict verdict) {
        return isCached(verdict) ? verdict.provenance().settings().getOrDefault("provedBy", CachedProof.ENGINE)
                : verdict.provenance().engine();
    }

    /** One line, e.g. {@code acasxu:prop_1 on ACASXU_run2a_1_1_batch_2000: unsat by bab in 1.204 s (cached)}. */
    public String summary() {
        return property + " on " + network + ": " + verdict + " by " + engine + " in "
                + String.format(Locale.ROOT, "%.3f s", time.toNanos() / 1e9) + (cached ? " (cached)" : "");
    }

    /** The record as a JUnit report entry: keys network, property, engine, verdict, time, cached. */
    public Map<String, String> reportEntry() {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("network", network);
        entry.put("property", property);
        entry.put("engine", engine);
        entry.put("verdict", verdict);
        entry.put("time", time.toString());
        entry.put("cached", Boolean.toString(cached));
        return entry;
    }
}
