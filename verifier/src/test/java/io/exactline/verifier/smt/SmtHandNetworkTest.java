package io.exactline.verifier.smt;

import static io.exactline.verifier.encoding.TestConditions.always;
import static io.exactline.verifier.encoding.TestConditions.box;
import static io.exactline.verifier.encoding.TestConditions.deadline;
import static io.exactline.verifier.encoding.TestConditions.outputAtLeast;
import static io.exactline.verifier.encoding.TestConditions.outputAtMost;
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
import io.exactline.verifier.Deadline;
import io.exactline.verifier.bounds.PartialPattern;
import io.exactline.verifier.encoding.LinearObjective;
import io.exactline.verifier.encoding.NetworkRegion;
import io.exactline.verifier.encoding.PiecewiseAffineNetwork;
import io.exactline.verifier.lp.Sense;
import io.exactline.verifier.property.Conjunction;
import io.exactline.verifier.property.LinearInequality;
import io.exactline.verifier.property.OutputCondition;
import io.exactline.verifier.property.Term;
import io.exactline.verifier.property.Variable;

/** Tiny networks whose answers are worked out by hand, on every JavaSMT backend. */
class SmtHandNetworkTest {

    /** {@code |x0 - x1| = relu(x0 - x1) + relu(x1 - x0)}. */
    private static final Network DISTANCE = network("distance",
            dense(new double[][] {{1, -1}, {-1, 1}}, 0, 0), relu(2), dense(new double[][] {{1, 1}}, 0));

    static Stream<JavaSmtSolver> backends() {
        return Stream.of(JavaSmtSolver.z3(), JavaSmtSolver.smtInterpol());
    }

