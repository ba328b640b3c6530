package io.exactline.verifier.verdict;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where a verdict came from: the engine and its settings, the time it took, what it counted, and which network
 * and property it was about.
 *
 * @param engine the engine's name (see {@code Engine#name()})
 * @param settings the engine's settings by name, as text (sorted by name)
 * @param elapsed wall-clock time of the run
 * @param counts work done, by name (sorted), e.g. {@code nodes} (branch-and-bound nodes), {@code lps} (linear
 *     programs solved), {@code samples} (points evaluated)
 * @param networkDigest the network's content digest, {@code "sha256:<hex>"} (see {@link NetworkDigest})
 * @param property the property's source (file name or description)
 */
public record Provenance(String engine, SortedMap<String, String> settings, Duration elapsed,
        SortedMap<String, Long> counts, String networkDigest, String property) {

    public Provenance {
        if (engine == null || elapsed == null || networkDigest == null || property == null) {
            throw new IllegalArgumentException("provenance needs an engine, an elapsed time, a network digest and a"
                    + " property");
        }
        if (elapsed.isNegative()) {
            throw new IllegalArgumentException("elapsed time " + elapsed + " is negative");
        }
        settings = Collections.unmodifiableSortedMap(new TreeMap<>(settings));
        counts = Collections.unmodifiableSortedMap(new TreeMap<>(counts));
    }

    /** Provenance from plain maps, copied into sorted ones. */
    public static Provenance of(String engine, Map<String, String> settings, Duration elapsed,
            Map<String, Long> counts, String networkDigest, String property) {
        return new Provenance(engine, new TreeMap<>(settings), elapsed, new TreeMap<>(counts), networkDigest,
                property);
    }
}
