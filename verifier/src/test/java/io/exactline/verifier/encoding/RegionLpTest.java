package io.exactline.verifier.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import java.util.Random;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;

import io.exactline.core.Rationals;
import io.exactline.core.layer.HardTanh;
import io.exactline.core.layer.LeakyRelu;
import io.exactline.core.line.ActivationPattern;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;
import io.exactline.verifier.bounds.PartialPattern;
import io.exactline.verifier.lp.FarkasCertificate;
import io.exactline.verifier.lp.GlopLpSolver;
import io.exactline.verifier.lp.LpResult;
import io.exactline.verifier.lp.SafeBounds;
import io.exactline.verifier.lp.Sense;
import io.exactline.verifier.smt.JavaSmtSolver;
import io.exactline.verifier.smt.OptimumResult;

/** The LP of a region against Z3's exact optima over the same region. */
class RegionLpTest {
    private final GlopLpSolver glop = new GlopLpSolver();
    private final JavaSmtSolver z3 = JavaSmtSolver.z3();

    @Test
    void fixedPatternLpIsExactAndItsSafeBoundMatchesZ3() {
        Random random = new Random(41);
        for (int trial = 0; trial < 8; trial++) {
            boolean leaky = trial % 2 == 0;
            Network net = TestNetworks.random(random, n -> leaky ? new LeakyRelu(Shape.vector(n), 0.1)
                    : HardTanh.standard(Shape.vector(n)), 3, 6, 5, 2);
            double[] center = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            NetworkRegion region = box(net, center, 0.5).with(PartialPattern.of(ActivationPattern.at(net, center)));
            LinearObjective margin = LinearObjective.overOutputs(new double[] {1, -1}, 0.25);
            Sense sense = trial < 4 ? Sense.MINIMIZE : Sense.MAXIMIZE;

            RegionLp lp = RegionLp.of(region, margin, sense);
            LpResult.Optimal optimal = (LpResult.Optimal) glop.solve(lp.program(), TestConditions.deadline());
            BigFraction bound = SafeBounds.exactObjectiveBound(lp.program(), optimal.duals()).orElseThrow();
            OptimumResult.Optimum exact = (OptimumResult.Optimum) z3.optimize(region, margin, sense, TestConditions.deadline());

            assertThat(lp.exact()).isTrue();
            assertThat(optimal.value()).as("GLOP vs Z3 on %s", region).isCloseTo(exact.value().doubleValue(), within(1e-7));
            assertThat(sense == Sense.MINIMIZE ? Rationals.compare(bound, exact.value())
                    : Rationals.compare(exact.value(), bound)).as("safe bound %s vs optimum %s", bound.doubleValue(),
                    exact.value().doubleValue()).isNotPositive();
            assertThat(net.evaluate(clamp(lp.input(optimal.x()), region))[0]
                    - net.evaluate(clamp(lp.input(optimal.x()), region))[1] + 0.25)
                    .isCloseTo(optimal.value(), within(1e-6));
        }
    }

    @Test
    void relaxationBoundsTheExactOptimumFromTheSafeSide() {
        Random random = new Random(42);
        for (int trial = 0; trial < 4; trial++) {
            Network net = TestNetworks.randomRelu(random, 2, 6, 6, 2);
            NetworkRegion region = box(net, new double[] {random.nextGaussian(), random.nextGaussian()}, 1.0);
            LinearObjective y0 = LinearObjective.output(0);

            RegionLp lp = RegionLp.of(region, y0, Sense.MINIMIZE);
            LpResult.Optimal relaxed = (LpResult.Optimal) glop.solve(lp.program(), TestConditions.deadline());
            double bound = SafeBounds.objectiveBound(lp.program(), relaxed.duals());
            OptimumResult.Optimum exact = (OptimumResult.Optimum) z3.optimize(region, y0, Sense.MINIMIZE, TestConditions.deadline());

            assertThat(Rationals.compare(BigFraction.from(bound), exact.value()))
                    .as("relaxed bound %s vs exact minimum %s", bound, exact.value().doubleValue()).isNotPositive();
            assertThat(bound).isCloseTo(relaxed.value(), within(1e-6));
        }
    }

    @Test
    void contradictoryPatternGivesAnExactFarkasCertificate() {
        // z0 = x - 0.5 and z1 = -x - 0.5 cannot both be active.
        Network apart = TestNetworks.network("apart", TestNetworks.dense(new double[][] {{1}, {-1}}, -0.5, -0.5),
                TestNetworks.relu(2), TestNetworks.dense(new double[][] {{1, 1}}, 0));
        NetworkRegion region = NetworkRegion.box(apart, TestConditions.box(new double[] {-2}, new double[] {2}))
                .with(PartialPattern.free(2).with(0, 0, 1).with(0, 1, 1));

        RegionLp lp = RegionLp.of(region, LinearObjective.output(0), Sense.MINIMIZE);
        LpResult result = glop.solve(lp.program(), TestConditions.deadline());

        assertThat(result).isInstanceOf(LpResult.Infeasible.class);
        Optional<FarkasCertificate> certificate = ((LpResult.Infeasible) result).certificate();
        assertThat(certificate).isPresent();
        assertThat(certificate.get().provesInfeasibleExactly(lp.program())).isTrue();
    }

    private static NetworkRegion box(Network net, double[] center, double radius) {
        double[] lower = new double[center.length];
        double[] upper = new double[center.length];
        for (int j = 0; j < center.length; j++) {
            lower[j] = center[j] - radius;
            upper[j] = center[j] + radius;
        }
        return NetworkRegion.box(net, TestConditions.box(lower, upper));
    }

    private static double[] clamp(double[] x, NetworkRegion region) {
        double[] lower = region.box().lower();
        double[] upper = region.box().upper();
        double[] y = x.clone();
        for (int j = 0; j < y.length; j++) {
            y[j] = Math.min(upper[j], Math.max(lower[j], y[j]));
        }
        return y;
    }
}
