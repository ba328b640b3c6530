package io.exactline.verifier.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;

import org.junit.jupiter.api.Test;

class DirectedTest {
    private static final double[] EDGES = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, 1.0,
        -1.0, 0x1p-1074 * 3, Double.MAX_VALUE, -Double.MAX_VALUE, 0.1, 1.0 / 3, 0x1p52, 0x1p-52};

    private static double randomDouble(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> EDGES[random.nextInt(EDGES.length)];
            case 1 -> (random.nextDouble() - 0.5) * Math.pow(2, random.nextInt(200) - 100);
            case 2 -> Math.rint((random.nextDouble() - 0.5) * 64) / 16;
            default -> Double.longBitsToDouble(random.nextLong());
        };
    }

    private static boolean below(double bound, BigDecimal exact) {
        return bound == Double.NEGATIVE_INFINITY || (Double.isFinite(bound) && new BigDecimal(bound).compareTo(exact) <= 0);
    }

    private static boolean above(double bound, BigDecimal exact) {
        return bound == Double.POSITIVE_INFINITY || (Double.isFinite(bound) && new BigDecimal(bound).compareTo(exact) >= 0);
    }

    @Test
    void downwardAndUpwardResultsEncloseTheExactSumProductAndQuotient() {
        Random random = new Random(11);
        for (int trial = 0; trial < 20_000; trial++) {
            double a = randomDouble(random);
            double b = randomDouble(random);
            if (!Double.isFinite(a) || !Double.isFinite(b)) {
                continue;
            }
            BigDecimal x = new BigDecimal(a);
            BigDecimal y = new BigDecimal(b);
            BigDecimal sum = x.add(y);
            BigDecimal product = x.multiply(y);
            String where = a + " and " + b;
            assertThat(below(Directed.addDown(a, b), sum)).as("addDown of %s", where).isTrue();
            assertThat(above(Directed.addUp(a, b), sum)).as("addUp of %s", where).isTrue();
            assertThat(below(Directed.subDown(a, b), x.subtract(y))).as("subDown of %s", where).isTrue();
            assertThat(above(Directed.subUp(a, b), x.subtract(y))).as("subUp of %s", where).isTrue();
            assertThat(below(Directed.mulDown(a, b), product)).as("mulDown of %s", where).isTrue();
            assertThat(above(Directed.mulUp(a, b), product)).as("mulUp of %s", where).isTrue();
            if (b != 0.0) {
                BigDecimal quotient = x.divide(y, new MathContext(400));
                BigDecimal slack = quotient.abs().multiply(new BigDecimal("1e-300"));
                assertThat(above(Directed.divUp(a, b), quotient.add(slack))).as("divUp of %s", where).isTrue();
            }
        }
    }

    @Test
    void minimumOfAProductOverAnIntervalIsAtTheRightEnd() {
        assertThat(Directed.minProduct(2.0, -1.0, 3.0)).isLessThanOrEqualTo(-2.0).isGreaterThan(-2.0000001);
        assertThat(Directed.minProduct(-2.0, -1.0, 3.0)).isLessThanOrEqualTo(-6.0).isGreaterThan(-6.0000001);
        assertThat(Directed.minProduct(0.0, -1.0, 3.0)).isZero();
    }
}
