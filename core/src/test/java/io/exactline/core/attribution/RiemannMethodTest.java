package io.exactline.core.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.exactline.core.BadInputException;

class RiemannMethodTest {

    private static double[] ratios(RiemannMethod method, int m) {
        return IntStream.range(0, method.gradientCount(m)).mapToDouble(s -> method.ratio(s, m)).toArray();
    }

    private static double[] weights(RiemannMethod method, int m) {
        return IntStream.range(0, method.gradientCount(m)).mapToDouble(s -> method.weight(s, m)).toArray();
    }

    @Test
    void samplesTheFourRulesAtTheirTextbookRatios() {
        assertThat(ratios(RiemannMethod.LEFT, 4)).containsExactly(0, 0.25, 0.5, 0.75);
        assertThat(ratios(RiemannMethod.RIGHT, 4)).containsExactly(0.25, 0.5, 0.75, 1);
        assertThat(ratios(RiemannMethod.MIDPOINT, 4)).containsExactly(0.125, 0.375, 0.625, 0.875);
        assertThat(ratios(RiemannMethod.TRAPEZOID, 4)).containsExactly(0, 0.25, 0.5, 0.75, 1);
    }

    @Test
    void theTrapezoidRuleHalvesTheEndWeightsAndUsesOneMoreGradient() {
        assertThat(weights(RiemannMethod.TRAPEZOID, 4)).containsExactly(0.125, 0.25, 0.25, 0.25, 0.125);
        assertThat(RiemannMethod.TRAPEZOID.gradientCount(4)).isEqualTo(5);
        assertThat(RiemannMethod.LEFT.gradientCount(4)).isEqualTo(4);
    }

    @ParameterizedTest
    @EnumSource(RiemannMethod.class)
    void weightsSumToOne(RiemannMethod method) {
        for (int m : new int[] {1, 2, 7, 1000}) {
            assertThat(IntStream.range(0, method.gradientCount(m)).mapToDouble(s -> method.weight(s, m)).sum())
                    .as("m = %d", m).isCloseTo(1.0, within(1e-12));
        }
    }

    @Test
    void rejectsZeroSubIntervals() {
        assertThatThrownBy(() -> RiemannMethod.LEFT.gradientCount(0)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("at least one sub-interval");
    }
}
