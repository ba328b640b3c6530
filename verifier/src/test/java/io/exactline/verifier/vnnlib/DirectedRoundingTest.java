package io.exactline.verifier.vnnlib;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class DirectedRoundingTest {

    /** Random decimals of 1 to 20 digits with exponents from -330 to 310, and their neighbours in doubles. */
    @Test
    void compareAgreesWithExactBigDecimalExpansion() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 20_000; trial++) {
            BigDecimal v = randomDecimal(random);
            double nearest = v.doubleValue();
            if (!Double.isFinite(nearest)) {
                continue;
            }
            for (double d : new double[] {nearest, Math.nextUp(nearest), Math.nextDown(nearest), -nearest, 0.0}) {
                int expected = Integer.signum(new BigDecimal(d).compareTo(v));
                assertThat(Integer.signum(DirectedRounding.compare(d, v))).as("sign of %s - %s", d, v)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void downAndUpAreTheNeighbouringDoubles() {
        SplittableRandom random = new SplittableRandom(12);
        for (int trial = 0; trial < 20_000; trial++) {
            BigDecimal v = randomDecimal(random);
            double down = DirectedRounding.down(v);
            double up = DirectedRounding.up(v);
            if (!Double.isFinite(down) || !Double.isFinite(up)) {
                continue;
            }
            assertThat(new BigDecimal(down)).as("down(%s) = %s", v, down).isLessThanOrEqualTo(v);
            assertThat(new BigDecimal(Math.nextUp(down))).as("next above down(%s)", v).isGreaterThan(v);
            assertThat(new BigDecimal(up)).as("up(%s) = %s", v, up).isGreaterThanOrEqualTo(v);
            assertThat(new BigDecimal(Math.nextDown(up))).as("next below up(%s)", v).isLessThan(v);
        }
    }

    @Test
    void quotientsRoundInTheirDirection() {
        BigDecimal one = BigDecimal.ONE;
        BigDecimal three = BigDecimal.valueOf(3);

        assertThat(new BigDecimal(DirectedRounding.quotientUp(one, three)).multiply(three)).isGreaterThanOrEqualTo(one);
        assertThat(new BigDecimal(DirectedRounding.quotientDown(one, three)).multiply(three)).isLessThanOrEqualTo(one);
        assertThat(DirectedRounding.quotientDown(one, three)).isEqualTo(Math.nextDown(DirectedRounding.quotientUp(one, three)));
        assertThat(DirectedRounding.quotientUp(BigDecimal.valueOf(-5), BigDecimal.ONE.negate())).isEqualTo(5.0);
    }

    private static BigDecimal randomDecimal(SplittableRandom random) {
        int digits = random.nextInt(1, 21);
        StringBuilder s = new StringBuilder(random.nextBoolean() ? "-" : "");
        s.append(random.nextInt(1, 10));
        for (int i = 1; i < digits; i++) {
            s.append(random.nextInt(10));
        }
        return new BigDecimal(new BigInteger(s.toString()), random.nextInt(-310, 330));
    }
}
