package io.exactline.verifier.bab;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The pace of {@link BabEngine}'s hunter thread, asked between its units of work (a batch of samples, one linear
 * region): full speed for the first {@code fullSpeedNanos} of the thread's CPU time, then a pause of
 * {@code pauseFactor} times the CPU time of each unit after it, so that the hunter takes about
 * {@code 1 / (1 + pauseFactor)} of a core. The counterexample regions the hunter is for are found within its first
 * seconds or not soon (ACAS Xu: at most 2 s of CPU over 8 seeds), while a hard unsat instance's workers need the
 * cores for minutes. CPU time is the thread's own where the JVM measures it, else wall time. Used by one thread.
 */
final class HunterPace {
    private static final long WAIT_NANOS = 1_000_000L;

    private final AtomicBoolean stop;
    private final long fullSpeedNanos;
    private final int pauseFactor;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final long wallStart = System.nanoTime();
    private long last = -1;

    /**
     * @param stop the search's stop flag: a pause ends as soon as it is set
     * @param fullSpeedNanos CPU time before pauses begin
     * @param pauseFactor pause per unit of work, in units of that work's CPU time
     */
    HunterPace(AtomicBoolean stop, long fullSpeedNanos, int pauseFactor) {
        this.stop = stop;
        this.fullSpeedNanos = fullSpeedNanos;
        this.pauseFactor = pauseFactor;
    }

    /** Pauses if the hunter is past its full-speed time, then whether the search has stopped. */
    boolean cancelled() {
        long now = cpuNanos();
        if (last >= 0 && now > fullSpeedNanos) {
            long until = System.nanoTime() + pauseFactor * (now - last);
            for (long left = until - System.nanoTime(); left > 0 && !stop.get(); left = until - System.nanoTime()) {
                LockSupport.parkNanos(Math.min(WAIT_NANOS, left));
            }
        }
        last = cpuNanos();
        return stop.get();
    }

    private long cpuNanos() {
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime()
                : System.nanoTime() - wallStart;
    }
}
