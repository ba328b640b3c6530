package io.exactline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.exactline.verifier.verdict.Assurance;
import io.exactline.verifier.verdict.Provenance;
import io.exactline.verifier.verdict.Unsat;

class EnginesCommandTest {
    private static final Provenance PLUGIN = Provenance.of("my-solver", Map.of(), Duration.ofMillis(5), Map.of(),
            "sha256:00", "p.vnnlib");

    @Test
    void enginesListsEveryBuiltInEngineWithItsGuarantee() {
        Cli.Result run = Cli.run("engines");

        assertThat(run.code()).as("%s", run).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).startsWith("engine").contains("complete", "sound-fp", "certificates");
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("lp +built-in +yes +yes +no +.*GLOP.*"))
                .anySatisfy(l -> assertThat(l).matches("smt +built-in +yes +yes +no +.*Z3.*"))
                .anySatisfy(l -> assertThat(l).matches("milp +built-in +yes +no +no +.*SCIP.*not a proof.*"))
                .anySatisfy(l -> assertThat(l).matches("auto +built-in .*"))
                .anySatisfy(l -> assertThat(l).matches("sampling +built-in +no +.*"));
    }

    @Test
    void anUncheckedPluginUnsatKeepsTheFirstLineAndPutsItsLabelOnTheSecond() {
        String report = VerifyCommand.report(new Unsat(Optional.empty(), PLUGIN, Assurance.UNCHECKED));

        assertThat(report.lines().toList()).startsWith("unsat", "unsat (engine my-solver, unchecked)");
        assertThat(report.lines().skip(2).findFirst()).hasValueSatisfying(l -> assertThat(l).startsWith(
                "engine my-solver"));
    }

    @Test
    void aBuiltInUnsatHasNoLabelLine() {
        String report = VerifyCommand.report(Unsat.uncertified(PLUGIN));

        assertThat(report.lines().toList()).startsWith("unsat").element(1).asString().startsWith("engine my-solver");
    }
}
