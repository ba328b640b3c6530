package io.exactline.verifier.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class LinearInequalityTest {
    private static final Variable Y0 = Variable.output(0);
    private static final Variable Y1 = Variable.output(1);
    private static final double[] NO_INPUTS = {};

    @Test
    void decidesExactlyWhereTheFloatingPointSumCancelsWrongly() {
        // 1 + 1e16 - 1e16: in doubles 1 + 1e16 rounds to 1e16 and the sum is 0 (holds), exactly it is 1 (fails).
        LinearInequality q = new LinearInequality(List.of(new Term(1, Y0), new Term(-1, Y1)), 1.0);
        double[] y = {1e16, 1e16};

        assertThat(q.valueAt(NO_INPUTS, y)).as("floating-point value").isZero();
        assertThat(q.exactValueAt(NO_INPUTS, y)).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(q.holdsAt(NO_INPUTS, y)).isFalse();
        assertThat(q.holdsAt(NO_INPUTS, y, 2.0)).as("with tolerance 2").isTrue();
    }

    @Test
    void agreesWithExactArithmeticOnRandomNearBoundaryPoints() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 2000; trial++) {
            double c0 = random.nextDouble(-2, 2);
            double c1 = random.nextDouble(-2, 2);
            double y0 = random.nextDouble(-1e3, 1e3);
            double y1 = random.nextDouble(-1e3, 1e3);
            // Put the constant so that the exact value is within a few ulps of zero.
            double d = -(c0 * y0 + c1 * y1) + random.nextInt(-3, 4) * Math.ulp(1e3);
            LinearInequality q = new LinearInequality(List.of(new Term(c0, Y0), new Term(c1, Y1)), d);
            double[] y = {y0, y1};
            boolean exact = new BigDecimal(c0).multiply(new BigDecimal(y0))
                    .add(new BigDecimal(c1).multiply(new BigDecimal(y1))).add(new BigDecimal(d)).signum() <= 0;

            assertThat(q.holdsAt(NO_INPUTS, y)).as("%s at y = (%s, %s)", q, y0, y1).isEqualTo(exact);
        }
    }

    @Test
    void boundaryHoldsAndNonFiniteValuesFail() {
        LinearInequality q = LinearInequality.lessOrEqual(Y0, Y1);

        assertThat(q.holdsAt(NO_INPUTS, new double[] {2.5, 2.5})).isTrue();
        assertThat(q.holdsAt(NO_INPUTS, new double[] {Double.NaN, 2.5})).isFalse();
        assertThat(q.holdsAt(NO_INPUTS, new double[] {Double.NEGATIVE_INFINITY, 2.5})).isFalse();
    }

    @Test
    void hugeValuesFallBackToExactArithmetic() {
        LinearInequality q = LinearInequality.lessOrEqual(Y0, Y1);
        double big = Double.MAX_VALUE;

        assertThat(q.holdsAt(NO_INPUTS, new double[] {big, -big})).isFalse();
        assertThat(q.holdsAt(NO_INPUTS, new double[] {-big, big})).isTrue();
    }

    @Test
    void printsLikeTheComparisonItCameFrom() {
        Variable x0 = Variable.input(0);
        Variable x1 = Variable.input(1);

        assertThat(LinearInequality.lessOrEqual(Y1, Y0)).hasToString("Y_1 <= Y_0");
        assertThat(LinearInequality.atLeast(Y0, 3.99)).hasToString("3.99 <= Y_0");
        assertThat(LinearInequality.atMost(Y0, -1)).hasToString("Y_0 <= -1");
        assertThat(new LinearInequality(List.of(new Term(2, x0), new Term(1, x1)), -1)).hasToString("2*X_0 + X_1 <= 1");
        assertThat(new LinearInequality(List.of(new Term(1, Y0), new Term(-0.5, Y1)), 0.25))
                .hasToString("Y_0 + 0.25 <= 0.5*Y_1");
        assertThat(new LinearInequality(List.of(), 2)).hasToString("2 <= 0");
    }

    @Test
    void describesValuesAndVerdict() {
        LinearInequality q = LinearInequality.lessOrEqual(Y1, Y0);

        assertThat(q.describeAt(NO_INPUTS, new double[] {1.5, 1.25}))
                .isEqualTo("Y_1 <= Y_0 holds: Y_0 = 1.5, Y_1 = 1.25, left - right = -0.25");
        assertThat(q.describeAt(NO_INPUTS, new double[] {1, 2})).startsWith("Y_1 <= Y_0 fails:");
    }

    @Test
    void rejectsRepeatedVariablesAndBadNumbers() {
        assertThatThrownBy(() -> new LinearInequality(List.of(new Term(1, Y0), new Term(2, Y0)), 0))
                .hasMessageContaining("Y_0 appears twice");
        assertThatThrownBy(() -> new Term(0.0, Y0)).hasMessageContaining("non-zero");
        assertThatThrownBy(() -> new LinearInequality(List.of(), Double.NaN)).hasMessageContaining("finite");
    }
}