    private static NetworkRegion square(double side) {
        return NetworkRegion.box(DISTANCE, box(new double[] {0, 0}, new double[] {side, side}));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void distanceReachesOneOnTheUnitSquareButNotMore(JavaSmtSolver solver) {
        SmtResult reachable = solver.findInput(square(1), outputAtLeast(0, 1.0), deadline());
        SmtResult beyond = solver.findInput(square(1), outputAtLeast(0, 1.0 + 1e-12), deadline());

        assertThat(reachable).isInstanceOf(SmtResult.Sat.class);
        List<BigFraction> x = ((SmtResult.Sat) reachable).witness().exactInput();
        assertThat(x.get(0).subtract(x.get(1)).abs()).as("witness %s", x).isEqualTo(BigFraction.ONE);
        assertThat(beyond).isInstanceOf(SmtResult.Unsat.class);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void disjunctionIsSatisfiedThroughItsSecondDisjunct(JavaSmtSolver solver) {
        Variable y = Variable.output(0);
        OutputCondition impossibleOrSmall = OutputCondition.anyOf(
                Conjunction.of(LinearInequality.atLeast(y, 0.75)),
                Conjunction.of(LinearInequality.atMost(y, 0.25), LinearInequality.atLeast(y, 0.2)));

        SmtResult result = solver.findInput(square(0.5), impossibleOrSmall, deadline());

        assertThat(result).isInstanceOf(SmtResult.Sat.class);
        List<BigFraction> x = ((SmtResult.Sat) result).witness().exactInput();
        BigFraction distance = x.get(0).subtract(x.get(1)).abs();
        assertThat(distance.subtract(BigFraction.of(1, 5)).signum()).as("distance %s", distance).isNotNegative();
        assertThat(distance.subtract(BigFraction.of(1, 4)).signum()).as("distance %s", distance).isNotPositive();
    }

    @ParameterizedTest
    @MethodSource("backends")
    void conditionsAndInputConstraintsMayReadInputs(JavaSmtSolver solver) {
        // Within x0 + x1 <= 0.5 on the unit square, ask for |x0 - x1| >= 0.5 together with x0 >= 0.25: only
        // (0.5, 0) has distance 0.5 there, and it has x0 = 0.5.
        Conjunction corner = Conjunction.of(new LinearInequality(
                List.of(new Term(1.0, Variable.input(0)), new Term(1.0, Variable.input(1))), -0.5));
        PiecewiseAffineNetwork distance = PiecewiseAffineNetwork.of(DISTANCE);
        NetworkRegion region = new NetworkRegion(distance, box(new double[] {0, 0}, new double[] {1, 1}), corner,
                distance.freePattern());
        OutputCondition farAndRight = OutputCondition.of(LinearInequality.atLeast(Variable.output(0), 0.5),
                LinearInequality.atLeast(Variable.input(0), 0.25));

        SmtResult result = solver.findInput(region, farAndRight, deadline());
        SmtResult tooFar = solver.findInput(region, outputAtLeast(0, 0.5 + 1e-9), deadline());

        assertThat(result).isInstanceOf(SmtResult.Sat.class);
        assertThat(((SmtResult.Sat) result).witness().exactInput())
                .containsExactly(BigFraction.of(1, 2), BigFraction.ZERO);
        assertThat(tooFar).isInstanceOf(SmtResult.Unsat.class);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void hardTanhSaturatesAtItsUpperBound(JavaSmtSolver solver) {
        Network clipped = network("clip", dense(new double[][] {{2}}, 0), HardTanh.standard(Shape.vector(1)));
        NetworkRegion line = NetworkRegion.box(clipped, box(new double[] {-1}, new double[] {1}));

        assertThat(solver.findInput(line, outputAtLeast(0, 1.0), deadline())).isInstanceOf(SmtResult.Sat.class);
        assertThat(solver.findInput(line, outputAtLeast(0, Math.nextUp(1.0)), deadline()))
                .isInstanceOf(SmtResult.Unsat.class);
        assertThat(solver.findInput(line, outputAtMost(0, -1.0), deadline())).isInstanceOf(SmtResult.Sat.class);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void leakyReluKeepsAnEighthOfNegativeInputs(JavaSmtSolver solver) {
        Network leaky = network("leaky", dense(new double[][] {{1}}, 0), new LeakyRelu(Shape.vector(1), 0.125));
        NetworkRegion line = NetworkRegion.box(leaky, box(new double[] {-1}, new double[] {1}));

        assertThat(solver.findInput(line, outputAtMost(0, -0.125), deadline())).isInstanceOf(SmtResult.Sat.class);
        assertThat(solver.findInput(line, outputAtMost(0, -0.125 - 1e-9), deadline()))
                .isInstanceOf(SmtResult.Unsat.class);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void contradictoryActivationPatternIsInfeasible(JavaSmtSolver solver) {
        // z0 = x - 0.5 and z1 = -x - 0.5 cannot both be >= 0; both >= 0 at x = 0 once the offsets are 0.
        Network apart = network("apart", dense(new double[][] {{1}, {-1}}, -0.5, -0.5), relu(2),
                dense(new double[][] {{1, 1}}, 0));
        Network touching = network("touching", dense(new double[][] {{1}, {-1}}, 0, 0), relu(2),
                dense(new double[][] {{1, 1}}, 0));
        PartialPattern bothActive = PartialPattern.free(2).with(0, 0, 1).with(0, 1, 1);

        SmtResult empty = solver.findInput(NetworkRegion.box(apart, box(new double[] {-2}, new double[] {2}))
                .with(bothActive), always(), deadline());
        SmtResult face = solver.findInput(NetworkRegion.box(touching, box(new double[] {-2}, new double[] {2}))
                .with(bothActive), always(), deadline());

        assertThat(empty).isInstanceOf(SmtResult.Unsat.class);
        assertThat(face).isInstanceOf(SmtResult.Sat.class);
        assertThat(((SmtResult.Sat) face).witness().exactInput()).containsExactly(BigFraction.ZERO);
    }

    @Test
    void optimaOfTheDistanceOverPatternsAreExact() {
        JavaSmtSolver z3 = JavaSmtSolver.z3();
        NetworkRegion region = NetworkRegion.box(DISTANCE, box(new double[] {0, 0}, new double[] {1, 0.25}));
        LinearObjective y = LinearObjective.output(0);

        OptimumResult max = z3.optimize(region, y, Sense.MAXIMIZE, deadline());
        OptimumResult min = z3.optimize(region, y, Sense.MINIMIZE, deadline());
        // Unit 1 (x1 - x0) active: x1 >= x0, so the distance is x1 - x0 <= 0.25.
        OptimumResult maxWhereX1Larger = z3.optimize(region.with(PartialPattern.free(2).with(0, 1, 1)), y,
                Sense.MAXIMIZE, deadline());

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
        NetworkRegion region = NetworkRegion.box(apart, box(new double[] {-2}, new double[] {2}))
                .with(PartialPattern.free(2).with(0, 0, 1).with(0, 1, 1));

        assertThat(JavaSmtSolver.z3().optimize(region, LinearObjective.output(0), Sense.MINIMIZE, deadline()))
                .isInstanceOf(OptimumResult.Infeasible.class);
    }

    @Test
    void smtInterpolDeclinesToOptimise() {
        assertThat(JavaSmtSolver.smtInterpol().optimize(square(1), LinearObjective.output(0), Sense.MAXIMIZE,
                deadline())).isInstanceOf(OptimumResult.Unknown.class);
    }

    @Test
    void smoothLayersAreRejectedNamingTheLayer() {
        Network smooth = network("smooth", dense(new double[][] {{1}}, 0), new Sigmoid(Shape.vector(1)));

        assertThatThrownBy(() -> NetworkRegion.box(smooth, box(new double[] {0}, new double[] {1})))
                .isInstanceOf(UnsupportedNetworkException.class)
                .hasMessageContaining("smooth layer 1")
                .hasMessageContaining("Sigmoid");
    }

    @Test
    void interruptedCallerGetsUnknownAndKeepsItsInterruptFlag() {
        Thread.currentThread().interrupt();

        SmtResult result = JavaSmtSolver.z3().findInput(square(1), outputAtLeast(0, 1.0), deadline());
        boolean stillInterrupted = Thread.interrupted();

        assertThat(result).isInstanceOf(SmtResult.Unknown.class);
        assertThat(stillInterrupted).isTrue();
    }

    @ParameterizedTest
    @MethodSource("backends")
    void passedDeadlineGivesTimeout(JavaSmtSolver solver) {
        assertThat(solver.findInput(square(1), outputAtLeast(0, 1.0), Deadline.after(Duration.ZERO)))
                .isInstanceOf(SmtResult.Timeout.class);
    }
}
