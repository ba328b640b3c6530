package io.exactline.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.exactline.core.BadInputException;
import io.exactline.core.network.Network;
import io.exactline.verifier.bab.BabEngine;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.property.LinearInequality;
import io.exactline.verifier.property.OutputCondition;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.property.Variable;
import io.exactline.verifier.verdict.Assurance;
import io.exactline.verifier.verdict.CertificateChecker;
import io.exactline.verifier.verdict.Sat;
import io.exactline.verifier.verdict.Unknown;
import io.exactline.verifier.verdict.Unsat;
import io.exactline.verifier.verdict.Verdict;

/**
 * The engine SPI: built-in and plug-in engines found by {@link java.util.ServiceLoader}, and the two rules that keep
 * a plug-in from weakening soundness, checked with the deliberately wrong engines of {@link ToyPlugins}.
 */
class EngineSpiTest {
    private static final Network RELU_PAIR = TestNetworks.reluPair();
    /** relu(x) >= 0.5 for some x in [-1, 1]: sat (x = 1). */
    private static final Property REACHABLE = Property.of("relu(x) >= 0.5", new Box(new double[] {-1},
            new double[] {1}), 2, OutputCondition.of(LinearInequality.atLeast(Variable.output(0), 0.5)));

    private static Verdict verify(String engine, CertificateChecker checker) {
        return Engines.byName(engine, checker).verify(RELU_PAIR, REACHABLE, Deadline.after(Duration.ofMinutes(1)));
    }

    @Test
    void builtInEnginesComeFirstAndPluginsFollowByName() {
        assertThat(Engines.names()).startsWith("auto", "bab", "lp", "smt", "milp", "pgd", "sampling")
                .contains("toy-certified", "toy-crash", "toy-sat", "toy-unsat").doesNotHaveDuplicates();
        for (EngineProvider p : Engines.providers()) {
            assertThat(Engines.byName(p.name()).name()).isEqualTo(p.name());
            assertThat(Engines.isBuiltIn(p)).as(p.name()).isEqualTo(!p.name().startsWith("toy-"));
        }
    }

    @Test
    void aPluginCannotTakeABuiltInName() {
        assertThat(Engines.byName("bab")).isInstanceOf(BabEngine.class);
        assertThat(Engines.providers().stream().filter(p -> p.name().equals("bab"))).hasSize(1)
                .allMatch(Engines::isBuiltIn);
    }

    @Test
    void aPluginsUncertifiedUnsatIsLabelledUnchecked() {
        Verdict v = verify("toy-unsat", CertificateChecker.NONE);

        assertThat(v.status()).isEqualTo("unsat");
        Unsat unsat = (Unsat) v;
        assertThat(unsat.assurance()).isEqualTo(Assurance.UNCHECKED);
        assertThat(unsat.unchecked()).isTrue();
        assertThat(unsat.label()).isEqualTo("unsat (engine toy-unsat, unchecked)");
    }

    @Test
    void aPluginsCertificateCountsOnlyWhenTheCheckerAcceptsIt() {
        CertificateChecker acceptsToys = (network, property, certificate) -> certificate.kind().equals("toy")
                ? Optional.empty() : Optional.of("not a toy certificate");
        CertificateChecker rejectsAll = (network, property, certificate) -> Optional.of("rejected");

        Unsat accepted = (Unsat) verify("toy-certified", acceptsToys);
        Unsat rejected = (Unsat) verify("toy-certified", rejectsAll);
        Unsat noChecker = (Unsat) verify("toy-certified", CertificateChecker.NONE);
        Unsat noCertificate = (Unsat) verify("toy-unsat", acceptsToys);

        assertThat(accepted.assurance()).isEqualTo(Assurance.CERTIFIED);
        assertThat(accepted.label()).isEqualTo("unsat (engine toy-certified, certificate checked)");
        assertThat(rejected.assurance()).isEqualTo(Assurance.UNCHECKED);
        assertThat(noChecker.assurance()).isEqualTo(Assurance.UNCHECKED);
        assertThat(noCertificate.assurance()).isEqualTo(Assurance.UNCHECKED);
    }

