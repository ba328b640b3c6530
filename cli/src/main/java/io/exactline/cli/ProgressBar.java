package io.exactline.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/**
 * Progress of a run over many instances on stderr: a redrawn bar with the tally of results on a terminal,
 * otherwise a plain line every 10 seconds (so logs stay readable).
 */
final class ProgressBar {
    private static final long PLAIN_PROGRESS_NANOS = 10_000_000_000L;
    private static final int BAR_WIDTH = 30;

    private final PrintWriter err;
    private final boolean terminal;
    private final int total;
    private final long start = System.nanoTime();
    private long lastPlain = System.nanoTime();

    ProgressBar(PrintWriter err, boolean terminal, int total) {
        this.err = err;
        this.terminal = terminal;
        this.total = total;
    }

    /** {@code done} of the instances have finished with the results counted in {@code tally}. */
    void update(int done, Map<String, Integer> tally) {
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (terminal) {
            int filled = (int) ((long) BAR_WIDTH * done / total);
            err.print(String.format(Locale.ROOT, "\r[%s%s] %d/%d %s %.1f s", "#".repeat(filled),
                    " ".repeat(BAR_WIDTH - filled), done, total, tally, elapsed));
            err.flush();
        } else if (System.nanoTime() - lastPlain >= PLAIN_PROGRESS_NANOS) {
            lastPlain = System.nanoTime();
            err.println(String.format(Locale.ROOT, "progress: %d/%d %s %.1f s", done, total, tally, elapsed));
            err.flush();
        }
    }

    /** A line of its own, e.g. an instance that failed, without breaking the bar. */
    void message(String text) {
        if (terminal) {
            err.print("\r");
        }
        err.println(text);
        err.flush();
    }

    /** The closing line with the final tally and the total time. */
    void finish(Map<String, Integer> tally) {
        if (terminal) {
            err.println();
        }
        err.println(String.format(Locale.ROOT, "done: %d instances %s %.1f s", total, tally,
                (System.nanoTime() - start) / 1e9));
        err.flush();
    }
}
