package io.exactline.preconditions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.exactline.core.BadInputException;
import io.exactline.core.io.NetworkLoader;
import io.exactline.core.network.Network;
import io.exactline.testkit.SharedData;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.pattern.DecisionPattern;
import io.exactline.verifier.pattern.Implication;
import io.exactline.verifier.pattern.NeuronState;
import io.exactline.verifier.pattern.OutputProperty;
import io.exactline.verifier.pattern.PatternNetwork;
import io.exactline.verifier.pattern.PatternRegion;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.vnnlib.VnnlibParser;

class LayerPatternProverTest {
    private static final Box SQUARE = new Box(new double[] {-1, -1}, new double[] {1, 1});
    /** Generous: proofs are not timed here, the limit only keeps a stuck proof from hanging the build. */
    private static final Duration LIMIT = Duration.ofSeconds(120);

    /** The states of a random half of layer {@code layer}'s neurons at {@code x}, every other neuron free. */
    private static DecisionPattern partialSignature(PatternNetwork net, int layer, double[] x, Random random) {
        DecisionPattern signature = net.signature(x);
        DecisionPattern p = net.unconstrained();
        for (int i = 0; i < net.layerSize(layer); i++) {
            if (random.nextBoolean()) {
                p = p.with(layer, i, signature.state(layer, i));
            }
        }
        return p;
    }

    @Test
    void provenLayerClaimsHoldAtEverySampledInputOfTheirPattern() {
        Random random = new Random(81);
        int proven = 0;
        long checked = 0;
        for (int trial = 0; trial < 30; trial++) {
            Network net = RandomNetworks.relu(random, 2, 8, 6, 3);
            PatternNetwork patterns = PatternNetwork.of(net);
            int layer = trial % 2;
            double[] seed = RandomNetworks.point(random);
            DecisionPattern phi = partialSignature(patterns, layer, seed, random);
            OutputProperty property = OutputProperty.argmax(RandomNetworks.argmax(net.evaluate(seed)), 3);
            Implication answer = new LayerPatternProver(patterns, SQUARE, layer)
                    .implies(phi, property, Deadline.after(LIMIT));
            if (!(answer instanceof Implication.Proven)) {
                continue;
            }
            proven++;
            Random sample = new Random(trial);
            for (int s = 0; s < 20_000; s++) {
                double[] x = RandomNetworks.point(sample);
                if (phi.satisfiedBy(x)) {
                    checked++;
                    assertThat(property.holdsAt(net.evaluate(x))).as("%s layer %d %s proven %s, but at %s: %s", net,
                            layer, phi.encode(), property.description(), Arrays.toString(x),
                            Arrays.toString(net.evaluate(x))).isTrue();
                }
            }
        }
        assertThat(proven).isGreaterThanOrEqualTo(5);
        assertThat(checked).isPositive();
    }

    @Test
    void aDeliberatelyWrongCandidateIsRefutedWithAConcreteInputOfItsRegion() {
        Random random = new Random(82);
        for (int trial = 0; trial < 10; trial++) {
            Network net = RandomNetworks.relu(random, 2, 8, 6, 3);
            PatternNetwork patterns = PatternNetwork.of(net);
            int layer = trial % 2;
            double[] seed = RandomNetworks.point(random);
            DecisionPattern phi = partialSignature(patterns, layer, seed, random);
            int wrong = (RandomNetworks.argmax(net.evaluate(seed)) + 1) % 3;
            OutputProperty property = OutputProperty.argmax(wrong, 3);
            Implication answer = new LayerPatternProver(patterns, SQUARE, layer)
                    .implies(phi, property, Deadline.after(LIMIT));
            String where = net + " layer " + layer + " " + phi.encode() + " seed " + Arrays.toString(seed);
            assertThat(answer).as(where).isInstanceOf(Implication.Refuted.class);
            Implication.Refuted r = (Implication.Refuted) answer;
            assertThat(new PatternRegion(phi, SQUARE).contains(r.input())).as(where + " at "
                    + Arrays.toString(r.input())).isTrue();
            assertThat(property.holdsAt(net.evaluate(r.input()))).as(where + " at " + Arrays.toString(r.input()))
                    .isFalse();
        }
    }

