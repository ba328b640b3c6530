package io.exactline.verifier.pattern;

import static io.exactline.verifier.encoding.TestNetworks.dense;
import static io.exactline.verifier.encoding.TestNetworks.network;
import static io.exactline.verifier.encoding.TestNetworks.relu;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.exactline.core.Vectors;
import io.exactline.core.network.Network;
import io.exactline.verifier.encoding.LinearObjective;
import io.exactline.verifier.encoding.TestNetworks;
import io.exactline.verifier.lp.GlopLpSolver;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.smt.JavaSmtSolver;

/** Pattern queries against hand-computed answers, Z3 and brute-force sampling on small random networks. */
class PatternRegionTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final GlopLpSolver LP = new GlopLpSolver();

    /** z = (x, x - 1), y = relu(z_0) - relu(z_1). */
    private static final Network HAND = network("hand", dense(new double[][] {{1}, {1}}, 0, -1), relu(2),
            dense(new double[][] {{1, -1}}, 0));

    @Test
    void aNeuronThatCannotTurnOnInTheBoxMakesThePatternCertifiedInfeasible() {
        PatternNetwork net = PatternNetwork.of(HAND);
        Box box = new Box(new double[] {-1}, new double[] {0.5});
        // z_1 = x - 1 >= 0 needs x >= 1, outside the box.
        PatternRegion region = new PatternRegion(net.unconstrained().with(0, 1, NeuronState.ON), box);
        assertThat(region.feasible(LP, LIMIT)).isEqualTo(new Feasibility.Infeasible());
        assertThat(region.implies(atLeast(0.0), LP, LIMIT))
                .isEqualTo(new Implication.Proven(Implication.Method.LP_FARKAS_EMPTY, Double.POSITIVE_INFINITY));
    }

    @Test
    void boundsOnTheHandNetworkMatchThePiecesAffineMaps() {
        PatternNetwork net = PatternNetwork.of(HAND);
        Box box = new Box(new double[] {-1}, new double[] {3});
        // On, off: y = x on [0, 1]; min 0, max 1.
        PatternRegion region = new PatternRegion(net.parse("10"), box);
        LinearObjective y = LinearObjective.output(0);
        RegionBound.Bound min = (RegionBound.Bound) region.minimum(y, LP, LIMIT);
        RegionBound.Bound max = (RegionBound.Bound) region.maximum(y, LP, LIMIT);
        assertThat(min.exact()).isTrue();
        assertThat(min.safe()).isLessThanOrEqualTo(0.0).isGreaterThan(-1e-9);
        assertThat(max.safe()).isGreaterThanOrEqualTo(1.0).isLessThan(1 + 1e-9);
        assertThat(region.polytope().inducedMap().orElseThrow().apply(new double[] {0.25})).containsExactly(0.25);
        // y >= 0 holds on this piece; y >= 0.5 fails at x = 0 (the LP minimiser), a checked counterexample.
        assertThat(region.implies(atLeast(0.0), LP, LIMIT)).isInstanceOf(Implication.Proven.class);
        Implication refuted = region.implies(atLeast(0.5), LP, LIMIT);
        assertThat(refuted).isInstanceOf(Implication.Refuted.class);
        assertThat(((Implication.Refuted) refuted).input()[0]).isLessThan(0.5);
    }

    private static OutputProperty atLeast(double t) {
        return new OutputProperty(List.of(LinearObjective.overOutputs(new double[] {1}, -t)), 1, "y>=" + t);
    }

    @Test
    void lpProofsAgreeWithZ3AndSamplingOnRandomNetworks() {
        Random random = new Random(5);
        JavaSmtSolver z3 = JavaSmtSolver.z3();
        int proven = 0;
        int refuted = 0;
        int partialProven = 0;
        for (int trial = 0; trial < 30; trial++) {
            Network net = TestNetworks.randomRelu(random, 2, 6, 5, 3);
            PatternNetwork patterns = PatternNetwork.of(net);
            Box box = new Box(new double[] {-1, -1}, new double[] {1, 1});
            double[] x = {2 * random.nextDouble() - 1, 2 * random.nextDouble() - 1};
            double[] y = net.evaluate(x);
            int k = Vectors.argmax(y);
            OutputProperty property = OutputProperty.argmax(k, 3);
            DecisionPattern sigma = patterns.signature(x);
            for (DecisionPattern p : new DecisionPattern[] {sigma, sigma.freeLayer(1), sigma.freeLayer(1).free(0, 0)}) {
                PatternRegion region = new PatternRegion(p, box);
                Implication lp = region.implies(property, LP, LIMIT);
                Implication exact = region.impliesExactly(property, z3, LIMIT);
                String where = net + " pattern " + p.encode() + " at " + Arrays.toString(x) + " " + property
                        + ": LP " + lp + ", Z3 " + exact;
                if (lp instanceof Implication.Proven) {
                    assertThat(exact).as(where).isInstanceOf(Implication.Proven.class);
                    assertThat(sampledViolation(random, region, property)).as(where).isFalse();
                    proven++;
                    partialProven += p.isComplete() ? 0 : 1;
                }
                if (lp instanceof Implication.Refuted r) {
                    assertThat(region.contains(r.input())).as(where).isTrue();
                    assertThat(property.holdsAt(net.evaluate(r.input()))).as(where).isFalse();
                    assertThat(exact).as(where).isNotInstanceOf(Implication.Proven.class);
                    refuted++;
                }
                if (exact instanceof Implication.Proven) {
                    assertThat(lp).as(where).isNotInstanceOf(Implication.Refuted.class);
                }
                if (p.isComplete()) {
                    assertThat(lp).as("an exact LP decides a complete pattern: " + where)
                            .isNotInstanceOf(Implication.Undecided.class);
                }
            }
        }
        assertThat(proven).isPositive();
        assertThat(partialProven).isPositive();
        assertThat(refuted).isPositive();
    }

    @Test
    void theSafeMinimumIsBelowEverySampleOfTheRegion() {
        Random random = new Random(8);
        for (int trial = 0; trial < 20; trial++) {
            Network net = TestNetworks.randomRelu(random, 3, 5, 5, 2);
            PatternNetwork patterns = PatternNetwork.of(net);
            Box box = new Box(new double[] {-1, -1, -1}, new double[] {1, 1, 1});
            double[] x = {random.nextDouble() - 0.5, random.nextDouble() - 0.5, random.nextDouble() - 0.5};
            DecisionPattern p = trial % 2 == 0 ? patterns.signature(x) : patterns.signature(x).freeLayer(1);
            PatternRegion region = new PatternRegion(p, box);
            LinearObjective e = LinearObjective.difference(0, 1);
            RegionBound.Bound min = (RegionBound.Bound) region.minimum(e, LP, LIMIT);
            RegionBound.Bound max = (RegionBound.Bound) region.maximum(e, LP, LIMIT);
            for (int s = 0; s < 3000; s++) {
                double[] z = {2 * random.nextDouble() - 1, 2 * random.nextDouble() - 1, 2 * random.nextDouble() - 1};
                if (p.satisfiedBy(z) && region.contains(z)) {
                    double v = e.valueAt(z, net.evaluate(z));
                    assertThat(v).as("%s at %s", p.encode(), Arrays.toString(z))
                            .isBetween(min.safe() - 1e-12, max.safe() + 1e-12);
                }
            }
        }
    }

    @Test
    void aSignatureIsFeasibleWithAWitnessInsideIt() {
        Random random = new Random(3);
        for (int trial = 0; trial < 10; trial++) {
            Network net = TestNetworks.randomRelu(random, 2, 8, 8, 2);
            PatternNetwork patterns = PatternNetwork.of(net);
            double[] x = {random.nextDouble(), random.nextDouble()};
            PatternRegion region = new PatternRegion(patterns.signature(x),
                    new Box(new double[] {0, 0}, new double[] {1, 1}));
            Feasibility f = region.feasible(LP, LIMIT);
            assertThat(f).as("%s at %s", net, Arrays.toString(x)).isInstanceOf(Feasibility.Feasible.class);
            assertThat(region.polytope().contains(((Feasibility.Feasible) f).witness())).isTrue();
        }
    }

    private static boolean sampledViolation(Random random, PatternRegion region, OutputProperty property) {
        Network net = region.pattern().network().network();
        for (int s = 0; s < 2000; s++) {
            double[] z = {2 * random.nextDouble() - 1, 2 * random.nextDouble() - 1};
            if (region.pattern().satisfiedBy(z) && region.contains(z) && !property.holdsAt(net.evaluate(z))) {
                return true;
            }
        }
        return false;
    }
}
