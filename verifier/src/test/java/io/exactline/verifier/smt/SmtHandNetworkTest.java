package io.exactline.verifier.smt;

import static io.exactline.verifier.encoding.TestNetworks.dense;
import static io.exactline.verifier.encoding.TestNetworks.network;
import static io.exactline.verifier.encoding.TestNetworks.relu;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.exactline.core.layer.HardTanh;
import io.exactline.core.layer.LeakyRelu;
import io.exactline.core.layer.Sigmoid;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;
import io.exactline.core.network.UnsupportedNetworkException;
import io.exactline.verifier.encoding.LinearExpression;
import io.exactline.verifier.encoding.NetworkRegion;
import io.exactline.verifier.encoding.OutputCondition;
import io.exactline.verifier.encoding.PartialPattern;
import io.exactline.verifier.lp.Sense;

/** Tiny networks whose answers are worked out by hand, on every JavaSMT backend. */
class SmtHandNetworkTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    /** {@code |x0 - x1| = relu(x0 - x1) + relu(x1 - x0)}. */
    private static final Network DISTANCE = network("distance",
            dense(new double[][] {{1, -1}, {-1, 1}}, 0, 0), relu(2), dense(new double[][] {{1, 1}}, 0));

    static Stream<JavaSmtSolver> backends() {
        return Stream.of(JavaSmtSolver.z3(), JavaSmtSolver.smtInterpol());
    }

    /** The atom {@code y0 >= t}, as {@code -y0 + t <= 0}. */
    private static OutputCondition atLeast(double t) {
        return OutputCondition.allOf(List.of(new LinearExpression(new double[] {-1}, t)));
    }

    /** The atom {@code y0 <= t}. */
    private static OutputCondition atMost(double t) {
        return OutputCondition.allOf(List.of(new LinearExpression(new double[] {1}, -t)));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void distanceReachesOneOnTheUnitSquareButNotMore(JavaSmtSolver solver) {
        NetworkRegion square = NetworkRegion.box(DISTANCE, new double[] {0, 0}, new double[] {1, 1});

        SmtResult reachable = solver.findInput(square, atLeast(1.0), LIMIT);
        SmtResult beyond = solver.findInput(square, atLeast(1.0 + 1e-12), LIMIT);

        assertThat(reachable).isInstanceOf(SmtResult.Sat.class);
        List<BigFraction> x = ((SmtResult.Sat) reachable).witness().exactInput();
        assertThat(x.get(0).subtract(x.get(1)).abs()).as("witness %s", x).isEqualTo(BigFraction.ONE);
        assertThat(beyond).isInstanceOf(SmtResult.Unsat.class);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void disjunctionIsSatisfiedThroughItsSecondDisjunct(JavaSmtSolver solver) {
        NetworkRegion square = NetworkRegion.box(DISTANCE, new double[] {0, 0}, new double[] {0.5, 0.5});
        OutputCondition impossibleOrSmall = new OutputCondition(List.of(
                List.of(new LinearExpression(new double[] {-1}, 0.75)),
                List.of(new LinearExpression(new double[] {1}, -0.25), new LinearExpression(new double[] {-1}, 0.2))));

        SmtResult result = solver.findInput(square, impossibleOrSmall, LIMIT);

        assertThat(result).isInstanceOf(SmtResult.Sat.class);
        List<BigFraction> x = ((SmtResult.Sat) result).witness().exactInput();
        BigFraction distance = x.get(0).subtract(x.get(1)).abs();
        assertThat(distance.subtract(BigFraction.of(1, 5)).signum()).as("distance %s", distance).isNotNegative();
        assertThat(distance.subtract(BigFraction.of(1, 4)).signum()).as("distance %s", distance).isNotPositive();
    }

    @ParameterizedTest
    @MethodSource("backends")
    void hardTanhSaturatesAtItsUpperBound(JavaSmtSolver solver) {
        Network clipped = network("clip", dense(new double[][] {{2}}, 0), HardTanh.standard(Shape.vector(1)));
        NetworkRegion line = NetworkRegion.box(clipped, new double[] {-1}, new double[] {1});

        assertThat(solver.findInput(line, atLeast(1.0), LIMIT)).isInstanceOf(SmtResult.Sat.class);
        assertThat(solver.findInput(line, atLeast(Math.nextUp(1.0)), LIMIT)).isInstanceOf(SmtResult.Unsat.class);
        assertThat(solver.findInput(line, atMost(-1.0), LIMIT)).isInstanceOf(SmtResult.Sat.class);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void leakyReluKeepsATenthOfNegativeInputs(JavaSmtSolver solver) {
        Network leaky = network("leaky", dense(new double[][] {{1}}, 0), new LeakyRelu(Shape.vector(1), 0.125));
        NetworkRegion line = NetworkRegion.box(leaky, new double[] {-1}, new double[] {1});

        assertThat(solver.findInput(line, atMost(-0.125), LIMIT)).isInstanceOf(SmtResult.Sat.class);
        assertThat(solver.findInput(line, atMost(-0.125 - 1e-9), LIMIT)).isInstanceOf(SmtResult.Unsat.class);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void contradictoryActivationPatternIsInfeasible(JavaSmtSolver solver) {
        // z0 = x - 0.5 and z1 = -x - 0.5 cannot both be >= 0; both >= 0 at x = 0 once the offsets are 0.
        Network apart = network("apart", dense(new double[][] {{1}, {-1}}, -0.5, -0.5), relu(2),
                dense(new double[][] {{1, 1}}, 0));
        Network touching = network("touching", dense(new double[][] {{1}, {-1}}, 0, 0), relu(2),
                dense(new double[][] {{1, 1}}, 0));
        PartialPattern bothActive = PartialPattern.none().fix(0, 0, 1).fix(0, 1, 1);

        SmtResult empty = solver.findInput(NetworkRegion.box(apart, new double[] {-2}, new double[] {2})
                .with(bothActive), OutputCondition.always(), LIMIT);
        SmtResult face = solver.findInput(NetworkRegion.box(touching, new double[] {-2}, new double[] {2})
                .with(bothActive), OutputCondition.always(), LIMIT);

        assertThat(empty).isInstanceOf(SmtResult.Unsat.class);
        assertThat(face).isInstanceOf(SmtResult.Sat.class);
        assertThat(((SmtResult.Sat) face).witness().exactInput()).containsExactly(BigFraction.ZERO);
    }

    @Test
    void optimaOfTheDistanceOverPatternsAreExact() {
        JavaSmtSolver z3 = JavaSmtSolver.z3();
        NetworkRegion square = NetworkRegion.box(DISTANCE, new double[] {0, 0}, new double[] {1, 0.25});
        LinearExpression y = LinearExpression.output(0, 1);

        OptimumResult max = z3.optimize(square, y, Sense.MAXIMIZE, LIMIT);
        OptimumResult min = z3.optimize(square, y, Sense.MINIMIZE, LIMIT);
        // Unit 1 (x1 - x0) active: x1 >= x0, so the distance is x1 - x0 <= 0.25.
        OptimumResult maxWhereX1Larger = z3.optimize(square.with(PartialPattern.none().fix(0, 1, 1)), y,
                Sense.MAXIMIZE, LIMIT);

        assertThat(max).isInstanceOfSatisfying(OptimumResult.Optimum.class,
                o -> assertThat(o.value()).isEqualTo(BigFraction.ONE));
        assertThat(min).isInstanceOfSatisfying(OptimumResult.Optimum.class,
                o -> assertThat(o.value()).isEqualTo(BigFraction.ZERO));
        assertThat(maxWhereX1Larger).isInstanceOfSatisfying(OptimumResult.Optimum.class,
                o -> assertThat(o.value()).isEqualTo(BigFraction.of(1, 4)));
    }

    @Test
    void optimisingAnEmptyRegionSaysInfeasible() {
        Network apart = network("apart", dense(new double[][] {{1}, {-1}}, -0.5, -0.5), relu(2),
                dense(new double[][] {{1, 1}}, 0));
        NetworkRegion region = NetworkRegion.box(apart, new double[] {-2}, new double[] {2})
                .with(PartialPattern.none().fix(0, 0, 1).fix(0, 1, 1));

        assertThat(JavaSmtSolver.z3().optimize(region, LinearExpression.output(0, 1), Sense.MINIMIZE, LIMIT))
                .isInstanceOf(OptimumResult.Infeasible.class);
    }

    @Test
    void smtInterpolDeclinesToOptimise() {
        NetworkRegion square = NetworkRegion.box(DISTANCE, new double[] {0, 0}, new double[] {1, 1});

        assertThat(JavaSmtSolver.smtInterpol().optimize(square, LinearExpression.output(0, 1), Sense.MAXIMIZE, LIMIT))
                .isInstanceOf(OptimumResult.Unknown.class);
    }

    @Test
    void smoothLayersAreRejectedNamingTheLayer() {
        Network smooth = network("smooth", dense(new double[][] {{1}}, 0), new Sigmoid(Shape.vector(1)));

        assertThatThrownBy(() -> NetworkRegion.box(smooth, new double[] {0}, new double[] {1}))
                .isInstanceOf(UnsupportedNetworkException.class)
                .hasMessageContaining("smooth layer 1")
                .hasMessageContaining("Sigmoid");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void expiredTimeLimitGivesTimeout(JavaSmtSolver solver) {
        NetworkRegion square = NetworkRegion.box(DISTANCE, new double[] {0, 0}, new double[] {1, 1});

        assertThat(solver.findInput(square, atLeast(1.0), Duration.ZERO)).isInstanceOf(SmtResult.Timeout.class);
    }
}
