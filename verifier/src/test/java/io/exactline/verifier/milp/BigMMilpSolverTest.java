package io.exactline.verifier.milp;

import static io.exactline.verifier.encoding.TestConditions.box;
import static io.exactline.verifier.encoding.TestConditions.deadline;
import static io.exactline.verifier.encoding.TestConditions.marginAtLeast;
import static io.exactline.verifier.encoding.TestConditions.outputAtLeast;
import static io.exactline.verifier.encoding.TestNetworks.dense;
import static io.exactline.verifier.encoding.TestNetworks.network;
import static io.exactline.verifier.encoding.TestNetworks.relu;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

import io.exactline.core.layer.HardTanh;
import io.exactline.core.layer.Layer;
import io.exactline.core.layer.LeakyRelu;
import io.exactline.core.layer.Relu;
import io.exactline.core.line.ActivationPattern;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;
import io.exactline.verifier.bounds.PartialPattern;
import io.exactline.verifier.encoding.LinearObjective;
import io.exactline.verifier.encoding.NetworkRegion;
import io.exactline.verifier.encoding.PreActivationBounds;
import io.exactline.verifier.encoding.TestNetworks;
import io.exactline.verifier.lp.Sense;
import io.exactline.verifier.property.Conjunction;
import io.exactline.verifier.property.LinearInequality;
import io.exactline.verifier.property.OutputCondition;
import io.exactline.verifier.property.Variable;
import io.exactline.verifier.smt.JavaSmtSolver;
import io.exactline.verifier.smt.OptimumResult;
import io.exactline.verifier.smt.SmtResult;

/** The big-M MILP against Z3's exact answers. */
class BigMMilpSolverTest {
    private final BigMMilpSolver milp = new BigMMilpSolver();
    private final JavaSmtSolver z3 = JavaSmtSolver.z3();

    private static final Network DISTANCE = network("distance",
            dense(new double[][] {{1, -1}, {-1, 1}}, 0, 0), relu(2), dense(new double[][] {{1, 1}}, 0));

    @Test
    void distanceOnTheUnitSquareHasMaximumOne() {
        NetworkRegion square = NetworkRegion.box(DISTANCE, box(new double[] {0, 0}, new double[] {1, 1}));

        MilpOptimum max = milp.optimize(square, LinearObjective.output(0), Sense.MAXIMIZE, deadline());
        MilpResult beyond = milp.findInput(square, outputAtLeast(0, 1.5), deadline());

        assertThat(max).isInstanceOfSatisfying(MilpOptimum.Optimal.class, o -> {
            assertThat(o.value()).isCloseTo(1.0, within(1e-6));
            assertThat(DISTANCE.evaluate(o.input())[0]).isCloseTo(1.0, within(1e-6));
        });
        assertThat(beyond).isInstanceOf(MilpResult.Infeasible.class);
    }

    @Test
    void disjunctionIsSatisfiedThroughItsSecondDisjunct() {
        NetworkRegion square = NetworkRegion.box(DISTANCE, box(new double[] {0, 0}, new double[] {0.5, 0.5}));
        Variable y = Variable.output(0);
        OutputCondition impossibleOrSmall = OutputCondition.anyOf(
                Conjunction.of(LinearInequality.atLeast(y, 0.75)),
                Conjunction.of(LinearInequality.atMost(y, 0.25), LinearInequality.atLeast(y, 0.2)));

        MilpResult result = milp.findInput(square, impossibleOrSmall, deadline());

        assertThat(result).isInstanceOfSatisfying(MilpResult.Feasible.class,
                f -> assertThat(DISTANCE.evaluate(f.input())[0]).isBetween(0.2 - 1e-6, 0.25 + 1e-6));
    }

