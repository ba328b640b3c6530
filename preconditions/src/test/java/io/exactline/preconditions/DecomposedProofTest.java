package io.exactline.preconditions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.exactline.core.BadInputException;
import io.exactline.core.layer.Dense;
import io.exactline.core.layer.Relu;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.Engines;
import io.exactline.verifier.lp.GlopLpSolver;
import io.exactline.verifier.pattern.DecisionPattern;
import io.exactline.verifier.pattern.NeuronState;
import io.exactline.verifier.pattern.OutputProperty;
import io.exactline.verifier.pattern.PatternNetwork;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.property.LinearInequality;
import io.exactline.verifier.property.OutputCondition;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.property.Variable;
import io.exactline.verifier.verdict.Sat;
import io.exactline.verifier.verdict.Unsat;
import io.exactline.verifier.verdict.Verdict;

class DecomposedProofTest {
    private static final Box LINE = new Box(new double[] {-1}, new double[] {1});
    private static final Box SQUARE = new Box(new double[] {-1, -1}, new double[] {1, 1});
    private static final Duration LIMIT = Duration.ofSeconds(30);

    /**
     * {@code y0 = 0.5 + relu(x) - relu(-x) = 0.5 + x}, {@code y1 = 0} on {@code x in [-1, 1]}: output 0 is the
     * greatest exactly for {@code x >= -0.5}. Neuron (0, 0) is {@code relu(x)}, on for {@code x >= 0}.
     */
    private static final Network HINGE = new Network(List.of(
            new Dense(new double[][] {{1}, {-1}}, new double[] {0, 0}),
            new Relu(Shape.vector(2)),
            new Dense(new double[][] {{1, -1}, {0, 0}}, new double[] {0.5, 0})), "hinge");

    /** The unsafe set of "output 0 is the strict maximum" over {@code box}: {@code y0 <= y1}. */
    private static Property notFirst(Box box) {
        return Property.of("y0 > y1", box, 2,
                OutputCondition.of(LinearInequality.lessOrEqual(Variable.output(0), Variable.output(1))));
    }

    /** The interpolant "relu(x) is on" for argmax=0, proved over [-1, 1]: there y0 >= 0.5 + 0 > y1. */
    private static Interpolant hingeOn(PatternNetwork patterns) {
        DecisionPattern on = patterns.unconstrained().with(0, 0, NeuronState.ON);
        return Interpolant.prove(new PatternBranchAndBound(patterns, LINE), on, OutputProperty.argmax(0, 2),
                Deadline.after(LIMIT), "relu(x) on").orElseThrow();
    }

    @Test
    void aBoxIsNotCoveredWhenThePatternHoldsOnlyAtSomeOfItsPoints() {
        PatternNetwork patterns = PatternNetwork.of(HINGE);
        Interpolant on = hingeOn(patterns);
        Box region = new Box(new double[] {-0.2}, new double[] {1});
        assertThat(on.pattern().satisfiedBy(region.midpoint()))
                .as("the region's centre satisfies the pattern, so a check at one point would count the box").isTrue();
        assertThat(on.pattern().satisfiedBy(new double[] {-0.1})).isFalse();

        DecomposedProofResult unsplit = new DecomposedProof(patterns, List.of(on), 0, Optional.empty())
                .prove(notFirst(region), Deadline.after(LIMIT), p -> { });

        assertThat(unsplit.covered()).as("covered boxes").isEmpty();
        assertThat(unsplit.outcome()).isInstanceOf(DecomposedProofResult.Undecided.class);
        assertThat(unsplit.fallback()).extracting(DecomposedProofResult.FallbackBox::box).containsExactly(region);
    }

