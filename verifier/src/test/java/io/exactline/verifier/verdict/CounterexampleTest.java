package io.exactline.verifier.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.exactline.core.BadInputException;
import io.exactline.verifier.TestNetworks;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.property.LinearInequality;
import io.exactline.verifier.property.OutputCondition;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.property.Variable;

class CounterexampleTest {
    /** On x0, x1 in [0, 1]: unsafe if x0 + x1 >= 1.5. */
    private static final Property SUM_AT_LEAST = Property.of("sum >= 1.5",
            new Box(new double[] {0, 0}, new double[] {1, 1}), 2,
            OutputCondition.of(LinearInequality.atLeast(Variable.output(0), 1.5)));

    @Test
    void confirmsAPointWhoseEvaluatedOutputsAreUnsafe() {
        double[] x = {1, 0.75};
        Counterexample c = Counterexample.confirm(TestNetworks.sumAndDifference(), SUM_AT_LEAST, x).orElseThrow();
        x[0] = 0;

        assertThat(c.input()).as("copied in").containsExactly(1, 0.75);
        assertThat(c.output()).as("re-evaluated").containsExactly(1.75, 0.25);
        assertThat(c.match().caseIndex()).isZero();
        assertThat(c.description()).isEqualTo("unsafe set: 1.5 <= Y_0 holds: Y_0 = 1.75, left - right = -0.25");
    }

    @Test
    void theBoundaryOfTheUnsafeSetCounts() {
        assertThat(Counterexample.confirm(TestNetworks.sumAndDifference(), SUM_AT_LEAST, new double[] {1, 0.5}))
                .isPresent();
    }

    @Test
    void refusesSafePointsPointsOutsideTheBoxAndNonFiniteInputs() {
        var net = TestNetworks.sumAndDifference();

        assertThat(Counterexample.confirm(net, SUM_AT_LEAST, new double[] {0.5, 0.5})).as("safe").isEmpty();
        assertThat(Counterexample.confirm(net, SUM_AT_LEAST, new double[] {Math.nextUp(1.0), 1})).as("outside")
                .isEmpty();
        assertThat(Counterexample.confirm(net, SUM_AT_LEAST, new double[] {Double.NaN, 1})).as("NaN").isEmpty();
        // (1 - 2^-52) + 0.5 is the double just below 1.5; (1 - 2^-53) + 0.5 would round up to 1.5 itself.
        assertThat(Counterexample.confirm(net, SUM_AT_LEAST, new double[] {Math.nextDown(Math.nextDown(1.0)), 0.5}))
                .as("output one ulp below the bound").isEmpty();
    }

    @Test
    void refusesNetworksOfTheWrongSize() {
        assertThatThrownBy(() -> Counterexample.confirm(TestNetworks.identity(), SUM_AT_LEAST, new double[] {1, 1}))
                .isInstanceOf(BadInputException.class).hasMessageContaining("network identity has 1 inputs");
        assertThatThrownBy(() -> Counterexample.confirm(TestNetworks.sumAndDifference(), SUM_AT_LEAST, new double[] {1}))
                .isInstanceOf(BadInputException.class).hasMessageContaining("candidate counterexample has 1 values");
    }
}
