package io.exactline.verifier.smt;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.sosy_lab.common.ShutdownManager;

/**
 * Requests a JavaSMT shutdown when a time limit runs out. One daemon timer thread serves all queries and exits
 * after a second without work, so no thread outlives the queries.
 */
final class ShutdownTimer implements AutoCloseable {
    private static final ScheduledThreadPoolExecutor TIMER = createTimer();

    private final ShutdownManager manager;
    private final ScheduledFuture<?> alarm;

    /** Arms a shutdown of {@code manager} after {@code limit}. */
    ShutdownTimer(ShutdownManager manager, Duration limit) {
        this.manager = manager;
        this.alarm = TIMER.schedule(() -> manager.requestShutdown("time limit of " + limit.toMillis() + " ms"),
                nanos(limit), TimeUnit.NANOSECONDS);
    }

    /** Whether the time limit ran out (a shutdown was requested). */
    boolean expired() {
        return manager.getNotifier().shouldShutdown();
    }

    /** Disarms the alarm. */
    @Override
    public void close() {
        alarm.cancel(false);
    }

    /** {@code limit} in nanoseconds, saturated at {@code Long.MAX_VALUE}; 0 for a negative limit. */
    static long nanos(Duration limit) {
        if (limit.isNegative()) {
            return 0;
        }
        try {
            return limit.toNanos();
        } catch (ArithmeticException beyondThreeHundredYears) {
            return Long.MAX_VALUE;
        }
    }

    private static ScheduledThreadPoolExecutor createTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "exactline-smt-timer");
            thread.setDaemon(true);
            return thread;
        });
        timer.setKeepAliveTime(1, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
