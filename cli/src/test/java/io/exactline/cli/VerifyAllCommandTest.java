package io.exactline.cli;

import static io.exactline.cli.EvalCommandTest.assertBadInput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.exactline.acasxu.AcasNetworks;
import io.exactline.acasxu.AcasProperty;
import io.exactline.acasxu.Advisory;
import io.exactline.acasxu.EncounterState;
import io.exactline.acasxu.NetworkId;
import io.exactline.acasxu.Normalization;

class VerifyAllCommandTest {
    @TempDir
    Path temp;

    @Test
    void anUncheckedUnsatIsLabelledInItsRow() {
        Cli.Result result = Cli.run("acasxu", "verify-all", "--properties", "3", "--networks", "1_6",
                "--engine", "milp", "--timeout", "100");

        assertThat(result.code()).as("%s", result).isZero();
        assertThat(result.out().lines().toList().get(1)).as("%s", result)
                .matches("prop_3 +1_6 +unsat +[0-9.]+ +unsat \\(engine milp, unchecked\\)");
    }

    @Test
    void phi3AndPhi4HoldOn2_1AndFailOn1_7WithACocCounterexampleInsideTheRegion() throws IOException {
        Path csv = temp.resolve("results.csv");

        Cli.Result result = Cli.run("acasxu", "verify-all", "--properties", "3,4", "--networks", "2_1,1_7",
                "--vnncomp2021", "--timeout", "100", "--out", csv.toString());

        assertThat(result.code()).as("%s", result).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).startsWith("property network verdict");
        assertThat(lines.get(1)).as("%s", result).matches("prop_3 +1_7 +sat .* COC +rho=.*");
        assertThat(lines.get(2)).as("%s", result).matches("prop_3 +2_1 +unsat +[0-9.]+");
        assertThat(lines.get(3)).as("%s", result).matches("prop_4 +1_7 +sat .* COC +rho=.*");
        assertThat(lines.get(4)).as("%s", result).matches("prop_4 +2_1 +unsat +[0-9.]+");
        assertThat(result.out()).contains("prop_3   1 sat, 1 unsat  (the advisory is not COC)")
                .contains("total    4 instances: 2 sat, 2 unsat")
                .contains("\nengine auto, timeout 100 s per instance, pairs of VNN-COMP 2021\n");
        assertThat(result.err()).contains("done: 4 instances {sat=2, unsat=2}");

        List<String> rows = Files.readAllLines(csv);
        assertThat(rows.get(0)).startsWith("property,network,verdict,seconds,advisory,rho,theta,psi,vown,vint,");
        assertThat(rows).hasSize(5);
        for (String row : rows.subList(1, 5)) {
            String[] f = row.split(",", -1);
            assertThat(f).as(row).hasSize(16);
            if (f[2].equals("sat")) {
                double[] encounter = Arrays.stream(f, 5, 10).mapToDouble(Double::parseDouble).toArray();
                double[] scores = AcasNetworks.bundled(NetworkId.parse(f[1]))
                        .evaluate(EncounterState.of(encounter).normalized());
                AcasProperty property = AcasProperty.phi(Integer.parseInt(f[0].substring(5)));
                assertThat(property.region().get(0).contains(EncounterState.of(encounter))).as(row).isTrue();
                assertThat(Advisory.of(scores)).as(row).isEqualTo(Advisory.COC).hasToString(f[4]);
                assertThat(Double.parseDouble(f[10])).as(row)
                        .isCloseTo(Normalization.denormalizeScore(scores[0]), within(1e-9));
            }
        }
    }

    @Test
    void jsonResultsNameTheRequirementAndTheCounterexample() throws IOException {
        Path json = temp.resolve("results.json");

        Cli.Result result = Cli.run("acasxu", "verify-all", "--properties", "4", "--networks", "1_7",
                "--vnncomp2021", "--out", json.toString());

        assertThat(result.code()).as("%s", result).isZero();
        String text = Files.readString(json);
        assertThat(text).startsWith("{\n  \"engine\": \"auto\",\n  \"results\": [\n")
                .contains("{\"property\": \"prop_4\", \"network\": \"1_7\", \"requirement\": \"the advisory is not COC\","
                        + " \"verdict\": \"sat\", \"seconds\": ")
                .contains("\"advisory\": \"COC\", \"encounter\": [").endsWith("]}\n  ]\n}\n");
    }

    @Test
    void thePapersExceptionsAreLeftOutUnlessVnncompPairsAreAskedFor() {
        assertBadInput(Cli.run("acasxu", "verify-all", "--properties", "3,4", "--networks", "1_7,1_8"),
                "error: no property of --properties 3,4 applies to a network of --networks 1_7,1_8; add --vnncomp2021");
    }

    @Test
    void badOptionsExitWith2BeforeRunning() {
        assertBadInput(Cli.run("acasxu", "verify-all", "--properties", "11"), "error: properties '11'");
        assertBadInput(Cli.run("acasxu", "verify-all", "--networks", "6_1"), "error: --networks 6_1:");
        assertBadInput(Cli.run("acasxu", "verify-all", "--timeout", "0"), "error: --timeout must be a positive number");
        assertBadInput(Cli.run("acasxu", "verify-all", "--engine", "magic"), "error: unknown engine 'magic'");
        assertBadInput(Cli.run("acasxu", "verify-all", "--out", temp.resolve("r.txt").toString()),
                "error: --out " + temp.resolve("r.txt") + ": name the file .csv or .json");
        assertBadInput(Cli.run("acasxu", "verify-all", "--out", temp.resolve("no/r.csv").toString()),
                "error: --out " + temp.resolve("no/r.csv") + ": folder");
    }
}
