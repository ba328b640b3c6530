package io.exactline.preconditions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.exactline.core.network.Network;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.pattern.DecisionPattern;
import io.exactline.verifier.pattern.Implication;
import io.exactline.verifier.pattern.NeuronState;
import io.exactline.verifier.pattern.OutputProperty;
import io.exactline.verifier.pattern.PatternNetwork;
import io.exactline.verifier.pattern.PatternRegion;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.smt.JavaSmtSolver;

class PatternBranchAndBoundTest {
    private static final Box DOMAIN = new Box(new double[] {-1, -1}, new double[] {1, 1});
    private static final Duration LIMIT = Duration.ofSeconds(5);
    /** Z3's limit: generous, since it is the independent check and the machine may be loaded. */
    private static final Duration Z3_LIMIT = Duration.ofSeconds(120);

    /** A random pattern: each neuron of the seed's signature kept with probability {@code keep}, else freed. */
    private static DecisionPattern randomPattern(PatternNetwork net, double[] seed, double keep, Random random) {
        DecisionPattern p = net.signature(seed);
        for (int k = 0; k < net.layerCount(); k++) {
            for (int i = 0; i < net.layerSize(k); i++) {
                if (random.nextDouble() >= keep) {
                    p = p.free(k, i);
                }
            }
        }
        return p;
    }

    @Test
    void answersAgreeWithZ3OnOpenAndClosedPatterns() {
        Random random = new Random(51);
        JavaSmtSolver z3 = JavaSmtSolver.z3();
        int proven = 0;
        int refuted = 0;
        for (int trial = 0; trial < 25; trial++) {
            Network net = RandomNetworks.relu(random, 2, 6, 5, 3);
            PatternNetwork patterns = PatternNetwork.of(net);
            double[] seed = RandomNetworks.point(random);
            DecisionPattern pattern = randomPattern(patterns, seed, 0.6, random);
            OutputProperty property = OutputProperty.argmax(random.nextInt(3), 3);
            String where = net + " pattern " + pattern.encode() + " " + property.description();

            Implication bab = new PatternBranchAndBound(patterns, DOMAIN).implies(pattern, property,
                    Deadline.after(LIMIT));
            Implication exact = new PatternRegion(pattern, DOMAIN).impliesExactly(property, z3, Z3_LIMIT);

            if (bab instanceof Implication.Proven p) {
                proven++;
                assertThat(p.method()).isEqualTo(Implication.Method.BRANCH_AND_BOUND);
                assertThat(exact).as(where).isInstanceOf(Implication.Proven.class);
                assertThat(p.margin()).as(where).isLessThanOrEqualTo(((Implication.Proven) exact).margin() + 1e-9);
            }
            if (bab instanceof Implication.Refuted r) {
                refuted++;
                assertThat(new PatternRegion(pattern, DOMAIN).contains(r.input())).as(where).isTrue();
                assertThat(property.holdsAt(net.evaluate(r.input()))).as(where).isFalse();
            }
            if (exact instanceof Implication.Refuted) {
                assertThat(bab).as(where).isNotInstanceOf(Implication.Proven.class);
            }
        }
        assertThat(proven).isPositive();
        assertThat(refuted).isPositive();
    }

    @Test
    void theUnderApproximationBoxAroundTheSeedLiesInsideThePattern() {
        Random random = new Random(52);
        int boxes = 0;
        for (int trial = 0; trial < 20; trial++) {
            Network net = RandomNetworks.relu(random, 2, 8, 6, 3);
            PatternNetwork patterns = PatternNetwork.of(net);
            double[] seed = RandomNetworks.point(random);
            DecisionPattern pattern = randomPattern(patterns, seed, 0.3, random);
            PatternBranchAndBound prover = new PatternBranchAndBound(patterns, DOMAIN);
            var box = prover.boxAround(pattern, seed);
            if (box.isEmpty()) {
                continue;
            }
            boxes++;
            PatternRegion region = new PatternRegion(pattern, DOMAIN);
            assertThat(box.get().contains(seed)).isTrue();
            for (int s = 0; s < 200; s++) {
                double[] x = new double[2];
                for (int j = 0; j < 2; j++) {
                    x[j] = box.get().lower(j) + random.nextDouble() * (box.get().upper(j) - box.get().lower(j));
                }
                assertThat(region.contains(x)).as("%s box %s at %s", pattern.encode(), box.get(),
                        Arrays.toString(x)).isTrue();
            }
        }
        assertThat(boxes).isGreaterThan(10);
    }

    @Test
    void aPatternWithNoConstrainedNeuronIsProvedOnlyWhenThePropertyHoldsEverywhere() {
        Network net = RandomNetworks.relu(new Random(53), 2, 5, 3);
        PatternNetwork patterns = PatternNetwork.of(net);
        DecisionPattern none = patterns.unconstrained();
        assertThat(none.state(0, 0)).isEqualTo(NeuronState.FREE);
        PatternBranchAndBound prover = new PatternBranchAndBound(patterns, DOMAIN);
        for (int k = 0; k < 3; k++) {
            OutputProperty property = OutputProperty.argmax(k, 3);
            boolean everywhere = true;
            Random random = new Random(54);
            for (int s = 0; s < 20000 && everywhere; s++) {
                everywhere = property.holdsAt(net.evaluate(RandomNetworks.point(random)));
            }
            Implication answer = prover.implies(none, property, Deadline.after(LIMIT));
            if (!everywhere) {
                assertThat(answer).as(property.description()).isNotInstanceOf(Implication.Proven.class);
            } else {
                assertThat(answer).as(property.description()).isNotInstanceOf(Implication.Refuted.class);
            }
        }
    }
}
