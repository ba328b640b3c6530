package io.exactline.acasxu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import io.exactline.core.BadInputException;

class TopDownWindowTest {

    @Test
    void anIntruderToTheLeftHasPositiveBearing() {
        TopDownWindow window = TopDownWindow.around(5000, 0, 600, 600);

        EncounterState left = window.stateAt(0, 1000);
        EncounterState ahead = window.stateAt(2000, 0);
        EncounterState behindRight = window.stateAt(-1000, -1000);

        assertThat(left.theta()).isCloseTo(Math.PI / 2, within(1e-15));
        assertThat(left.rho()).isEqualTo(1000);
        assertThat(ahead.theta()).isZero();
        assertThat(behindRight.theta()).isCloseTo(-3 * Math.PI / 4, within(1e-15));
    }

    @Test
    void aWindowAroundTheOwnshipNeedsAllBearingsAndRangesUpToTheDomainLimit() {
        InputSlice polar = TopDownWindow.around(50000, 1, 600, 600).polarSlice();

        assertThat(polar.x().min()).isZero();
        assertThat(polar.x().max()).isEqualTo(TopDownWindow.MAX_RANGE);
        assertThat(polar.y().min()).isEqualTo(-Math.PI);
        assertThat(polar.y().max()).isEqualTo(Math.PI);
        assertThat(polar.fixed().psi()).isEqualTo(1);
    }

    @Test
    void aWindowAheadNeedsOnlyTheBearingsOfItsCorners() {
        InputSlice polar = new TopDownWindow(1000, 2000, -500, 500, 0, 600, 600).polarSlice();

        assertThat(polar.x().min()).isEqualTo(1000);
        assertThat(polar.x().max()).isCloseTo(Math.hypot(2000, 500), within(1e-9));
        assertThat(polar.y().min()).isCloseTo(-Math.atan2(500, 1000), within(1e-15));
        assertThat(polar.y().max()).isCloseTo(Math.atan2(500, 1000), within(1e-15));
    }

    @Test
    void aWindowTouchingTheRayBehindTheOwnshipNeedsAllBearings() {
        InputSlice polar = new TopDownWindow(-2000, -1000, -500, 0, 0, 600, 600).polarSlice();

        assertThat(polar.y().min()).isEqualTo(-Math.PI);
        assertThat(polar.y().max()).isEqualTo(Math.PI);
        assertThat(polar.x().min()).isEqualTo(1000);
    }

    @Test
    void aWindowBeyondTheDomainIsRefused() {
        assertThatThrownBy(() -> new TopDownWindow(70000, 80000, -100, 100, 0, 600, 600))
                .isInstanceOf(BadInputException.class).hasMessageContaining("outside the ACAS Xu domain");
        assertThatThrownBy(() -> TopDownWindow.around(1000, 0, 50, 600))
                .isInstanceOf(BadInputException.class).hasMessageContaining("vown = 50");
    }
}