    @Test
    void byDefaultASplitTreeCertificateIsCheckedByTheProductsOwnChecker() {
        Property unreachable = Property.of("relu(x) >= 2", new Box(new double[] {-1}, new double[] {1}), 2,
                OutputCondition.of(LinearInequality.atLeast(Variable.output(0), 2)));

        Verdict proved = Engines.byName("toy-split-tree").verify(RELU_PAIR, unreachable, Deadline.unlimited());
        Verdict forged = Engines.byName("toy-forger").verify(RELU_PAIR, unreachable, Deadline.unlimited());
        Verdict toy = Engines.byName("toy-certified").verify(RELU_PAIR, unreachable, Deadline.unlimited());

        assertThat(proved).isInstanceOfSatisfying(Unsat.class,
                u -> assertThat(u.assurance()).as("%s", u).isEqualTo(Assurance.CERTIFIED));
        assertThat(forged).as("a certificate of another property").isInstanceOfSatisfying(Unsat.class,
                u -> assertThat(u.assurance()).isEqualTo(Assurance.UNCHECKED));
        assertThat(toy).as("a kind the checker does not know").isInstanceOfSatisfying(Unsat.class,
                u -> assertThat(u.assurance()).isEqualTo(Assurance.UNCHECKED));
    }

    @Test
    void aPluginsSatWithACounterexampleOfAnotherPropertyIsNotSat() {
        Property unreachable = Property.of("relu(x) >= 2", new Box(new double[] {-1}, new double[] {1}), 2,
                OutputCondition.of(LinearInequality.atLeast(Variable.output(0), 2)));

        Verdict v = Engines.byName("toy-sat").verify(RELU_PAIR, unreachable, Deadline.unlimited());

        assertThat(v).isInstanceOf(Unknown.class);
        assertThat(((Unknown) v).reason()).contains("toy-sat claimed sat").contains("not in the unsafe set");
    }

    @Test
    void aPluginsSatStandsWhenItsCounterexampleIsGenuine() {
        // The toy's point is the box midpoint x = 0, where relu(x) = 0 >= 0 holds.
        Property everywhere = Property.of("relu(x) >= 0", new Box(new double[] {-1}, new double[] {1}), 2,
                OutputCondition.of(LinearInequality.atLeast(Variable.output(0), 0)));
        Verdict genuine = Engines.byName("toy-sat").verify(RELU_PAIR, everywhere, Deadline.unlimited());
        assertThat(genuine).isInstanceOf(Sat.class);
        assertThat(genuine.provenance().engine()).isEqualTo("toy-sat");
    }

    @Test
    void aCrashingPluginGivesUnknownNamingIt() {
        Verdict v = verify("toy-crash", CertificateChecker.NONE);

        assertThat(v).isInstanceOf(Unknown.class);
        assertThat(((Unknown) v).reason()).contains("engine toy-crash failed").contains("toy engine crashed");
    }

    @Test
    void builtInUnsatIsNeitherUncheckedNorRelabelled() {
        Property unreachable = Property.of("relu(x) >= 2", new Box(new double[] {-1}, new double[] {1}), 2,
                OutputCondition.of(LinearInequality.atLeast(Variable.output(0), 2)));

        Verdict v = Engines.byName("bab").verify(RELU_PAIR, unreachable, Deadline.after(Duration.ofMinutes(1)));

        assertThat(v).isInstanceOf(Unsat.class);
        assertThat(((Unsat) v).assurance()).isEqualTo(Assurance.BUILT_IN);
        assertThat(((Unsat) v).label()).isEqualTo("unsat (engine bab)");
    }

    @Test
    void anUnknownNameListsTheInstalledEngines() {
        assertThatThrownBy(() -> Engines.byName("reluplex")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("unknown engine 'reluplex'").hasMessageContaining("lp, smt, milp");
    }
}
