package io.exactline.verifier.lp;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;

import io.exactline.core.Rationals;

class SafeBoundsTest {

    @Test
    void zeroReducedCostOnAFreeVariableKeepsTheBoundFinite() {
        // min x0 + x1  s.t.  x1 - x0 >= 0 (as x0 - x1 <= 0),  x0 in [1, 2], x1 free. With y = -1: r = (0, 2)?
        // No: r = c - A^T y = (1, 1) - (1, -1)(-1) = (2, 0), so the bound is 2 * 1 + 0 + (-1)(0) = 2.
        LinearProgram lp = LinearProgram.builder(2).bounds(0, 1, 2)
                .add(LinearConstraint.lessOrEqual(new double[] {1, -1}, 0))
                .objective(new double[] {1, 1}, 0, Sense.MINIMIZE).build();

        assertThat(SafeBounds.objectiveBound(lp, new double[] {-1})).isEqualTo(2.0);
        assertThat(SafeBounds.exactObjectiveBound(lp, new double[] {-1})).contains(BigFraction.of(2));
    }

    @Test
    void nonZeroReducedCostOnAnInfiniteBoundGivesNoBound() {
        LinearProgram lp = LinearProgram.builder(2).bounds(0, 1, 2)
                .add(LinearConstraint.lessOrEqual(new double[] {1, -1}, 0))
                .objective(new double[] {1, 1}, 0, Sense.MINIMIZE).build();

        assertThat(SafeBounds.objectiveBound(lp, new double[] {-0.5})).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(SafeBounds.exactObjectiveBound(lp, new double[] {-0.5})).isEmpty();
    }

    @Test
    void dualsOfTheWrongSignAreProjectedNotTrusted() {
        // min x  s.t.  x <= 1, x in [0, 3]: optimum 0. A positive multiplier would claim 0 - 1*(x - 1) ... >= 1.
        LinearProgram lp = LinearProgram.builder(1).bounds(0, 0, 3)
                .add(LinearConstraint.lessOrEqual(new double[] {1}, 1))
                .objective(new double[] {1}, 0, Sense.MINIMIZE).build();

        assertThat(SafeBounds.objectiveBound(lp, new double[] {1})).isEqualTo(0.0);
        assertThat(SafeBounds.exactObjectiveBound(lp, new double[] {1})).contains(BigFraction.ZERO);
    }

    @Test
    void maximisationBoundIsAnUpperBoundIncludingTheConstant() {
        // max 2x - 1  s.t.  x <= 0.75, x in [0, 1]: optimum 0.5; y = 2 gives r = 0 and bound 2 * 0.75 - 1.
        LinearProgram lp = LinearProgram.builder(1).bounds(0, 0, 1)
                .add(LinearConstraint.lessOrEqual(new double[] {1}, 0.75))
                .objective(new double[] {2}, -1, Sense.MAXIMIZE).build();

        assertThat(SafeBounds.objectiveBound(lp, new double[] {2})).isEqualTo(0.5);
        assertThat(SafeBounds.objectiveBound(lp, new double[] {0})).isEqualTo(1.0);
        assertThat(SafeBounds.exactObjectiveBound(lp, new double[] {2})).contains(BigFraction.of(1, 2));
    }

    @Test
    void roundingMakesTheDoubleBoundNoTighterThanTheExactOne() {
        // Coefficients whose products round: 0.1 and 0.3 are not dyadic.
        LinearProgram lp = LinearProgram.builder(2).bounds(new double[] {-1, -1}, new double[] {1, 1})
                .add(LinearConstraint.lessOrEqual(new double[] {0.1, 0.3}, 0.7))
                .add(LinearConstraint.greaterOrEqual(new double[] {0.3, -0.1}, -0.2))
                .objective(new double[] {0.7, 0.9}, 0.1, Sense.MINIMIZE).build();
        double[] y = {-0.123456789, -0.987654321};

        BigFraction exact = SafeBounds.exactObjectiveBound(lp, y).orElseThrow();
        double rounded = SafeBounds.objectiveBound(lp, y);

        assertThat(Rationals.compare(BigFraction.from(rounded), exact)).as("%s vs %s", rounded, exact).isNegative();
        assertThat(exact.doubleValue() - rounded).isLessThan(1e-14);
    }
}
