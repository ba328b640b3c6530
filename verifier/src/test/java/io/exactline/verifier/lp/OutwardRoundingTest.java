package io.exactline.verifier.lp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Random;

import org.junit.jupiter.api.Test;

class OutwardRoundingTest {

    @Test
    void sumsAndProductsEncloseTheExactResult() {
        Random random = new Random(5);
        for (int trial = 0; trial < 100_000; trial++) {
            double a = sample(random);
            double b = sample(random);
            BigDecimal sum = new BigDecimal(a).add(new BigDecimal(b));
            BigDecimal product = new BigDecimal(a).multiply(new BigDecimal(b));

            assertThat(atMost(OutwardRounding.addDown(a, b), sum)).as("addDown(%s, %s)", a, b).isTrue();
            assertThat(atLeast(OutwardRounding.addUp(a, b), sum)).as("addUp(%s, %s)", a, b).isTrue();
            assertThat(atMost(OutwardRounding.mulDown(a, b), product)).as("mulDown(%s, %s)", a, b).isTrue();
            assertThat(atLeast(OutwardRounding.mulUp(a, b), product)).as("mulUp(%s, %s)", a, b).isTrue();
            if (Double.isFinite(a + b)) {
                assertThat(OutwardRounding.addUp(a, b) - OutwardRounding.addDown(a, b)).as("width at %s + %s", a, b)
                        .isLessThanOrEqualTo(Math.ulp(a + b));
            }
        }
    }

    private static boolean atMost(double bound, BigDecimal exact) {
        return bound == Double.NEGATIVE_INFINITY
                || (bound != Double.POSITIVE_INFINITY && new BigDecimal(bound).compareTo(exact) <= 0);
    }

    private static boolean atLeast(double bound, BigDecimal exact) {
        return bound == Double.POSITIVE_INFINITY
                || (bound != Double.NEGATIVE_INFINITY && new BigDecimal(bound).compareTo(exact) >= 0);
    }

    @Test
    void exactOperationsAreNotWidened() {
        assertThat(OutwardRounding.addDown(0.5, 0.25)).isEqualTo(0.75);
        assertThat(OutwardRounding.addUp(0.1, -0.1)).isEqualTo(0.0);
        assertThat(OutwardRounding.mulDown(3.0, 0.5)).isEqualTo(1.5);
        assertThat(OutwardRounding.mulUp(0.0, Double.POSITIVE_INFINITY)).isEqualTo(0.0);
    }

    @Test
    void inexactOperationsAreWidened() {
        assertThat(OutwardRounding.addDown(0.1, 0.2)).isLessThan(OutwardRounding.addUp(0.1, 0.2));
        assertThat(OutwardRounding.mulDown(0.1, 0.1)).isLessThan(OutwardRounding.mulUp(0.1, 0.1));
    }

    @Test
    void undefinedSumsGiveTheSafeInfinity() {
        assertThat(OutwardRounding.addDown(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY))
                .isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(OutwardRounding.addUp(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY))
                .isEqualTo(Double.POSITIVE_INFINITY);
    }

    /** Doubles across the whole range: tiny (subnormal), ordinary, huge (near overflow), and exact zeros. */
    private static double sample(Random random) {
        double mantissa = random.nextDouble() * (random.nextBoolean() ? 1 : -1);
        return switch (random.nextInt(5)) {
            case 0 -> mantissa * Double.MIN_NORMAL * Math.scalb(1.0, -random.nextInt(60));
            case 1 -> mantissa * Math.scalb(1.0, 1000 + random.nextInt(23));
            case 2 -> 0.0;
            default -> mantissa * Math.scalb(1.0, random.nextInt(80) - 40);
        };
    }
}
