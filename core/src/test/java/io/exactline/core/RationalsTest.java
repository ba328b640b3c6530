package io.exactline.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;

class RationalsTest {

    @Test
    void compareOrdersTwoNegativesCorrectly() {
        // BigFraction.compareTo of commons-numbers 1.2 gets this pair wrong.
        assertThat(Rationals.compare(BigFraction.of(-3, 2), BigFraction.of(-5, 2))).isPositive();
        assertThat(Rationals.compare(BigFraction.of(-5, 2), BigFraction.of(-3, 2))).isNegative();
        assertThat(Rationals.compare(BigFraction.of(3, -2), BigFraction.of(-3, 2))).isZero();
    }

    @Test
    void roundingBracketsAThirdByNeighbouringDoubles() {
        BigFraction third = BigFraction.of(1, 3);

        double up = Rationals.roundUp(third);
        double down = Rationals.roundDown(third);

        assertThat(Rationals.compare(BigFraction.from(up), third)).isPositive();
        assertThat(Rationals.compare(BigFraction.from(down), third)).isNegative();
        assertThat(Math.nextUp(down)).isEqualTo(up);
        assertThat(Rationals.roundUp(BigFraction.of(-1, 3))).isEqualTo(-down);
    }

    @Test
    void roundingKeepsDoublesThatAreExact() {
        assertThat(Rationals.roundUp(BigFraction.from(0.1))).isEqualTo(0.1);
        assertThat(Rationals.roundDown(BigFraction.from(-0.1))).isEqualTo(-0.1);
    }

    @Test
    void ofMovesTheSignToTheNumeratorSoTheOrderIsNumeric() {
        BigFraction minusHalf = Rationals.of(BigInteger.ONE, BigInteger.valueOf(-2));

        assertThat(minusHalf.getDenominator().signum()).isPositive();
        assertThat(Rationals.ORDER.compare(minusHalf, BigFraction.of(-1, 3))).isNegative();
    }
}
