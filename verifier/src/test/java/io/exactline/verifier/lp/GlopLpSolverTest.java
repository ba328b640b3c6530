package io.exactline.verifier.lp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;

import io.exactline.core.Rationals;
import io.exactline.verifier.Deadline;

class GlopLpSolverTest {
    private final LpSolver solver = new GlopLpSolver();

    @Test
    void minimisationDualsAreNonPositiveSensitivities() {
        // min x + 2y  s.t.  x + y >= 1,  0 <= x, y <= 5: optimum 1 at (1, 0); raising b of -x - y <= -1 lowers it.
        LinearProgram lp = LinearProgram.builder(2).bounds(new double[] {0, 0}, new double[] {5, 5})
                .add(LinearConstraint.greaterOrEqual(new double[] {1, 1}, 1))
                .objective(new double[] {1, 2}, 0, Sense.MINIMIZE).build();

        LpResult.Optimal optimal = (LpResult.Optimal) solver.solve(lp, Deadline.after(Duration.ofSeconds(10)));

        assertThat(optimal.value()).isCloseTo(1.0, within(1e-9));
        assertThat(optimal.x()).containsExactly(new double[] {1, 0}, within(1e-9));
        assertThat(optimal.duals()).containsExactly(new double[] {-1}, within(1e-9));
        assertThat(SafeBounds.objectiveBound(lp, optimal.duals())).isLessThanOrEqualTo(1.0).isGreaterThan(1 - 1e-12);
        assertThat(SafeBounds.exactObjectiveBound(lp, optimal.duals())).contains(BigFraction.ONE);
    }

    @Test
    void maximisationDualsAreNonNegativeSensitivities() {
        // max x + y + 0.5  s.t.  x + y <= 3,  0 <= x, y <= 2: optimum 3.5.
        LinearProgram lp = LinearProgram.builder(2).bounds(new double[] {0, 0}, new double[] {2, 2})
                .add(LinearConstraint.lessOrEqual(new double[] {1, 1}, 3))
                .objective(new double[] {1, 1}, 0.5, Sense.MAXIMIZE).build();

        LpResult.Optimal optimal = (LpResult.Optimal) solver.solve(lp, Deadline.after(Duration.ofSeconds(10)));

        assertThat(optimal.value()).isCloseTo(3.5, within(1e-9));
        assertThat(optimal.duals()).containsExactly(new double[] {1}, within(1e-9));
        assertThat(SafeBounds.exactObjectiveBound(lp, optimal.duals())).contains(BigFraction.of(7, 2));
    }

    @Test
    void safeBoundOfGlopDualsIsTightAndNeverBeyondTheExactOptimum() {
        Random random = new Random(1);
        int solved = 0;
        for (int trial = 0; trial < 300; trial++) {
            LinearProgram lp = RandomLps.generate(random, 1 + random.nextInt(3), 1 + random.nextInt(4), true,
                    trial % 3 == 0);
            BigFraction exact = ExactVertexOracle.optimum(lp).orElseThrow();
            LpResult result = solver.solve(lp, Deadline.after(Duration.ofSeconds(10)));
            assertThat(result).as("%s", lp).isInstanceOf(LpResult.Optimal.class);
            LpResult.Optimal optimal = (LpResult.Optimal) result;
            double bound = SafeBounds.objectiveBound(lp, optimal.duals());
            BigFraction exactBound = SafeBounds.exactObjectiveBound(lp, optimal.duals()).orElseThrow();

            assertThat(bound).as("safe bound vs GLOP value for %s", lp).isCloseTo(optimal.value(), within(1e-6));
            assertThat(lp.violation(optimal.x())).as("violation of GLOP's point for %s", lp).isLessThan(1e-9);
            assertThat(lp.objectiveValue(optimal.x())).isCloseTo(optimal.value(), within(1e-9));
            assertThat(optimal.value()).as("GLOP value vs exact optimum of %s", lp)
                    .isCloseTo(exact.doubleValue(), within(1e-6));
            assertValidBound(lp, exact, bound, exactBound, optimal.duals());
            solved++;
        }
        assertThat(solved).isEqualTo(300);
    }