    @Test
    void afterSplittingThePartWithThePatternIsCoveredAndTheRestIsProvedOnTheSpotOrLeftOver() {
        PatternNetwork patterns = PatternNetwork.of(HINGE);
        DecomposedProof proof = new DecomposedProof(patterns, List.of(hingeOn(patterns)), 8, Optional.empty());

        DecomposedProofResult holds = proof.prove(notFirst(new Box(new double[] {-0.4}, new double[] {1})),
                Deadline.after(LIMIT), p -> { });

        assertThat(holds.outcome()).as("B holds on [-0.4, 1]").isInstanceOf(DecomposedProofResult.Proven.class);
        assertThat(holds.coveredBy(0)).as("the part where relu(x) is on").isNotEmpty();
        for (DecomposedProofResult.CoveredBox b : holds.covered()) {
            if (b.fixedNeurons() == 0) {
                assertThat(b.box().lower(0)).as("covered box %s lies where relu(x) is on", b)
                        .isGreaterThanOrEqualTo(0.0);
            }
        }
        assertThat(holds.provedOnTheSpot()).as("the part where relu(x) is off, proved with the neuron fixed")
                .isPositive();
        assertThat(holds.fallback()).isEmpty();

        Box failing = new Box(new double[] {-0.7}, new double[] {1});
        DecomposedProofResult fails = proof.prove(notFirst(failing), Deadline.after(LIMIT), p -> { });

        assertThat(fails.outcome()).as("B fails for x <= -0.5").isInstanceOf(DecomposedProofResult.Undecided.class);
        assertThat(fails.fallback()).extracting(DecomposedProofResult.FallbackBox::box).contains(failing);
    }

    @Test
    void theBoxesThePreconditionsMissAreDecidedByTheDirectVerifier() {
        PatternNetwork patterns = PatternNetwork.of(HINGE);
        DecomposedProof proof = new DecomposedProof(patterns, List.of(hingeOn(patterns)), 0,
                Optional.of(Engines.byName("auto")));

        DecomposedProofResult holds = proof.prove(notFirst(new Box(new double[] {-0.4}, new double[] {1})),
                Deadline.after(LIMIT), p -> { });

        assertThat(holds.outcome()).as("B holds on [-0.4, 1]").isInstanceOf(DecomposedProofResult.Proven.class);
        assertThat(holds.covered()).isEmpty();
        assertThat(holds.fallback()).singleElement().satisfies(f -> assertThat(f.verdict()).get()
                .isInstanceOf(Unsat.class));

        DecomposedProofResult fails = proof.prove(notFirst(LINE), Deadline.after(LIMIT), p -> { });

        assertThat(fails.outcome()).as("B fails for x <= -0.5").isInstanceOfSatisfying(
                DecomposedProofResult.Violated.class,
                v -> assertThat(v.counterexample().input()[0]).isLessThanOrEqualTo(-0.5));
    }

    @Test
    void anInterpolantRefutesTheUnsafeConditionOnlyWithAPositiveMargin() {
        PatternNetwork patterns = PatternNetwork.of(HINGE);
        DecisionPattern on = patterns.unconstrained().with(0, 0, NeuronState.ON);
        OutputCondition firstNotGreater = OutputCondition.of(LinearInequality.lessOrEqual(Variable.output(0),
                Variable.output(1)));
        OutputCondition firstLarge = OutputCondition.of(LinearInequality.atLeast(Variable.output(0), 3));

        assertThat(new Interpolant(on, OutputProperty.argmax(0, 2), LINE, 0.5, "margin 0.5")
                .refutes(firstNotGreater)).isTrue();
        assertThat(new Interpolant(on, OutputProperty.argmax(0, 2), LINE, 0.0, "margin 0")
                .refutes(firstNotGreater)).as("a tie y0 = y1 is unsafe and not excluded by y0 - y1 >= 0").isFalse();
        assertThat(new Interpolant(on, OutputProperty.argmax(1, 2), LINE, 0.5, "argmax=1")
                .refutes(firstNotGreater)).isFalse();
        assertThat(new Interpolant(on, OutputProperty.argmax(0, 2), LINE, 0.5, "other atom")
                .refutes(firstLarge)).isFalse();
    }

