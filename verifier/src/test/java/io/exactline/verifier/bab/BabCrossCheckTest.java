package io.exactline.verifier.bab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.exactline.verifier.Deadline;
import io.exactline.verifier.bounds.BoundOptions;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.bounds.LayerBounds;
import io.exactline.verifier.bounds.PartialPattern;

/**
 * Branch and bound against exact truth (ExactLine and ExactPlane, see {@link RandomInstances}) on random small
 * networks, boxes and properties, with both splitting rules; and the same cross-check catching a bounder that
 * claims bounds tighter than true.
 */
class BabCrossCheckTest {
    private static final List<RandomInstances.Instance> INSTANCES = RandomInstances.generate(40, 20261123L);

    private static BabOptions options(Splitting splitting, int workers) {
        return new BabOptions(splitting, BoundOptions.FORWARD_BACKWARD, workers, 3, 1_000_000, 1);
    }

    @Test
    void instancesCoverBothAnswers() {
        long sat = INSTANCES.stream().filter(RandomInstances.Instance::sat).count();
        assertThat(sat).as("sat instances among %s", INSTANCES.size()).isBetween(5L, INSTANCES.size() - 5L);
    }

    @Test
    void inputSplittingAgreesWithExactTruthAndDecidesEveryInstance() {
        BabEngine engine = new BabEngine(options(Splitting.INPUT, 2));
        assertThat(RandomInstances.disagreements(engine, INSTANCES)).isEmpty();
        for (RandomInstances.Instance instance : INSTANCES) {
            String status = engine.verify(instance.network(), instance.property(),
                    Deadline.unlimited()).status();
            assertThat(status).as("%s", instance).isEqualTo(instance.sat() ? "sat" : "unsat");
        }
    }

    @Test
    void lookaheadSplitsThatReuseTheTrialBoundsAgreeWithExactTruth() {
        BabEngine engine = new BabEngine(options(Splitting.INPUT, 2).withLookahead(3));
        for (RandomInstances.Instance instance : INSTANCES) {
            String status = engine.verify(instance.network(), instance.property(), Deadline.unlimited()).status();
            assertThat(status).as("%s", instance).isEqualTo(instance.sat() ? "sat" : "unsat");
        }
    }

    @Test
    void activationSplittingAgreesWithExactTruth() {
        assertThat(RandomInstances.disagreements(new BabEngine(options(Splitting.ACTIVATION, 1)), INSTANCES))
                .isEmpty();
    }

    @Test
    void alphaCrownBoundsAgreeWithExactTruth() {
        BabOptions alpha = options(Splitting.INPUT, 2).withBounds(BoundOptions.FORWARD_BACKWARD.withAlphaSteps(5));
        assertThat(RandomInstances.disagreements(new BabEngine(alpha), INSTANCES)).isEmpty();
    }

    @Test
    void crossCheckCatchesABounderThatShrinksItsBounds() {
        BabEngine unsound = new BabEngine(net -> options(Splitting.INPUT, 1),
                (net, o) -> new ShrinkingBounder(new DeepPolyBounder(net, o.bounds()), 0.5));

        List<String> caught = RandomInstances.disagreements(unsound, INSTANCES);

        assertThat(caught).as("the unsound bounder must be caught on some instance").isNotEmpty();
        assertThat(caught).allMatch(s -> s.contains("says unsat but the truth is sat"));
    }

    /** A deliberately unsound bounder: every lower bound raised by {@code shift}. */
    private record ShrinkingBounder(BoxBounder sound, double shift) implements BoxBounder {
        @Override
        public Optional<Bounded> lowerBounds(Box box, PartialPattern pattern, Optional<LayerBounds> parent,
                List<double[]> objectives) {
            return sound.lowerBounds(box, pattern, parent, objectives).map(b -> {
                List<LowerBound> raised = new ArrayList<>();
                for (LowerBound l : b.objectives()) {
                    raised.add(raise(l));
                }
                return new Bounded(raised, b.layers());
            });
        }

        @Override
        public LowerBound lowerBound(LayerBounds layers, double[] objective) {
            return raise(sound.lowerBound(layers, objective));
        }

        private LowerBound raise(LowerBound l) {
            return new LowerBound(l.value() + shift, l.coefficients(), l.constant() + shift, l.inputSplitScores(),
                    l.candidate(), l.unitSplit());
        }
    }
}