    @Test
    void aPatternOnAnotherLayerIsBadInput() {
        PatternNetwork patterns = PatternNetwork.of(RandomNetworks.relu(new Random(83), 2, 4, 4, 3));
        LayerPatternProver prover = new LayerPatternProver(patterns, SQUARE, 1);
        DecisionPattern layerZero = patterns.unconstrained().with(0, 1, NeuronState.ON);
        assertThatThrownBy(() -> prover.implies(layerZero, OutputProperty.argmax(0, 3), Deadline.after(LIMIT)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("outside layer 1");
    }

    /** ACAS Xu N_1,1 over property 4's input box, where the advisory is weak right (3) or strong right (4). */
    private record AcasCase(PatternNetwork net, Box box) {
        static AcasCase load() {
            Network net = NetworkLoader.load(SharedData.require("acasxu/onnx/ACASXU_run2a_1_1_batch_2000.onnx"));
            Path prop = SharedData.require("acasxu/vnnlib/prop_4.vnnlib");
            return new AcasCase(PatternNetwork.of(net), VnnlibParser.parse(prop).cases().get(0).box());
        }

        DecisionPattern lastLayer(List<Integer> on, List<Integer> off) {
            DecisionPattern p = net.unconstrained();
            for (int u : on) {
                p = p.with(5, u, NeuronState.ON);
            }
            for (int u : off) {
                p = p.with(5, u, NeuronState.OFF);
            }
            return p;
        }
    }

    @Test
    void aProvenAcasXuLastLayerPreconditionHoldsAtEverySampledInputOfItsPattern() {
        AcasCase acas = AcasCase.load();
        DecisionPattern phi = acas.lastLayer(List.of(34, 35), List.of(38, 14, 2, 46, 18));
        OutputProperty weakRight = OutputProperty.argmin(3, 5);
        Implication answer = new LayerPatternProver(acas.net(), acas.box(), 5)
                .implies(phi, weakRight, Deadline.after(Duration.ofSeconds(600)));
        assertThat(answer).isInstanceOf(Implication.Proven.class);
        Random random = new Random(84);
        int matching = 0;
        for (int s = 0; s < 200_000; s++) {
            double[] x = new double[5];
            for (int j = 0; j < 5; j++) {
                x[j] = acas.box().lower(j) + random.nextDouble() * acas.box().width(j);
            }
            if (phi.satisfiedBy(x)) {
                matching++;
                double[] y = acas.net().network().evaluate(x);
                assertThat(weakRight.holdsAt(y)).as("at %s: %s", Arrays.toString(x), Arrays.toString(y)).isTrue();
            }
        }
        assertThat(matching).isPositive();
    }

    @Test
    void aWrongAcasXuLastLayerCandidateIsRefutedWithACheckedInput() {
        AcasCase acas = AcasCase.load();
        DecisionPattern phi = acas.lastLayer(List.of(34, 46), List.of(38, 14, 2));
        OutputProperty weakRight = OutputProperty.argmin(3, 5);
        Implication answer = new LayerPatternProver(acas.net(), acas.box(), 5)
                .implies(phi, weakRight, Deadline.after(Duration.ofSeconds(600)));
        assertThat(answer).isInstanceOf(Implication.Refuted.class);
        Implication.Refuted r = (Implication.Refuted) answer;
        assertThat(new PatternRegion(phi, acas.box()).contains(r.input())).isTrue();
        assertThat(weakRight.holdsAt(acas.net().network().evaluate(r.input()))).as(Arrays.toString(r.input()))
                .isFalse();
    }
}
