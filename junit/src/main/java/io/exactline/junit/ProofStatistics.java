package io.exactline.junit;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Totals over all proofs of a test run: how many ended in each verdict, how many came from the proof cache, and
 * the time they took. Kept in the run's root extension store; JUnit closes it at the end of the run, which prints
 * the totals as one line.
 */
final class ProofStatistics implements ExtensionContext.Store.CloseableResource {
    private final Map<String, Integer> verdicts = new TreeMap<>();
    private int proofs;
    private int cached;
    private Duration time = Duration.ZERO;

    /** Counts {@code record}. */
    synchronized void add(ProofRecord record) {
        proofs++;
        cached += record.cached() ? 1 : 0;
        verdicts.merge(record.verdict(), 1, Integer::sum);
        time = time.plus(record.time());
    }

    /** e.g. {@code 13 proofs (9 unsat, 4 sat), 13 from the proof cache, 1.234 s}. */
    synchronized String summary() {
        StringBuilder byVerdict = new StringBuilder();
        verdicts.forEach((verdict, n) -> byVerdict.append(byVerdict.length() == 0 ? "" : ", ").append(n)
                .append(' ').append(verdict));
        return proofs + (proofs == 1 ? " proof (" : " proofs (") + byVerdict + "), " + cached
                + " from the proof cache, " + String.format(Locale.ROOT, "%.3f s", time.toNanos() / 1e9);
    }

    @Override
    public void close() {
        if (proofs > 0) {
            System.out.println("[exactline] " + summary());
        }
    }
}
