package io.exactline.verifier.smt;

import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.sosy_lab.common.ShutdownManager;

import io.exactline.verifier.Deadline;

/**
 * Requests a JavaSMT shutdown when a deadline passes. One daemon timer thread serves all queries and exits after a
 * second without work, so no thread outlives the queries.
 */
final class ShutdownTimer {
    private static final ScheduledThreadPoolExecutor TIMER = createTimer();

    private final Optional<ScheduledFuture<?>> alarm;

    /** Arms a shutdown of {@code manager} for when {@code deadline} passes (never, for an unlimited deadline). */
    ShutdownTimer(ShutdownManager manager, Deadline deadline) {
        this.alarm = deadline.isUnlimited() ? Optional.empty()
                : Optional.of(TIMER.schedule(() -> manager.requestShutdown("deadline of " + deadline.budget()
                        + " passed"), deadline.remaining().toNanos(), TimeUnit.NANOSECONDS));
    }

    /** Disarms the alarm. */
    void disarm() {
        alarm.ifPresent(a -> a.cancel(false));
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
