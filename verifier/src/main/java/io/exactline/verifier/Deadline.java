package io.exactline.verifier;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.function.LongSupplier;

/**
 * A point in time after which a computation should stop, on a monotonic nanosecond clock
 * ({@link System#nanoTime()} unless another is given). Immutable; pass the same deadline through every step of
 * a computation and call {@link #check()} often (e.g. once per branch-and-bound node or LP).
 */
public final class Deadline {
    private static final Deadline UNLIMITED = new Deadline(System::nanoTime, 0L, ChronoUnit.FOREVER.getDuration(), true);

    private final LongSupplier clock;
    private final long endNanos;
    private final Duration budget;
    private final boolean unlimited;

    private Deadline(LongSupplier clock, long endNanos, Duration budget, boolean unlimited) {
        this.clock = clock;
        this.endNanos = endNanos;
        this.budget = budget;
        this.unlimited = unlimited;
    }

    /** The deadline {@code budget} from now on {@link System#nanoTime()}. */
    public static Deadline after(Duration budget) {
        return after(budget, System::nanoTime);
    }

    /**
     * The deadline {@code budget} from now on {@code nanoClock}, a monotonic clock in nanoseconds (tests pass a
     * clock they advance by hand). A budget too long to count in nanoseconds (about 292 years) never expires.
     */
    public static Deadline after(Duration budget, LongSupplier nanoClock) {
        if (budget.isNegative()) {
            throw new IllegalArgumentException("a time budget cannot be negative, got " + budget);
        }
        long nanos;
        try {
            nanos = budget.toNanos();
        } catch (ArithmeticException tooLong) {
            return new Deadline(nanoClock, 0L, budget, true);
        }
        return new Deadline(nanoClock, nanoClock.getAsLong() + nanos, budget, false);
    }

    /** A deadline that never passes. */
    public static Deadline unlimited() {
        return UNLIMITED;
    }

    /** Whether the deadline has passed. */
    public boolean expired() {
        return !unlimited && clock.getAsLong() - endNanos >= 0;
    }

    /** Time left, zero once expired; {@link ChronoUnit#FOREVER}'s duration for an unlimited deadline. */
    public Duration remaining() {
        if (unlimited) {
            return ChronoUnit.FOREVER.getDuration();
        }
        long left = endNanos - clock.getAsLong();
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    /** The time this deadline was set for. */
    public Duration budget() {
        return budget;
    }

    /** Whether this deadline never passes. */
    public boolean isUnlimited() {
        return unlimited;
    }

    /**
     * Returns when there is time left and throws {@link DeadlineExceededException} once the deadline has
     * passed: the cooperative cancellation point of long computations.
     */
    public void check() {
        if (expired()) {
            throw new DeadlineExceededException(budget);
        }
    }

    @Override
    public String toString() {
        return unlimited ? "Deadline(unlimited)" : "Deadline(" + remaining() + " of " + budget + " left)";
    }
}
