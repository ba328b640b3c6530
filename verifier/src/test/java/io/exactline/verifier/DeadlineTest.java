package io.exactline.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class DeadlineTest {

    @Test
    void expiresExactlyWhenTheBudgetIsUsedUp() {
        AtomicLong clock = new AtomicLong(1_000);
        Deadline deadline = Deadline.after(Duration.ofNanos(500), clock::get);

        assertThat(deadline.expired()).isFalse();
        assertThat(deadline.remaining()).isEqualTo(Duration.ofNanos(500));
        clock.set(1_499);
        assertThat(deadline.expired()).isFalse();
        assertThatCode(deadline::check).doesNotThrowAnyException();
        clock.set(1_500);
        assertThat(deadline.expired()).isTrue();
        assertThat(deadline.remaining()).isEqualTo(Duration.ZERO);
        assertThatThrownBy(deadline::check).isInstanceOf(DeadlineExceededException.class)
                .hasMessage("the time budget of PT0.0000005S is used up")
                .matches(e -> ((DeadlineExceededException) e).budget().equals(Duration.ofNanos(500)));
    }

    @Test
    void survivesAClockThatWrapsAround() {
        AtomicLong clock = new AtomicLong(Long.MAX_VALUE - 10);
        Deadline deadline = Deadline.after(Duration.ofNanos(100), clock::get);

        clock.addAndGet(50);
        assertThat(deadline.expired()).isFalse();
        assertThat(deadline.remaining()).isEqualTo(Duration.ofNanos(50));
        clock.addAndGet(50);
        assertThat(deadline.expired()).isTrue();
    }

    @Test
    void unlimitedAndOverlongBudgetsNeverExpire() {
        AtomicLong clock = new AtomicLong();
        Deadline forever = Deadline.after(Duration.ofDays(365L * 1000), clock::get);
        clock.set(Long.MAX_VALUE);

        assertThat(forever.isUnlimited()).isTrue();
        assertThat(forever.expired()).isFalse();
        assertThat(Deadline.unlimited().expired()).isFalse();
        assertThat(Deadline.unlimited().remaining()).isGreaterThan(Duration.ofDays(365L * 1_000_000));
    }

    @Test
    void zeroBudgetIsExpiredAtOnceAndNegativeIsRefused() {
        assertThat(Deadline.after(Duration.ZERO).expired()).isTrue();
        assertThatThrownBy(() -> Deadline.after(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
