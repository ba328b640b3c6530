package io.exactline.preconditions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.exactline.core.BadInputException;
import io.exactline.core.layer.Dense;
import io.exactline.core.layer.Relu;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;
import io.exactline.verifier.pattern.DecisionPattern;
import io.exactline.verifier.pattern.Implication;
import io.exactline.verifier.pattern.NeuronState;
import io.exactline.verifier.pattern.OutputProperty;
import io.exactline.verifier.pattern.PatternNetwork;
import io.exactline.verifier.pattern.PatternRegion;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.smt.JavaSmtSolver;

class LayerPreconditionMinerTest {
    private static final Box DOMAIN = new Box(new double[] {-1, -1}, new double[] {1, 1});
    /** Z3's limit: generous, since it is the independent check and the machine may be loaded. */
    private static final Duration Z3_LIMIT = Duration.ofSeconds(120);

    private static MiningSettings settings(OutputProperty property, int samples, long seed) {
        return new MiningSettings(property, DOMAIN, samples, seed, Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofSeconds(10));
    }

    @Test
    void treeCandidatesAreProvedOrRefutedAndZ3AgreesWithEveryAnswer() {
        Random random = new Random(71);
        JavaSmtSolver z3 = JavaSmtSolver.z3();
        int proven = 0;
        int refuted = 0;
        for (int trial = 0; trial < 12 && (proven == 0 || refuted == 0); trial++) {
            Network net = RandomNetworks.relu(random, 2, 8, 6, 3);
            PatternNetwork patterns = PatternNetwork.of(net);
            OutputProperty property = OutputProperty.argmax(random.nextInt(3), 3);
            int layer = random.nextInt(2);
            List<LayerPrecondition> found = new LayerPreconditionMiner(patterns, settings(property, 60, trial), layer)
                    .mine(line -> { });
            for (LayerPrecondition c : found) {
                String where = net + " layer " + layer + " " + c.pattern().encode() + " " + property.description();
                assertThat(c.layer()).isEqualTo(layer);
                assertThat(c.pattern().constrainedCount()).as(where).isEqualTo(c.pattern().constrainedCount(layer));
                PatternRegion region = new PatternRegion(c.pattern(), DOMAIN);
                Implication exact = region.impliesExactly(property, z3, Z3_LIMIT);
                if (c.validation() instanceof LayerPrecondition.Proven) {
                    proven++;
                    assertThat(exact).as(where).isInstanceOf(Implication.Proven.class);
                }
                if (c.validation() instanceof LayerPrecondition.Refuted refutation) {
                    Implication.Refuted r = refutation.counterexample();
                    refuted++;
                    assertThat(region.contains(r.input())).as(where + " at " + Arrays.toString(r.input())).isTrue();
                    assertThat(net.evaluate(r.input())).as(where).containsExactly(r.output());
                    assertThat(property.holdsAt(net.evaluate(r.input()))).as(where + " at "
                            + Arrays.toString(r.input())).isFalse();
                    assertThat(exact).as(where).isNotInstanceOf(Implication.Proven.class);
                }
            }
        }
        assertThat(proven).isPositive();
        assertThat(refuted).isPositive();
    }

    @Test
    void supportIsTheShareOfDrawnInputsSatisfyingTheCandidate() {
        Network net = RandomNetworks.relu(new Random(72), 2, 8, 6, 3);
        PatternNetwork patterns = PatternNetwork.of(net);
        int candidates = 0;
        for (int k = 0; k < 3; k++) {
            MiningSettings s = settings(OutputProperty.argmax(k, 3), 200, 5);
            List<LayerPrecondition> found = new LayerPreconditionMiner(patterns, s, 1).mine(line -> { });
            candidates += found.size();
            List<double[]> drawn = s.draw();
            for (LayerPrecondition c : found) {
                assertThat(c.support()).as(c.pattern().encode()).isEqualTo(c.pattern().support(drawn));
            }
        }
        assertThat(candidates).isPositive();
    }

    @Test
    void distillationAgreesWithTheFullNetworkOnEveryTestSample() {
        Random random = new Random(73);
        int networks = 0;
        long shortcuts = 0;
        for (int trial = 0; trial < 10; trial++) {
            Network net = RandomNetworks.relu(random, 2, 8, 6, 3);
            PatternNetwork patterns = PatternNetwork.of(net);
            int advisory = random.nextInt(3);
            List<LayerPrecondition> proven = new ArrayList<>();
            for (LayerPrecondition c : new LayerPreconditionMiner(patterns,
                    settings(OutputProperty.argmax(advisory, 3), 300, trial), 1).mine(line -> { })) {
                if (c.proven()) {
                    proven.add(c);
                }
            }
            if (proven.isEmpty()) {
                continue;
            }
            networks++;
            SelectiveDistillation distilled = new SelectiveDistillation(patterns, DOMAIN, proven, advisory,
                    RandomNetworks::argmax);
            Random test = new Random(1000 + trial);
            for (int s = 0; s < 5000; s++) {
                double[] x = RandomNetworks.point(test);
                shortcuts += distilled.takesShortcut(x) ? 1 : 0;
                assertThat(distilled.decide(x)).as("%s at %s", net, Arrays.toString(x))
                        .isEqualTo(RandomNetworks.argmax(net.evaluate(x)));
            }
        }
        assertThat(networks).isPositive();
        assertThat(shortcuts).isPositive();
    }

