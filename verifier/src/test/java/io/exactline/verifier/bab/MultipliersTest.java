package io.exactline.verifier.bab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.exactline.core.layer.Dense;
import io.exactline.core.network.Network;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.bounds.BoundOptions;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.property.Conjunction;
import io.exactline.verifier.property.LinearInequality;
import io.exactline.verifier.property.OutputCondition;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.property.Variable;
import io.exactline.verifier.verdict.Verdict;

/**
 * Lagrangian multipliers for conjunctions, on a hand-computed case: over {@code -1 <= x <= 1}, {@code 2x + 0.5 <= 0}
 * needs {@code x <= -0.25} and {@code -x + 0.3 <= 0} needs {@code x >= 0.3}, so the conjunction is empty; each
 * inequality alone has minimum {@code -1.5} and {@code -0.7} over the box and their sum {@code x + 0.8} has
 * {@code -0.2}, but with multipliers {@code (1, 2)} the {@code x} terms cancel and the combination is {@code 1.1}.
 */
class MultipliersTest {
    private static final double[][] A = {{2}, {-1}};
    private static final double[] B = {0.5, 0.3};

    @Test
    void ascentFindsTheMultipliersThatCancelTheInputTerms() {
        Multipliers.Choice choice = Multipliers.find(A, B, new double[] {-1}, new double[] {1}).orElseThrow();

        double[] m = choice.multipliers();
        assertThat(m[1]).isEqualTo(1.0);
        assertThat(m[0]).as("multipliers %s", Arrays.toString(m)).isCloseTo(0.5, within(0.05));
        assertThat(choice.predicted()).as("phi = 0.5 m0 + 0.3 m1 - |2 m0 - m1| at %s", Arrays.toString(m))
                .isCloseTo(0.5 * m[0] + 0.3 - Math.abs(2 * m[0] - 1), within(1e-12)).isPositive();
    }

    @Test
    void noMultipliersWhenAPointOfTheBoxMeetsEveryInequality() {
        Optional<Multipliers.Choice> choice = Multipliers.find(new double[][] {{1}, {-1}}, new double[] {-0.1, 0},
                new double[] {-1}, new double[] {1});

        assertThat(choice).as("x = 0.05 meets x - 0.1 <= 0 and -x <= 0").isEmpty();
    }

    @Test
    void branchAndBoundClosesTheRootByTheCombinationWithItsMultipliersAsWitness() {
        Network net = new Network(List.of(new Dense(new double[][] {{2}, {-1}}, new double[] {0.5, 0.3})),
                "2x + 0.5 and -x + 0.3");
        Property property = Property.of("both outputs <= 0", new Box(new double[] {-1}, new double[] {1}), 2,
                OutputCondition.anyOf(Conjunction.of(LinearInequality.atMost(Variable.output(0), 0),
                        LinearInequality.atMost(Variable.output(1), 0))));
        List<ClosedLeaf> leaves = new CopyOnWriteArrayList<>();

        Verdict v = new BabEngine(new BabOptions(Splitting.INPUT, BoundOptions.FORWARD_BACKWARD, 1, 0, 1000, 1))
                .search(net, property, Deadline.unlimited(), leaves::add);

        assertThat(v.status()).isEqualTo("unsat");
        assertThat(leaves).hasSize(1);
        ClosedLeaf.Witness w = leaves.get(0).witnesses().get(0);
        assertThat(w.inequality()).as("%s", w).isEqualTo(3);
        assertThat(w.multipliers()).hasSize(2);
        double m0 = w.multipliers().get(0);
        double m1 = w.multipliers().get(1);
        assertThat(w.lowerBound()).as("%s", w).isPositive()
                .isLessThanOrEqualTo(m0 * 0.5 + m1 * 0.3 - Math.abs(2 * m0 - m1));
    }
}
