package io.exactline.verifier.lp;

import java.time.Duration;

/** Converts time limits for solvers that take whole milliseconds. */
public final class TimeLimits {
    private TimeLimits() {
    }

    /**
     * {@code limit} in whole milliseconds, rounded up so that a positive limit never becomes 0, and saturated at
     * {@code Long.MAX_VALUE} for limits too long to count; 0 for a zero or negative limit.
     */
    public static long millis(Duration limit) {
        if (limit.isZero() || limit.isNegative()) {
            return 0;
        }
        try {
            long nanos = limit.toNanos();
            return nanos / 1_000_000 + (nanos % 1_000_000 == 0 ? 0 : 1);
        } catch (ArithmeticException beyondThreeHundredYears) {
            return Long.MAX_VALUE;
        }
    }
}