    @Test
    void optimaAgreeWithZ3OnRandomNetworksOfEveryActivation() {
        Random random = new Random(51);
        List<IntFunction<Layer>> activations = List.of(n -> new Relu(Shape.vector(n)),
                n -> new LeakyRelu(Shape.vector(n), 0.2), n -> new LeakyRelu(Shape.vector(n), -0.5),
                n -> HardTanh.standard(Shape.vector(n)));
        for (int trial = 0; trial < 4; trial++) {
            Network net = TestNetworks.random(random, activations.get(trial), 2, 5, 5, 2);
            NetworkRegion region = NetworkRegion.box(net, box(new double[] {-1, -1}, new double[] {1, 1}));
            LinearObjective margin = LinearObjective.difference(0, 1);
            Sense sense = trial % 2 == 0 ? Sense.MAXIMIZE : Sense.MINIMIZE;

            MilpOptimum approximate = milp.optimize(region, margin, sense, deadline());
            OptimumResult exact = z3.optimize(region, margin, sense, deadline());

            assertThat(exact).isInstanceOf(OptimumResult.Optimum.class);
            double truth = ((OptimumResult.Optimum) exact).value().doubleValue();
            assertThat(approximate).as("%s on %s", sense, net).isInstanceOfSatisfying(MilpOptimum.Optimal.class,
                    o -> assertThat(o.value()).as("MILP vs Z3, %s", net).isCloseTo(truth, within(1e-6)));
        }
    }

    @Test
    void feasibilityAgreesWithZ3AwayFromTheBoundary() {
        Random random = new Random(52);
        for (int trial = 0; trial < 4; trial++) {
            Network net = TestNetworks.randomRelu(random, 3, 6, 4, 2);
            NetworkRegion region = NetworkRegion.box(net, box(new double[] {-1, -1, -1}, new double[] {1, 1, 1}));
            double max = ((OptimumResult.Optimum) z3.optimize(region, LinearObjective.difference(0, 1),
                    Sense.MAXIMIZE, deadline())).value().doubleValue();
            for (double t : new double[] {max - 0.05, max + 0.05}) {
                OutputCondition reach = marginAtLeast(0, 1, t);

                MilpResult approximate = milp.findInput(region, reach, deadline());
                SmtResult exact = z3.findInput(region, reach, deadline());

                if (exact instanceof SmtResult.Sat) {
                    assertThat(approximate).as("t=%s on %s", t, net).isInstanceOfSatisfying(MilpResult.Feasible.class,
                            f -> assertThat(net.evaluate(f.input())[0] - net.evaluate(f.input())[1])
                                    .isGreaterThan(t - 1e-6));
                } else {
                    assertThat(exact).isInstanceOf(SmtResult.Unsat.class);
                    assertThat(approximate).as("t=%s on %s", t, net).isInstanceOf(MilpResult.Infeasible.class);
                }
            }
        }
    }

    @Test
    void fixedPatternsGiveTheSameOptimaAsZ3() {
        Random random = new Random(53);
        for (int trial = 0; trial < 6; trial++) {
            Network net = TestNetworks.randomRelu(random, 2, 6, 6, 2);
            double[] point = {random.nextDouble() * 2 - 1, random.nextDouble() * 2 - 1};
            PartialPattern firstLayer = PartialPattern.free(6, 6);
            ActivationPattern at = ActivationPattern.at(net, point);
            for (int i = 0; i < 6; i++) {
                firstLayer = firstLayer.with(0, i, at.state(0, i));
            }
            NetworkRegion region = NetworkRegion.box(net, box(new double[] {-1, -1}, new double[] {1, 1}))
                    .with(firstLayer);
            LinearObjective y0 = LinearObjective.output(0);

            MilpOptimum approximate = milp.optimize(region, y0, Sense.MAXIMIZE, deadline());
            double truth = ((OptimumResult.Optimum) z3.optimize(region, y0, Sense.MAXIMIZE, deadline())).value().doubleValue();

            assertThat(approximate).isInstanceOfSatisfying(MilpOptimum.Optimal.class,
                    o -> assertThat(o.value()).as("MILP vs Z3 with %s", region).isCloseTo(truth, within(1e-6)));
        }
    }

    @Test
    void boundsThatAreTooTightCutOffTheOptimum() {
        NetworkRegion square = NetworkRegion.box(DISTANCE, box(new double[] {0, 0}, new double[] {1, 1}));
        // The pre-activations x0 - x1 and x1 - x0 really range over [-1, 1]; claiming [-1, 0.5] is wrong.
        PreActivationBounds wrong = new PreActivationBounds(List.of(new double[] {-1, -1}),
                List.of(new double[] {0.5, 0.5}));

        MilpOptimum max = milp.optimize(square, wrong, LinearObjective.output(0), Sense.MAXIMIZE, deadline());

        assertThat(max).isInstanceOfSatisfying(MilpOptimum.Optimal.class,
                o -> assertThat(o.value()).isCloseTo(0.5, within(1e-6)));
    }
}
