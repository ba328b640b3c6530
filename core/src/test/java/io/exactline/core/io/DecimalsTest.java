package io.exactline.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalsTest {
    @ParameterizedTest
    @CsvSource({"1, 1", "-0.5, -0.5", ".25, 0.25", "3., 3", "+2, 2", "6.02e23, 6.02e23", "1E-5, 1e-5",
            "1.9791091e+04, 19791.091", "-0, -0.0"})
    void readsDecimalsToTheNearestDouble(String token, double value) {
        assertThat(Decimals.parse(token)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nan", "NaN", "inf", "-Infinity", "+INF"})
    void recognisesNonFiniteWordsSoCallersCanRefuseThem(String token) {
        assertThat(Double.isFinite(Decimals.parse(token))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " 1", "1 ", "abc", "0x1p3", "1d", "2f", "1e", "e5", ".", "--1", "1,0", "-nan"})
    void refusesEverythingElse(String token) {
        assertThatThrownBy(() -> Decimals.parse(token)).isInstanceOf(NumberFormatException.class)
                .hasMessageContaining("'" + token + "'");
    }
}
