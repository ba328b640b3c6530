package io.exactline.verifier.falsify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.exactline.core.layer.Dense;
import io.exactline.core.layer.Relu;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.TestNetworks;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.property.Conjunction;
import io.exactline.verifier.property.LinearInequality;
import io.exactline.verifier.property.OutputCondition;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.property.Variable;
import io.exactline.verifier.verdict.Sat;
import io.exactline.verifier.verdict.Timeout;
import io.exactline.verifier.verdict.Unknown;
import io.exactline.verifier.verdict.Verdict;

class GradientFalsifierTest {
    /** {@code f(x) = relu(x0 - x1 + 0.5)}: at least 2.45 only near the corner (1, -1) of [-1, 1]^2. */
    private static Network narrowPeak() {
        return new Network(List.of(new Dense(new double[][] {{1, -1}}, new double[] {0.5}),
                new Relu(Shape.vector(1))), "relu(x0 - x1 + 0.5)");
    }

    @Test
    void descendsToANarrowCornerThatTheMidpointMisses() {
        // relu(x0 - x1 + 0.5) >= 2.45 needs x0 - x1 >= 1.95: only within 0.05 of the corner (1, -1).
        Property p = Property.of("corner", new Box(new double[] {-1, -1}, new double[] {1, 1}), 1,
                OutputCondition.of(LinearInequality.atLeast(Variable.output(0), 2.45)));

        Verdict v = new GradientFalsifier(1, 20, 1L).verify(narrowPeak(), p, Deadline.unlimited());

        assertThat(v).isInstanceOf(Sat.class);
        double[] x = ((Sat) v).counterexample().input();
        assertThat(x[0] - x[1]).isGreaterThanOrEqualTo(1.95);
    }

    @Test
    void meetsEveryInequalityOfAConjunction() {
        // (x0 + x1, x0 - x1) with x0 + x1 >= 1.5 and x0 - x1 <= -0.4 on [-1, 1]^2: x1 large, x0 in between.
        Property p = Property.of("conjunction", new Box(new double[] {-1, -1}, new double[] {1, 1}), 2,
                new OutputCondition(List.of(Conjunction.of(LinearInequality.atLeast(Variable.output(0), 1.5),
                        LinearInequality.atMost(Variable.output(1), -0.4)))));

        Verdict v = new GradientFalsifier(3, 30, 1L).verify(TestNetworks.sumAndDifference(), p, Deadline.unlimited());

        assertThat(v).isInstanceOf(Sat.class);
        double[] y = ((Sat) v).counterexample().output();
        assertThat(y[0]).isGreaterThanOrEqualTo(1.5);
        assertThat(y[1]).isLessThanOrEqualTo(-0.4);
    }

    @Test
    void neverClaimsSatOnAnUnreachableOutputAndRespectsTheDeadline() {
        Property p = Property.of("negative relu", new Box(new double[] {-1}, new double[] {1}), 2,
                OutputCondition.of(LinearInequality.atMost(Variable.output(0), -0.001)));

        Verdict unknown = new GradientFalsifier(5, 10, 1L).verify(TestNetworks.reluPair(), p, Deadline.unlimited());
        Verdict timeout = new GradientFalsifier(5, 10, 1L).verify(TestNetworks.reluPair(), p,
                Deadline.after(Duration.ZERO));

        assertThat(unknown).isInstanceOf(Unknown.class);
        assertThat(timeout).isInstanceOf(Timeout.class);
    }
}