    @Test
    void agreesWithTheDirectVerifierOnRandomNetworks() {
        Random random = new Random(61);
        int proven = 0;
        int violated = 0;
        int coveredBoxes = 0;
        for (int trial = 0; trial < 12; trial++) {
            Network net = RandomNetworks.relu(random, 2, 8, 8, 3);
            PatternNetwork patterns = PatternNetwork.of(net);
            double[] centre = RandomNetworks.point(random);
            double radius = 0.05 + 0.3 * random.nextDouble();
            Box region = Box.around(centre, radius, -1, 1);
            int k = RandomNetworks.argmax(net.evaluate(region.midpoint()));
            OutputProperty argmax = OutputProperty.argmax(k, 3);
            PatternBranchAndBound prover = new PatternBranchAndBound(patterns, SQUARE);
            List<Interpolant> interpolants = new ArrayList<>();
            for (int s = 0; s < 8; s++) {
                double[] x = new double[2];
                for (int j = 0; j < 2; j++) {
                    x[j] = region.lower(j) + random.nextDouble() * region.width(j);
                }
                DecisionPattern lastFree = patterns.signature(x).freeLayer(1);
                Interpolant.prove(prover, lastFree, argmax, Deadline.after(LIMIT), "sample " + s)
                        .ifPresent(interpolants::add);
            }
            Property property = Property.of("argmax=" + k, region, 3, OutputCondition.notArgmax(k, 3));
            String where = net + " region " + region + " argmax=" + k + " with " + interpolants.size()
                    + " interpolants";

            DecomposedProofResult decomposed = new DecomposedProof(patterns, interpolants, 6,
                    Optional.of(Engines.byName("auto"))).prove(property, Deadline.after(LIMIT), p -> { });
            Verdict direct = Engines.byName("auto").verify(net, property, Deadline.after(LIMIT));

            coveredBoxes += decomposed.covered().size();
            if (direct instanceof Unsat) {
                proven++;
                assertThat(decomposed.outcome()).as(where).isInstanceOf(DecomposedProofResult.Proven.class);
            } else {
                assertThat(direct).as(where).isInstanceOf(Sat.class);
                violated++;
                assertThat(decomposed.outcome()).as(where).isInstanceOfSatisfying(
                        DecomposedProofResult.Violated.class,
                        v -> assertThat(region.contains(v.counterexample().input())).isTrue());
            }
        }
        assertThat(proven).as("trials where B holds").isPositive();
        assertThat(violated).as("trials where B fails").isPositive();
        assertThat(coveredBoxes).as("boxes covered by interpolants over all trials").isPositive();
    }

    @Test
    void readsTheProvenPreconditionsOfAMiningRunForItsOwnPropertyOnly(@TempDir Path dir) throws IOException {
        Network net = RandomNetworks.relu(new Random(43), 2, 6, 5, 3);
        PatternNetwork patterns = PatternNetwork.of(net);
        OutputProperty property = OutputProperty.argmax(0, 3);
        MiningSettings settings = new MiningSettings(property, SQUARE, 200, 3, Duration.ofSeconds(30),
                Duration.ofSeconds(60), Duration.ofMinutes(10));
        MiningReport report = new PreconditionMiner(patterns, settings, new GlopLpSolver()).mine(dir, line -> { });

        List<Interpolant> read = Interpolant.fromMining(dir, patterns, property);

        assertThat(read).extracting(Interpolant::pattern).containsExactlyElementsOf(report.entries().stream()
                .map(e -> e.precondition().pattern()).toList());
        assertThat(read).allSatisfy(i -> assertThat(i.domain()).isEqualTo(SQUARE));
        assertThatThrownBy(() -> Interpolant.fromMining(dir, patterns, OutputProperty.argmax(1, 3)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("argmax=0");
        OutputProperty sameNameOtherInequalities = new OutputProperty(OutputProperty.argmax(1, 3).atoms(), 3,
                property.description());
        assertThatThrownBy(() -> Interpolant.fromMining(dir, patterns, sameNameOtherInequalities))
                .as("a property file of the same name with other inequalities")
                .isInstanceOf(BadInputException.class).hasMessageContaining("outputs:");
        PatternNetwork other = PatternNetwork.of(RandomNetworks.relu(new Random(44), 2, 6, 5, 3));
        assertThatThrownBy(() -> Interpolant.fromMining(dir, other, property))
                .isInstanceOf(BadInputException.class).hasMessageContaining("digest");
    }
}
