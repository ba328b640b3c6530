package io.exactline.preconditions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.exactline.core.network.Network;
import io.exactline.verifier.lp.GlopLpSolver;
import io.exactline.verifier.pattern.DecisionPattern;
import io.exactline.verifier.pattern.Implication;
import io.exactline.verifier.pattern.OutputProperty;
import io.exactline.verifier.pattern.PatternNetwork;
import io.exactline.verifier.pattern.PatternRegion;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.smt.JavaSmtSolver;

class IterativeRelaxationTest {
    private static final Duration LIMIT = Duration.ofSeconds(5);
    /** Z3's limit: generous, since it is the independent check and the machine may be loaded. */
    private static final Duration Z3_LIMIT = Duration.ofSeconds(120);
    private static final GlopLpSolver LP = new GlopLpSolver();
    private static final Box DOMAIN = new Box(new double[] {-1, -1}, new double[] {1, 1});

    @Test
    void everyFoundPreconditionContainsItsSeedAndIsConfirmedByZ3AndSampling() {
        Random random = new Random(31);
        JavaSmtSolver z3 = JavaSmtSolver.z3();
        int found = 0;
        int relaxed = 0;
        for (int trial = 0; trial < 12; trial++) {
            Network net = RandomNetworks.relu(random, 2, 8, 6, 3);
            PatternNetwork patterns = PatternNetwork.of(net);
            double[] seed = RandomNetworks.point(random);
            double[] y = net.evaluate(seed);
            OutputProperty property = OutputProperty.argmax(RandomNetworks.argmax(y), 3);
            RelaxationOutcome outcome = new IterativeRelaxation(new PatternBranchAndBound(patterns, DOMAIN), patterns,
                    property, LP, LIMIT, LIMIT, List.of()).relax(seed);
            if (!(outcome instanceof RelaxationOutcome.Found f)) {
                continue;
            }
            found++;
            InputPrecondition pre = f.precondition();
            DecisionPattern p = pre.pattern();
            String where = net + " seed " + Arrays.toString(seed) + " " + property.description() + " -> " + p.encode();
            relaxed += p.isComplete() ? 0 : 1;
            assertThat(p.satisfiedBy(seed)).as(where).isTrue();
            assertThat(pre.steps().get(0).action()).isEqualTo("signature");
            assertThat(pre.steps().stream().filter(RelaxationStep::proven).mapToInt(RelaxationStep::constrained)
                    .min().orElseThrow()).as(where).isEqualTo(p.constrainedCount());
            assertThat(new PatternRegion(p, DOMAIN).impliesExactly(property, z3, Z3_LIMIT)).as(where)
                    .isInstanceOf(Implication.Proven.class);
            for (int s = 0; s < 3000; s++) {
                double[] x = RandomNetworks.point(random);
                if (p.satisfiedBy(x)) {
                    assertThat(property.holdsAt(net.evaluate(x))).as("%s at %s", where, Arrays.toString(x)).isTrue();
                }
            }
            pre.underApproximation().ifPresent(box -> {
                if (p.isClosed()) {
                    assertThat(new PatternRegion(p, DOMAIN).polytope().containsBox(box)).as(where).isTrue();
                }
                for (int s = 0; s < 50; s++) {
                    double[] x = new double[2];
                    for (int j = 0; j < 2; j++) {
                        x[j] = box.lower(j) + random.nextDouble() * (box.upper(j) - box.lower(j));
                    }
                    assertThat(new PatternRegion(p, DOMAIN).contains(x)).as("%s UA box %s at %s", where, box,
                            Arrays.toString(x)).isTrue();
                }
            });
        }
        assertThat(found).isGreaterThan(5);
        assertThat(relaxed).isPositive();
    }

    @Test
    void everyKeptStepTowardsATargetLeavesAPatternThatTheTargetSatisfies() {
        Random random = new Random(33);
        int kept = 0;
        for (int trial = 0; trial < 8; trial++) {
            Network net = RandomNetworks.relu(random, 2, 8, 6, 3);
            PatternNetwork patterns = PatternNetwork.of(net);
            double[] seed = RandomNetworks.point(random);
            double[] y = net.evaluate(seed);
            OutputProperty property = OutputProperty.argmax(RandomNetworks.argmax(y), 3);
            List<double[]> targets = new java.util.ArrayList<>();
            List<double[]> violations = new java.util.ArrayList<>();
            for (int s = 0; s < 200; s++) {
                double[] x = RandomNetworks.point(random);
                (property.holdsAt(net.evaluate(x)) ? targets : violations).add(x);
            }
            RelaxationOutcome outcome = new IterativeRelaxation(new PatternBranchAndBound(patterns, DOMAIN), patterns,
                    property, LP, LIMIT, LIMIT, violations).relax(seed, targets, step -> { });
            if (!(outcome instanceof RelaxationOutcome.Found f)) {
                continue;
            }
            DecisionPattern p = f.precondition().pattern();
            for (RelaxationStep step : f.precondition().steps()) {
                if (step.proven() && step.action().contains("to cover target ")) {
                    kept++;
                    int t = Integer.parseInt(step.action().substring(step.action().lastIndexOf(' ') + 1));
                    assertThat(p.satisfiedBy(targets.get(t))).as("%s: %s, target %s", p.encode(), step.action(),
                            Arrays.toString(targets.get(t))).isTrue();
                }
                if (step.answer() instanceof Implication.Refuted r) {
                    // A refuted step's input violates P, so the proven final pattern cannot contain it.
                    assertThat(property.holdsAt(net.evaluate(r.input()))).as(step.summary()).isFalse();
                    assertThat(new PatternRegion(p, DOMAIN).contains(r.input())).as("%s: %s", p.encode(),
                            step.summary()).isFalse();
                }
            }
            for (double[] v : violations) {
                assertThat(p.satisfiedBy(v)).as("%s at violation %s", p.encode(), Arrays.toString(v)).isFalse();
            }
        }
        assertThat(kept).isPositive();
    }

    @Test
    void theFirstAttemptIsTheSignatureAndAFailedSignatureStopsTheRelaxation() {
        Random random = new Random(32);
        int notProven = 0;
        for (int trial = 0; trial < 30; trial++) {
            Network net = RandomNetworks.relu(random, 2, 4, 3);
            double[] seed = RandomNetworks.point(random);
            double[] y = net.evaluate(seed);
            // Demand the runner-up wins: the signature region contains the seed, which violates that.
            int loser = y[0] >= y[1] && y[0] >= y[2] ? (y[1] >= y[2] ? 2 : 1) : 0;
            OutputProperty property = OutputProperty.argmax(loser, 3);
            if (property.holdsAt(y)) {
                continue;
            }
            PatternNetwork patterns = PatternNetwork.of(net);
            RelaxationOutcome outcome = new IterativeRelaxation(new PatternBranchAndBound(patterns, DOMAIN), patterns,
                    property, LP, LIMIT, LIMIT, List.of()).relax(seed);
            assertThat(outcome).isInstanceOf(RelaxationOutcome.SignatureNotProven.class);
            RelaxationOutcome.SignatureNotProven failed = (RelaxationOutcome.SignatureNotProven) outcome;
            assertThat(failed.step().action()).isEqualTo("signature");
            assertThat(failed.answer()).isNotInstanceOf(Implication.Proven.class);
            notProven++;
        }
        assertThat(notProven).isPositive();
    }
}
