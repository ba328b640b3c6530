package io.exactline.junit;

import static io.exactline.junit.ExactlineAssertions.assertThat;
import static io.exactline.junit.ExactlineAssertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.exactline.core.attribution.Baseline;
import io.exactline.core.attribution.ExactAttribution;
import io.exactline.core.attribution.IntegratedGradients;

class AttributionAssertTest {

    @Test
    void exactIntegratedGradientsAreComplete() {
        ExactAttribution ig = IntegratedGradients.of(SmallNetworks.twoKinks())
                .exact(new double[] {2}, new Baseline.Given(new double[] {-1}), 0);

        // F_0(2) - F_0(-1) = 3 - 0, all of it attributed to the only input.
        assertThat(ig.attributions()).containsExactly(3.0);
        assertThat(ig).satisfiesCompleteness(1e-12);
    }

    @Test
    void aGapAboveTheToleranceFailsWithTheSumAndTheChange() {
        ExactAttribution off = new ExactAttribution(new double[] {1.0, 1.5}, 0, new double[] {0, 0}, 3, 2.0, 0.5);

        assertThatThrownBy(() -> assertThat(off).satisfiesCompleteness(0.1))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("sum of attributions     = 2.5")
                .hasMessageContaining("F(x) - F(x')            = 2.0")
                .hasMessageContaining("(relative 0.25)");
        assertThat(off).satisfiesCompleteness(0.25);
    }

    @Test
    void withoutOutputChangeTheGapIsAbsolute() {
        ExactAttribution flat = new ExactAttribution(new double[] {1e-3, -1e-3}, 0, new double[] {0, 0}, 1, 0.0,
                1e-15);

        assertThat(flat).satisfiesCompleteness(1e-12);
        assertThatThrownBy(() -> assertThat(flat).satisfiesCompleteness(1e-16))
                .hasMessageContaining("absolute, the output does not change");
    }
}
