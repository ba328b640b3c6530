package io.exactline.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Finds threads a computation leaves behind: remembers the live threads when started, and later lists the new
 * ones still alive after giving them time to end (pool threads idle out, timers are cancelled). The JDK's common
 * fork-join pool is shared infrastructure and not counted.
 */
public final class ThreadWatch {
    private final Set<Thread> before;

    private ThreadWatch(Set<Thread> before) {
        this.before = before;
    }

    /** Remembers the threads alive now. */
    public static ThreadWatch start() {
        return new ThreadWatch(Set.copyOf(Thread.getAllStackTraces().keySet()));
    }

    /**
     * The names of threads started since {@link #start()} that are still alive after waiting up to {@code settle}
     * for them to end; empty when none is left.
     */
    public List<String> leftAfter(Duration settle) throws InterruptedException {
        long end = System.nanoTime() + settle.toNanos();
        List<String> left;
        do {
            left = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.isAlive() && !before.contains(t))
                    .filter(t -> !t.getName().startsWith("ForkJoinPool.commonPool"))
                    .map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : "")).sorted().toList();
            if (!left.isEmpty()) {
                Thread.sleep(50);
            }
        } while (!left.isEmpty() && System.nanoTime() < end);
        return left;
    }
}
