package io.exactline.verifier.falsify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.exactline.core.io.OnnxLoader;
import io.exactline.core.layer.Dense;
import io.exactline.core.layer.Relu;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;
import io.exactline.testkit.SharedData;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.bab.BabEngine;
import io.exactline.verifier.bab.BabOptions;
import io.exactline.verifier.bab.Splitting;
import io.exactline.verifier.bounds.BoundOptions;
import io.exactline.verifier.lp.GlopLpSolver;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.property.LinearInequality;
import io.exactline.verifier.property.OutputCondition;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.property.Variable;
import io.exactline.verifier.verdict.Counterexample;
import io.exactline.verifier.verdict.Sat;
import io.exactline.verifier.verdict.Verdict;
import io.exactline.verifier.vnnlib.VnnlibParser;

/**
 * Region descent reaches counterexample regions narrower than any gradient step: a dip of depth 1e-6 whose
 * unsafe set is a diamond of radius 1e-6, and the three ACAS Xu instances that sampling and descents missed.
 */
class RegionSearchTest {
    private static final Deadline GENEROUS = Deadline.after(Duration.ofMinutes(5));
    private static final double[] DIP = {0.3172, -0.4251};
    private static final double DEPTH = 1e-6;

    /**
     * {@code f(x) = |x0 - 0.3172| + |x1 + 0.4251| - depth} on two inputs (each absolute value as two ReLUs):
     * negative exactly on the diamond of radius {@code depth} around the dip.
     */
    private static Network dip(double depth) {
        return new Network(List.of(
                new Dense(new double[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}},
                        new double[] {-DIP[0], DIP[0], -DIP[1], DIP[1]}),
                new Relu(Shape.vector(4)),
                new Dense(new double[][] {{1, 1, 1, 1}}, new double[] {-depth})), "dip of depth " + depth);
    }

    private static Property belowZero() {
        return Property.of("f <= 0", new Box(new double[] {-1, -1}, new double[] {1, 1}), 1,
                OutputCondition.of(LinearInequality.atMost(Variable.output(0), 0.0)));
    }

    private static RegionSearch search(Network network, long seed) {
        return new RegionSearch(network, RegionDescent.of(network, new GlopLpSolver()).orElseThrow(), seed);
    }

    @Test
    void findsADipThatSamplingAndGradientDescentMiss() {
        Network net = dip(DEPTH);
        Property p = belowZero();

        Verdict gradient = GradientFalsifier.standard().verify(net, p, GENEROUS);
        Optional<Counterexample> found = search(net, 1L).search(p, GENEROUS, () -> false, new long[1]);

        assertThat(gradient.status()).as("the old falsifier: %s", gradient).isEqualTo("unknown");
        assertThat(found).isPresent();
        double[] x = found.get().input();
        double[] y = net.evaluate(x);
        assertThat(y[0]).as("f at %s, re-evaluated", found.get()).isLessThanOrEqualTo(0.0);
        assertThat(Math.abs(x[0] - DIP[0]) + Math.abs(x[1] - DIP[1])).as("inside the diamond: %s", found.get())
                .isLessThanOrEqualTo(DEPTH);
    }

    @Test
    void aSafeDipIsSearchedUntilCancelledAndNeverReported() {
        Network net = dip(-DEPTH);
        AtomicInteger asked = new AtomicInteger();
        long[] evaluated = new long[1];

        Optional<Counterexample> found = search(net, 1L).search(belowZero(), GENEROUS,
                () -> asked.incrementAndGet() > 200, evaluated);

        assertThat(found).isEmpty();
        assertThat(evaluated[0]).as("samples and regions before cancelling").isGreaterThan(RegionSearch.FIRST_SAMPLES);
    }

    @Test
    void branchAndBoundWithAHunterAnswersSatWithAReEvaluatedCounterexample() {
        Network net = dip(DEPTH);
        BabOptions options = new BabOptions(Splitting.INPUT, BoundOptions.FORWARD_BACKWARD, 1, 0, 1_000_000, 1,
                Optional.of(Duration.ZERO));

        Verdict v = new BabEngine(options).verify(net, belowZero(), GENEROUS);

        assertThat(v).as("%s", v).isInstanceOf(Sat.class);
        double[] x = ((Sat) v).counterexample().input();
        assertThat(net.evaluate(x)[0]).as("f at %s", ((Sat) v).counterexample()).isLessThanOrEqualTo(0.0);
    }

    @Test
    void findsTheAcasXuCounterexamplesThatSamplingMissed() {
        for (String[] instance : new String[][] {{"1_5", "prop_2"}, {"5_3", "prop_2"}, {"1_9", "prop_7"}}) {
            Network net = OnnxLoader.load(SharedData.require("acasxu/onnx/ACASXU_run2a_" + instance[0]
                    + "_batch_2000.onnx"));
            Property p = VnnlibParser.parse(SharedData.require("acasxu/vnnlib/" + instance[1] + ".vnnlib"));

            Optional<Counterexample> found = search(net, 1L).search(p, GENEROUS, () -> false, new long[1]);

            assertThat(found).as("%s %s", instance[0], instance[1]).isPresent();
            assertThat(p.match(found.get().input(), net.evaluate(found.get().input())))
                    .as("%s %s re-evaluated at %s", instance[0], instance[1], found.get()).isPresent();
        }
    }
}