    @Test
    void perturbedDualsStillGiveValidBounds() {
        Random random = new Random(2);
        for (int trial = 0; trial < 300; trial++) {
            LinearProgram lp = RandomLps.generate(random, 1 + random.nextInt(3), 1 + random.nextInt(4), true,
                    trial % 2 == 0);
            BigFraction exact = ExactVertexOracle.optimum(lp).orElseThrow();
            double[] duals = ((LpResult.Optimal) solver.solve(lp, Deadline.after(Duration.ofSeconds(10)))).duals();
            for (int i = 0; i < duals.length; i++) {
                switch (random.nextInt(4)) {
                    case 0 -> duals[i] = -duals[i];
                    case 1 -> duals[i] += random.nextGaussian();
                    case 2 -> duals[i] = Math.nextUp(duals[i]) * (1 + 1e-9 * random.nextGaussian());
                    default -> duals[i] = 5 * random.nextGaussian();
                }
            }
            double bound = SafeBounds.objectiveBound(lp, duals);
            BigFraction exactBound = SafeBounds.exactObjectiveBound(lp, duals).orElseThrow();
            assertValidBound(lp, exact, bound, exactBound, duals);
        }
    }

    @Test
    void infeasibleProgramsComeWithACertificateThatChecksExactly() {
        Random random = new Random(3);
        int infeasible = 0;
        for (int trial = 0; trial < 400 && infeasible < 60; trial++) {
            LinearProgram lp = RandomLps.generate(random, 1 + random.nextInt(3), 2 + random.nextInt(4), false,
                    trial % 4 == 0);
            if (ExactVertexOracle.optimum(lp).isPresent()) {
                continue;
            }
            infeasible++;
            LpResult result = solver.solve(lp, Deadline.after(Duration.ofSeconds(10)));
            assertThat(result).as("%s", lp).isInstanceOf(LpResult.Infeasible.class);
            Optional<FarkasCertificate> certificate = ((LpResult.Infeasible) result).certificate();
            assertThat(certificate).as("certificate for %s", lp).isPresent();
            assertThat(certificate.get().provesInfeasible(lp)).isTrue();
            assertThat(certificate.get().provesInfeasibleExactly(lp)).isTrue();
        }
        assertThat(infeasible).isEqualTo(60);
    }

    @Test
    void noMultipliersProveAFeasibleProgramInfeasible() {
        Random random = new Random(4);
        for (int trial = 0; trial < 300; trial++) {
            LinearProgram lp = RandomLps.generate(random, 1 + random.nextInt(3), 1 + random.nextInt(4), true,
                    trial % 2 == 0);
            double[] z = new double[lp.constraintCount()];
            for (int i = 0; i < z.length; i++) {
                z[i] = random.nextGaussian();
            }
            FarkasCertificate bogus = new FarkasCertificate(z);
            assertThat(bogus.provesInfeasible(lp)).as("%s with %s", lp, bogus).isFalse();
            assertThat(bogus.provesInfeasibleExactly(lp)).as("%s with %s", lp, bogus).isFalse();
        }
    }

    @Test
    void freeVariableWithoutRowsIsUnbounded() {
        LinearProgram lp = LinearProgram.builder(1).objective(new double[] {1}, 0, Sense.MINIMIZE).build();

        assertThat(solver.solve(lp, Deadline.after(Duration.ofSeconds(10)))).isInstanceOf(LpResult.Unbounded.class);
    }

    @Test
    void noTimeLeftGivesUnknown() {
        LinearProgram lp = LinearProgram.builder(1).bounds(0, 0, 1).build();

        assertThat(solver.solve(lp, Deadline.after(Duration.ZERO))).isInstanceOf(LpResult.Unknown.class);
    }

    private static void assertValidBound(LinearProgram lp, BigFraction exact, double bound, BigFraction exactBound,
            double[] duals) {
        String where = lp + " with duals " + java.util.Arrays.toString(duals);
        int sign = lp.sense().sign();
        assertThat(sign * Rationals.compare(exactBound, exact))
                .as("exact bound %s vs exact optimum %s, %s", exactBound, exact, where).isLessThanOrEqualTo(0);
        assertThat(sign * Rationals.compare(BigFraction.from(bound), exactBound))
                .as("rounded bound %s vs exact bound %s, %s", bound, exactBound, where).isLessThanOrEqualTo(0);
    }
}
