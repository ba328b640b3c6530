package io.exactline.verifier.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.exactline.core.BadInputException;
import io.exactline.core.network.Network;
import io.exactline.verifier.encoding.PreActivationBounds;
import io.exactline.verifier.encoding.TestNetworks;
import io.exactline.verifier.lp.GlopLpSolver;
import io.exactline.verifier.property.Box;

class PatternPolytopeTest {
    private static final Box BOX = new Box(new double[] {-1, -1, -1}, new double[] {1, 1, 1});

    @Test
    void halfSpaceMembershipAgreesWithExactEvaluationOfThePattern() {
        Random random = new Random(21);
        for (int trial = 0; trial < 10; trial++) {
            Network net = TestNetworks.randomRelu(random, 3, 6, 6, 2);
            PatternNetwork patterns = PatternNetwork.of(net);
            DecisionPattern sigma = patterns.signature(point(random));
            for (DecisionPattern p : new DecisionPattern[] {sigma, sigma.freeLayer(1), sigma.freeLayer(1).free(0, 2)}) {
                PatternPolytope polytope = PatternPolytope.of(p, BOX);
                PatternRegion region = new PatternRegion(p, BOX);
                assertThat(polytope.rowCount()).isEqualTo(p.constrainedCount());
                for (int s = 0; s < 300; s++) {
                    double[] z = point(random);
                    assertThat(polytope.contains(z)).as("%s at %s", p.encode(), Arrays.toString(z))
                            .isEqualTo(region.contains(z));
                }
            }
        }
    }

    @Test
    void theInducedMapOfACompletePatternIsTheNetworkOnItsPolytope() {
        Random random = new Random(22);
        Network net = TestNetworks.randomRelu(random, 3, 6, 6, 2);
        PatternNetwork patterns = PatternNetwork.of(net);
        double[] x = point(random);
        PatternPolytope polytope = PatternPolytope.of(patterns.signature(x), BOX);
        InducedAffineMap map = polytope.inducedMap().orElseThrow();
        int inside = 0;
        for (int s = 0; s < 20000; s++) {
            double[] z = point(random);
            if (polytope.contains(z)) {
                inside++;
                double[] expected = net.evaluate(z);
                double[] actual = map.apply(z);
                for (int i = 0; i < expected.length; i++) {
                    assertThat(actual[i]).as("output %d at %s", i, Arrays.toString(z))
                            .isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-9));
                }
            }
        }
        assertThat(inside).isPositive();
        assertThat(PatternPolytope.of(patterns.signature(x).freeLayer(1), BOX).inducedMap()).isEmpty();
    }

    @Test
    void aBoxIsReportedInsideOnlyWhenEverySampleOfItIsInside() {
        Random random = new Random(23);
        int inside = 0;
        for (int trial = 0; trial < 40; trial++) {
            Network net = TestNetworks.randomRelu(random, 3, 5, 5, 2);
            double[] x = point(random);
            PatternPolytope polytope = PatternPolytope.of(PatternNetwork.of(net).signature(x), BOX);
            double r = 0.002 + 0.05 * random.nextDouble();
            double[] lower = new double[3];
            double[] upper = new double[3];
            for (int j = 0; j < 3; j++) {
                lower[j] = Math.max(-1, x[j] - r);
                upper[j] = Math.min(1, x[j] + r);
            }
            Box small = new Box(lower, upper);
            if (polytope.containsBox(small)) {
                inside++;
                for (int s = 0; s < 200; s++) {
                    double[] z = new double[3];
                    for (int j = 0; j < 3; j++) {
                        z[j] = lower[j] + (upper[j] - lower[j]) * (s % 8 == 0 ? (s >> (j + 3)) & 1 : random.nextDouble());
                    }
                    assertThat(polytope.contains(z)).as("%s in %s", Arrays.toString(z), small).isTrue();
                }
            }
        }
        assertThat(inside).isPositive();
    }

    @Test
    void preActivationBoundsOverThePolytopeHoldAtEverySampleAndAreNoLooserThanTheBoxOnes() {
        Random random = new Random(24);
        GlopLpSolver lp = new GlopLpSolver();
        int tighter = 0;
        for (int trial = 0; trial < 10; trial++) {
            Network net = TestNetworks.randomRelu(random, 3, 6, 6, 6, 2);
            PatternNetwork patterns = PatternNetwork.of(net);
            DecisionPattern p = patterns.signature(point(random)).freeLayer(2).freeLayer(1);
            PatternPolytope polytope = PatternPolytope.of(p, BOX);
            PreActivationBounds box = polytope.preActivationBounds();
            PreActivationBounds tight = polytope.preActivationBounds(lp, Duration.ofSeconds(10));
            for (int i = 0; i < 6; i++) {
                assertThat(tight.lower(1, i)).isGreaterThanOrEqualTo(box.lower(1, i));
                assertThat(tight.upper(1, i)).isLessThanOrEqualTo(box.upper(1, i));
                tighter += tight.upper(1, i) - tight.lower(1, i) < box.upper(1, i) - box.lower(1, i) ? 1 : 0;
            }
            for (int s = 0; s < 3000; s++) {
                double[] z = point(random);
                if (polytope.contains(z)) {
                    List<double[]> pre = patterns.preActivations(z);
                    for (int k = 0; k < 3; k++) {
                        for (int i = 0; i < 6; i++) {
                            assertThat(pre.get(k)[i]).as("layer %d unit %d at %s", k, i, Arrays.toString(z))
                                    .isBetween(tight.lower(k, i) - 1e-12, tight.upper(k, i) + 1e-12);
                        }
                    }
                }
            }
        }
        assertThat(tighter).isPositive();
    }

    @Test
    void aPatternThatIsNotClosedHasNoPolytope() {
        Network net = TestNetworks.randomRelu(new Random(1), 3, 4, 4, 2);
        DecisionPattern open = PatternNetwork.of(net).signature(new double[] {0, 0, 0}).free(0, 0);
        assertThatThrownBy(() -> PatternPolytope.of(open, BOX)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("not <-closed");
    }

    private static double[] point(Random random) {
        return new double[] {2 * random.nextDouble() - 1, 2 * random.nextDouble() - 1, 2 * random.nextDouble() - 1};
    }
}