    @Test
    void distillationTakesNoShortcutOutsideTheDomainThePreconditionWasProvedOver() {
        Network net = RandomNetworks.relu(new Random(77), 2, 4, 3);
        PatternNetwork patterns = PatternNetwork.of(net);
        LayerPrecondition unconstrained = new LayerPrecondition(0, patterns.unconstrained(), 1.0,
                new LayerPrecondition.Proven(0.1, Duration.ofSeconds(1)));
        Box small = new Box(new double[] {0, 0}, new double[] {0.5, 0.5});
        SelectiveDistillation distilled = new SelectiveDistillation(patterns, small, List.of(unconstrained), 2,
                RandomNetworks::argmax);
        assertThat(distilled.takesShortcut(new double[] {0.25, 0.25})).isTrue();
        assertThat(distilled.decide(new double[] {0.25, 0.25})).isEqualTo(2);
        double[] outside = {-0.75, 0.9};
        assertThat(distilled.takesShortcut(outside)).isFalse();
        assertThat(distilled.decide(outside)).isEqualTo(RandomNetworks.argmax(net.evaluate(outside)));
    }

    @Test
    void aPreActivationWithinRoundingOfZeroNeverTakesTheShortcut() {
        Network net = new Network(List.of(new Dense(new double[][] {{1.0, 0.0}}, new double[] {0.0}),
                new Relu(Shape.vector(1)), new Dense(new double[][] {{1.0}, {-1.0}}, new double[] {0.0, 0.0})),
                "x0 through one ReLU");
        PatternNetwork patterns = PatternNetwork.of(net);
        LayerPrecondition on = new LayerPrecondition(0, patterns.unconstrained().with(0, 0, NeuronState.ON), 0.5,
                new LayerPrecondition.Proven(0.0, Duration.ofSeconds(1)));
        SelectiveDistillation distilled = new SelectiveDistillation(patterns, DOMAIN, List.of(on), 0,
                RandomNetworks::argmax);
        assertThat(distilled.takesShortcut(new double[] {0.5, 0.0})).isTrue();
        assertThat(distilled.takesShortcut(new double[] {1e-300, 0.0})).isFalse();
        assertThat(distilled.takesShortcut(new double[] {-0.5, 0.0})).isFalse();
    }

    @Test
    void distillationRefusesACandidateThatIsNotProven() {
        Network net = RandomNetworks.relu(new Random(74), 2, 5, 3);
        PatternNetwork patterns = PatternNetwork.of(net);
        LayerPrecondition empirical = new LayerPrecondition(0, patterns.unconstrained().with(0, 0, NeuronState.ON), 0.5, new LayerPrecondition.Empirical(10, 0, "time"));
        assertThatThrownBy(() -> new SelectiveDistillation(patterns, DOMAIN, List.of(empirical), 0,
                RandomNetworks::argmax))
                .isInstanceOf(BadInputException.class).hasMessageContaining("not a proven");
    }

    @Test
    void theReportShowsEachLayerCandidateWithItsStatusAndCounterexample() {
        PatternNetwork patterns = PatternNetwork.of(RandomNetworks.relu(new Random(76), 2, 4, 3));
        MiningSettings s = settings(OutputProperty.argmax(0, 3), 10, 1);
        DecisionPattern on = patterns.unconstrained().with(0, 1, NeuronState.ON);
        DecisionPattern off = patterns.unconstrained().with(0, 2, NeuronState.OFF);
        MiningReport report = new MiningReport("net", "digest", s, 0, 0, 0, 0, true, List.of(), Duration.ZERO)
                .withLayerPreconditions(List.of(
                        new LayerPrecondition(0, on, 0.25, new LayerPrecondition.Proven(0.5, Duration.ofSeconds(1))),
                        new LayerPrecondition(0, off, 0.5, new LayerPrecondition.Refuted(
                                new Implication.Refuted(new double[] {0.5, -0.25}, new double[] {1, 2, 3}, 0))),
                        new LayerPrecondition(0, on.with(0, 0, NeuronState.OFF), 0.125,
                                new LayerPrecondition.Empirical(7, 0, "time limit"))));

        assertThat(report.markdown()).contains("| 0 | 0 | 1 | 0.2500 | proven (margin 0.500, 1.000 s) | `*1**` |")
                .contains("| 1 | 0 | 1 | 0.5000 | refuted at input [0.5, -0.25], output [1.0, 2.0, 3.0] | `**0*` |")
                .contains("| 2 | 0 | 2 | 0.1250 | empirical (7 held-out samples, 0 violations) | `01**` |");
        assertThat(report.json()).contains("\"kind\": \"layer\"").contains("\"counterexampleInput\": [0.5, -0.25]")
                .contains("\"heldOut\": 7");
    }

    @Test
    void aLayerTheNetworkDoesNotHaveIsBadInput() {
        PatternNetwork patterns = PatternNetwork.of(RandomNetworks.relu(new Random(75), 2, 5, 3));
        assertThatThrownBy(() -> new LayerPreconditionMiner(patterns, settings(OutputProperty.argmax(0, 3), 10, 1), 1))
                .isInstanceOf(BadInputException.class).hasMessageContaining("--layer 1");
    }
}
