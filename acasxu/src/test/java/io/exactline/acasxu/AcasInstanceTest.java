package io.exactline.acasxu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.exactline.verifier.Engines;
import io.exactline.verifier.verdict.Sat;

class AcasInstanceTest {

    @Test
    void planRunsEachPropertyOnTheListedNetworksItIsStatedFor() {
        assertThat(AcasInstance.plan(AcasProperty.all(), NetworkId.all(), false)).hasSize(171);
        assertThat(AcasInstance.plan(AcasProperty.all(), NetworkId.all(), true)).hasSize(186);

        List<AcasInstance> plan = AcasInstance.plan(AcasProperty.parseList("2-5"),
                Set.of(NetworkId.parse("1_1"), NetworkId.parse("1_8"), NetworkId.parse("3_3")), false);

        assertThat(plan).extracting(AcasInstance::toString).containsExactly("\u03c62 on N_3_3", "\u03c63 on N_1_1",
                "\u03c63 on N_3_3", "\u03c64 on N_1_1", "\u03c64 on N_3_3", "\u03c65 on N_1_1");
    }

    @Test
    void aCounterexampleJustOutsideThePhysicalRegionIsMovedInsideWhenItStillViolates() {
        AcasInstance instance = new AcasInstance(NetworkId.parse("2_9"), AcasProperty.phi(2));

        AcasOutcome outcome = instance.verify(Engines.byName("auto"), Duration.ofSeconds(100));

        assertThat(outcome.verdict()).as("%s", outcome).isInstanceOf(Sat.class);
        AcasCounterexample found = outcome.counterexample().orElseThrow();
        assertThat(AcasProperty.phi(2).region().get(0).contains(found.state())).as("%s", found).isTrue();
        double[] scores = AcasNetworks.bundled(instance.network()).evaluate(found.state().normalized());
        assertThat(scores).containsExactly(found.scores());
        assertThat(AcasProperty.phi(2).requirement().holds(scores)).as("%s", found).isFalse();
    }

    @Test
    void aSatOutcomeGivesItsCounterexampleInPhysicalUnitsWithTheAdvisoryItProduces() {
        AcasInstance instance = new AcasInstance(NetworkId.parse("1_7"), AcasProperty.phi(4));

        AcasOutcome outcome = instance.verify(Engines.byName("auto"), Duration.ofSeconds(100));

        assertThat(outcome.verdict()).as("%s", outcome).isInstanceOf(Sat.class);
        AcasCounterexample found = outcome.counterexample().orElseThrow();
        double[] normalized = ((Sat) outcome.verdict()).counterexample().input();
        assertThat(found.state().normalized()).containsExactly(normalized, within(1e-12));
        assertThat(found.advisory()).isEqualTo(Advisory.COC);
        assertThat(AcasProperty.phi(4).requirement().holds(found.scores())).isFalse();
        assertThat(found.physicalScores()[0]).isEqualTo(Normalization.denormalizeScore(found.scores()[0]));
        assertThat(outcome.seconds()).isPositive();
    }
}
