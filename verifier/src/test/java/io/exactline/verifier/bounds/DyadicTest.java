package io.exactline.verifier.bounds;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The exact dyadic arithmetic of the test oracle agrees with {@link BigDecimal} on doubles. */
class DyadicTest {
    @Test
    void sumsAndProductsOfDoublesAreExact() {
        Random random = new Random(3);
        double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_NORMAL, 1e300, -1e-300, 0.1, 3.0};
        for (int trial = 0; trial < 2_000; trial++) {
            double a = trial < special.length ? special[trial]
                    : (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20);
            double b = trial < special.length ? special[special.length - 1 - trial]
                    : (random.nextDouble() - 0.5) * Math.pow(2, random.nextInt(200) - 100);
            BigDecimal x = new BigDecimal(a);
            BigDecimal y = new BigDecimal(b);
            assertThat(Dyadic.of(a).toBigDecimal()).isEqualByComparingTo(x);
            assertThat(Dyadic.of(a).add(Dyadic.of(b)).toBigDecimal()).as("%s + %s", a, b)
                    .isEqualByComparingTo(x.add(y));
            assertThat(Dyadic.of(a).multiply(Dyadic.of(b)).toBigDecimal()).as("%s * %s", a, b)
                    .isEqualByComparingTo(x.multiply(y));
            assertThat(Dyadic.of(a).compareTo(Dyadic.of(b))).isEqualTo(x.compareTo(y));
        }
    }
}
