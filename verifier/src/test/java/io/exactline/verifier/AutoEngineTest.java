package io.exactline.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.exactline.core.network.Network;
import io.exactline.verifier.bab.BabEngine;
import io.exactline.verifier.falsify.GradientFalsifier;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.property.LinearInequality;
import io.exactline.verifier.property.OutputCondition;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.property.Variable;
import io.exactline.verifier.verdict.Sat;
import io.exactline.verifier.verdict.Unsat;
import io.exactline.verifier.verdict.Verdict;

class AutoEngineTest {
    /** A falsifier that would evaluate a hundred million points per conjunction before its descents. */
    private static final GradientFalsifier ENDLESS = new GradientFalsifier(10, 50, 1L, 100_000_000);

    /** On [0,1]^2, x0 + x1 is at most 2: "Y_0 >= bound" is unsat for bound 3 and sat for bound 1.5. */
    private static Property firstOutputAtLeast(double bound) {
        return Property.of("Y_0 >= " + bound, new Box(new double[] {0, 0}, new double[] {1, 1}), 2,
                OutputCondition.of(LinearInequality.atLeast(Variable.output(0), bound)));
    }

    @Test
    void aFalsifierThatWouldRunPastTheDeadlineGivesWayToTheProof() {
        Network net = TestNetworks.sumAndDifference();

        Verdict verdict = new AutoEngine(ENDLESS, new BabEngine()).verify(net, firstOutputAtLeast(3),
                Deadline.after(Duration.ofSeconds(60)));

        assertThat(verdict).as("%s", verdict).isInstanceOf(Unsat.class);
    }

    @Test
    void aCounterexampleIsStillFoundWhenTheFalsifierIsCutShort() {
        Network net = TestNetworks.sumAndDifference();

        Verdict verdict = new AutoEngine(ENDLESS, new BabEngine()).verify(net, firstOutputAtLeast(1.5),
                Deadline.after(Duration.ofSeconds(60)));

        assertThat(verdict).as("%s", verdict).isInstanceOf(Sat.class);
        double[] x = ((Sat) verdict).counterexample().input();
        assertThat(net.evaluate(x)[0]).as("Y_0 at %s", Arrays.toString(x)).isGreaterThanOrEqualTo(1.5);
    }
}
