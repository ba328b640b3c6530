package io.exactline.acasxu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import io.exactline.core.BadInputException;

class NormalizationTest {

    @Test
    void property1BoundsMatchTheVnnlibNormalisedValues() {
        // prop_1.vnnlib: rho in (55947.691, 60760) -> X_0 in [0.6, 0.679857769]; v_own 1145 -> X_3 = 0.45
        double[] low = Normalization.normalize(new double[] {55947.691, -Math.PI, -Math.PI, 1145, 0});
        double[] high = Normalization.normalize(new double[] {60760, Math.PI, Math.PI, 1200, 60});

        assertThat(low[0]).isCloseTo(0.6, within(1e-9));
        assertThat(high[0]).isCloseTo(0.679857769, within(1e-9));
        assertThat(low[1]).isCloseTo(-0.5, within(1e-9));
        assertThat(low[3]).isCloseTo(0.45, within(1e-9));
        assertThat(high[4]).isCloseTo(-0.45, within(1e-9));
    }

    @Test
    void normaliseThenDenormaliseIsTheIdentity() {
        double[] physical = {12345.6, 0.3, -2.1, 640, 1100};

        assertThat(Normalization.denormalize(Normalization.normalize(physical))).containsExactly(physical, within(1e-9));
    }

    @Test
    void advisoryIsTheMinimalScoreWithLowestIndexOnTies() {
        assertThat(Advisory.of(new double[] {0.5, 0.2, 0.2, 0.9, 0.3})).isEqualTo(Advisory.WL);
        assertThat(Advisory.of(new double[] {-1, 0, 0, 0, 0})).isEqualTo(Advisory.COC);
    }

    @Test
    void networkIdsParseShortAndFileNames() {
        assertThat(NetworkId.parse("2_5")).isEqualTo(new NetworkId(2, 5));
        assertThat(NetworkId.parse("ACASXU_run2a_5_9_batch_2000.onnx").stem()).isEqualTo("ACASXU_run2a_5_9_batch_2000");
        assertThat(NetworkId.parse("1_9").tauSeconds()).isEqualTo(100);
        assertThat(NetworkId.all()).hasSize(45);
        assertThatThrownBy(() -> NetworkId.parse("6_1")).isInstanceOf(BadInputException.class).hasMessageContaining("6_1");
    }
}
