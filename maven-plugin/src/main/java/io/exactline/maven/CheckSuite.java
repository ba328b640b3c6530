package io.exactline.maven;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs checks on a fixed number of threads and returns their results in the order given. After each check the
 * progress listener receives its result and how many checks are done; it is called from one thread at a time.
 */
final class CheckSuite {
    /** One check to run, with the name and kind to report if it fails unexpectedly. */
    record Check(String kind, String name, String expected, Supplier<CheckResult> run) {
    }

    /** The progress of a run: the result just finished, and how many of how many are done. */
    record Progress(CheckResult result, int done, int total) {
    }

    private CheckSuite() {
    }

    /**
     * Runs {@code checks} on {@code threads} threads. A check that throws (a bug, not bad input) becomes an
     * {@link Outcome#ERROR} result naming the exception, and the others still run.
     */
    static List<CheckResult> run(List<Check> checks, int threads, Consumer<Progress> progress) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, checks.size())),
                runnable -> {
                    Thread t = new Thread(runnable, "exactline-check");
                    t.setDaemon(true);
                    return t;
                });
        AtomicInteger done = new AtomicInteger();
        Object lock = new Object();
        try {
            List<Future<CheckResult>> futures = new ArrayList<>();
            for (Check check : checks) {
                futures.add(pool.submit(() -> {
                    CheckResult result = guarded(check);
                    synchronized (lock) {
                        progress.accept(new Progress(result, done.incrementAndGet(), checks.size()));
                    }
                    return result;
                }));
            }
            List<CheckResult> results = new ArrayList<>();
            for (Future<CheckResult> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running exactline checks", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("an exactline check failed outside its guard", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static CheckResult guarded(Check check) {
        long start = System.nanoTime();
        try {
            return check.run().get();
        } catch (RuntimeException | StackOverflowError e) {
            return CheckResult.error(check.kind(), check.name(), check.expected(), "-",
                    Duration.ofNanos(System.nanoTime() - start), "internal error: " + e);
        }
    }
}
