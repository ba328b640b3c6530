package io.exactline.core.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.DoubleSummaryStatistics;

import org.junit.jupiter.api.Test;

import io.exactline.core.BadInputException;
import io.exactline.core.network.Network;

class BaselineTest {
    private static final Network NETWORK = TestNetworks.randomRelu(1, 50, 4, 2);

    @Test
    void zerosFitTheNetworkInput() {
        assertThat(Baseline.zeros().pointFor(NETWORK)).hasSize(50).containsOnly(0.0);
    }

    @Test
    void noiseIsReproducibleFromItsSeedAndStaysInItsRange() {
        double[] first = Baseline.uniformNoise(-0.5, 2, 7).pointFor(NETWORK);

        assertThat(Baseline.uniformNoise(-0.5, 2, 7).pointFor(NETWORK)).containsExactly(first);
        assertThat(Baseline.uniformNoise(-0.5, 2, 8).pointFor(NETWORK)).isNotEqualTo(first);
        DoubleSummaryStatistics stats = Arrays.stream(first).summaryStatistics();
        assertThat(stats.getMin()).isBetween(-0.5, 0.0);
        assertThat(stats.getMax()).isBetween(1.5, 2.0);
    }

    @Test
    void aGivenPointIsCopiedAndChecked() {
        double[] point = new double[50];
        Baseline given = Baseline.of(point);
        point[0] = 9;

        assertThat(given.pointFor(NETWORK)[0]).isZero();
        assertThatThrownBy(() -> Baseline.of(new double[] {Double.NaN}).pointFor(TestNetworks.randomRelu(1, 1, 1)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("baseline value 0 is NaN");
    }

    @Test
    void rejectsAnEmptyNoiseRange() {
        assertThatThrownBy(() -> Baseline.uniformNoise(1, 1, 0)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("low < high");
    }
}
