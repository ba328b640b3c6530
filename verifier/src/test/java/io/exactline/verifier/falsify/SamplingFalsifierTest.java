package io.exactline.verifier.falsify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.exactline.core.BadInputException;
import io.exactline.core.network.Network;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.TestNetworks;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.property.LinearInequality;
import io.exactline.verifier.property.OutputCondition;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.property.PropertyCase;
import io.exactline.verifier.property.Variable;
import io.exactline.verifier.verdict.NetworkDigest;
import io.exactline.verifier.verdict.Sat;
import io.exactline.verifier.verdict.Timeout;
import io.exactline.verifier.verdict.Unknown;
import io.exactline.verifier.verdict.Verdict;

class SamplingFalsifierTest {
    private static final Box UNIT = new Box(new double[] {-1}, new double[] {1});

    private static Property atLeast(double bound) {
        return Property.of("Y_0 >= " + bound, UNIT, 1, OutputCondition.of(LinearInequality.atLeast(Variable.output(0), bound)));
    }

    @Test
    void findsACheckedCounterexampleWhenTheUnsafeSetIsLarge() {
        Network net = TestNetworks.identity();
        Verdict v = new SamplingFalsifier(1000, 1).verify(net, atLeast(0.5), Deadline.unlimited());

        assertThat(v).isInstanceOf(Sat.class);
        Sat sat = (Sat) v;
        double x = sat.counterexample().input()[0];
        assertThat(x).as("counterexample %s", sat.counterexample()).isBetween(0.5, 1.0);
        assertThat(sat.counterexample().output()).containsExactly(x);
        assertThat(v.provenance().engine()).isEqualTo("sampling");
        assertThat(v.provenance().settings()).containsEntry("samples", "1000").containsEntry("seed", "1");
        assertThat(v.provenance().counts().get("samples")).isBetween(2L, 1000L);
        assertThat(v.provenance().networkDigest()).isEqualTo(NetworkDigest.of(net));
        assertThat(v.provenance().property()).isEqualTo("Y_0 >= 0.5");
    }

    @Test
    void triesTheMidpointFirst() {
        Verdict v = new SamplingFalsifier(1000, 1).verify(TestNetworks.identity(), atLeast(0), Deadline.unlimited());

        assertThat(((Sat) v).counterexample().input()).containsExactly(0.0);
        assertThat(v.provenance().counts()).containsEntry("samples", 1L);
    }

    @Test
    void answersUnknownNeverUnsatWhenNothingIsFound() {
        Property negative = Property.of("negative output", UNIT, 2,
                OutputCondition.of(LinearInequality.atMost(Variable.output(0), -0.001)));
        Verdict v = new SamplingFalsifier(200, 3).verify(TestNetworks.reluPair(), negative, Deadline.unlimited());

        assertThat(v).isInstanceOf(Unknown.class);
        assertThat(((Unknown) v).reason()).contains("no counterexample among 200 sampled inputs");
        assertThat(v.provenance().counts()).containsEntry("samples", 200L);
        assertThat(new SamplingFalsifier(1, 0).guarantee().complete()).isFalse();
    }

    @Test
    void samplesEveryCaseAndReportsWhichOneMatched() {
        PropertyCase left = new PropertyCase(new Box(new double[] {-1}, new double[] {-0.5}),
                OutputCondition.of(LinearInequality.atLeast(Variable.output(0), 0)));
        PropertyCase right = new PropertyCase(new Box(new double[] {0.5}, new double[] {1}),
                OutputCondition.of(LinearInequality.atLeast(Variable.output(0), 0.9)));
        Property p = new Property("two boxes", 1, 1, List.of(left, right));

        Sat sat = (Sat) new SamplingFalsifier(1000, 5).verify(TestNetworks.identity(), p, Deadline.unlimited());

        assertThat(sat.counterexample().match().caseIndex()).isEqualTo(1);
        assertThat(sat.counterexample().input()[0]).isBetween(0.9, 1.0);
    }

    @Test
    void timesOutCooperativelyWhenTheDeadlinePasses() {
        AtomicLong clock = new AtomicLong();
        Deadline deadline = Deadline.after(Duration.ofMillis(5), () -> clock.addAndGet(1_000_000));
        Property unreachable = atLeast(2);

        Verdict v = new SamplingFalsifier(1_000_000, 1).verify(TestNetworks.identity(), unreachable, deadline);

        assertThat(v).isInstanceOf(Timeout.class);
        assertThat(((Timeout) v).budget()).isEqualTo(Duration.ofMillis(5));
        assertThat(v.provenance().counts().get("samples")).isBetween(1L, 10L);
    }

    @Test
    void sameSeedSameAnswer() {
        Property p = atLeast(0.99);
        Sat a = (Sat) new SamplingFalsifier(10_000, 42).verify(TestNetworks.identity(), p, Deadline.unlimited());
        Sat b = (Sat) new SamplingFalsifier(10_000, 42).verify(TestNetworks.identity(), p, Deadline.unlimited());

        assertThat(a.counterexample().input()).containsExactly(b.counterexample().input());
    }

    @Test
    void refusesMismatchedNetworkAndBadSettings() {
        assertThatThrownBy(() -> new SamplingFalsifier(10, 0).verify(TestNetworks.sumAndDifference(), atLeast(0),
                Deadline.unlimited())).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> new SamplingFalsifier(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
