package io.exactline.junit;

import static io.exactline.junit.ExactlineAssertions.assertThat;
import static io.exactline.junit.ExactlineAssertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class NetworkAssertTest {

    @Test
    void satisfiesPassesWhenThePropertyIsProvedUnsat() {
        assertThat(SmallNetworks.sumAndDifference()).satisfies(SmallNetworks.firstOutputAtLeast(2.5));
    }

    @Test
    void satisfiesFailsWithTheCounterexampleItsOutputsAndTheUnsafeConditionMet() {
        assertThatThrownBy(() -> assertThat(SmallNetworks.sumAndDifference())
                .satisfies(SmallNetworks.firstOutputAtLeast(2.0)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting network sum and difference to satisfy property Y_0 >= 2.0")
                .hasMessageContaining("input   x    = [1.0, 1.0]")
                .hasMessageContaining("outputs f(x) = [2.0, 0.0]")
                .hasMessageContaining("unsafe condition met:");
    }

    @Test
    void violatesPassesOnACounterexampleAndFailsOnAProof() {
        assertThat(SmallNetworks.sumAndDifference()).violates(SmallNetworks.firstOutputAtLeast(1.5));
        assertThatThrownBy(() -> assertThat(SmallNetworks.sumAndDifference())
                .violates(SmallNetworks.firstOutputAtLeast(2.5)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("to violate property Y_0 >= 2.5")
                .hasMessageContaining("(unsat)");
    }

    @Test
    void aTimeoutFailsTheAssertionAndSaysSo() {
        assertThatThrownBy(() -> assertThat(SmallNetworks.sumAndDifference()).using(new UndecidedEngine(true))
                .within(Duration.ofMillis(20)).satisfies(SmallNetworks.firstOutputAtLeast(2.5)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("timeout after PT0.02S");
    }

    @Test
    void anUnknownAnswerFailsTheAssertionWithItsReason() {
        assertThatThrownBy(() -> assertThat(SmallNetworks.sumAndDifference()).using(new UndecidedEngine(false))
                .satisfies(SmallNetworks.firstOutputAtLeast(2.5)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("unknown: it never tries");
        assertThatThrownBy(() -> assertThat(SmallNetworks.sumAndDifference()).using(new UndecidedEngine(false))
                .violates(SmallNetworks.firstOutputAtLeast(1.5)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("unknown: it never tries");
    }

    @Test
    void anUncheckedUnsatOfAPluginIsNotAProof() {
        assertThatThrownBy(() -> assertThat(SmallNetworks.sumAndDifference()).using(new UncheckedEngine())
                .satisfies(SmallNetworks.firstOutputAtLeast(2.0)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("unsat (engine unchecked-plugin, unchecked)")
                .hasMessageContaining("proves nothing");
    }
}
