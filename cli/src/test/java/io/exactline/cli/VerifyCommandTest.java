package io.exactline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.exactline.core.io.NetworkLoader;
import io.exactline.core.network.Network;
import io.exactline.testkit.SharedData;

class VerifyCommandTest {
    @TempDir
    Path temp;

    private static String shared(String relative) {
        return SharedData.require(relative).toString();
    }

    @Test
    void satPrintsTheStatusFirstAndWritesAResultFileWhoseCounterexampleReplays() throws IOException {
        Path result = temp.resolve("result.txt");

        Cli.Result run = Cli.run("verify", shared("vnncomp2021/test/test_sat.onnx"),
                shared("vnncomp2021/test/test_prop.vnnlib"), "--timeout", "60", "--result", result.toString());

        assertThat(run.code()).as("%s", run).isZero();
        assertThat(run.out().lines().findFirst()).as("%s", run).contains("sat");
        List<String> lines = Files.readAllLines(result);
        assertThat(lines.get(0)).isEqualTo("sat");
        double[] x = new double[5];
        double[] y = new double[5];
        for (String line : lines.subList(1, lines.size())) {
            String[] parts = line.replace("(", "").replace(")", "").strip().split(" ");
            int index = Integer.parseInt(parts[0].substring(2));
            (parts[0].startsWith("X") ? x : y)[index] = Double.parseDouble(parts[1]);
        }
        Network net = NetworkLoader.load(SharedData.require("vnncomp2021/test/test_sat.onnx"));
        assertThat(net.evaluate(x)).as("outputs in the result file").containsExactly(y);
        assertThat(y[0]).as("COC is minimal at the counterexample").isLessThanOrEqualTo(
                Math.min(Math.min(y[1], y[2]), Math.min(y[3], y[4])));
        assertThat(temp).isDirectoryContaining(p -> p.getFileName().toString().equals("result.txt"))
                .isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".tmp"));
    }

    @Test
    void unsatIsTheFirstLineForEveryEngineThatProves() {
        for (String engine : new String[] {"auto", "bab", "lp"}) {
            Cli.Result run = Cli.run("verify", shared("vnncomp2021/test/test_unsat.onnx"),
                    shared("vnncomp2021/test/test_prop.vnnlib"), "--engine", engine);

            assertThat(run.code()).as("%s", run).isZero();
            assertThat(run.out()).as("%s", run).startsWith("unsat\nengine " + engine);
        }
    }

    @Test
    void milpsUnsatKeepsTheFirstLineButIsLabelledUncheckedBecauseScipDecidesWithinTolerances() {
        Cli.Result run = Cli.run("verify", shared("vnncomp2021/test/test_unsat.onnx"),
                shared("vnncomp2021/test/test_prop.vnnlib"), "--engine", "milp");

        assertThat(run.code()).as("%s", run).isZero();
        assertThat(run.out()).as("%s", run).startsWith("unsat\nunsat (engine milp, unchecked)\nengine milp");
    }

    @Test
    void falsifiersAnswerUnknownOnAnUnsatInstance() {
        Cli.Result run = Cli.run("verify", shared("vnncomp2021/test/test_unsat.onnx"),
                shared("vnncomp2021/test/test_prop.vnnlib"), "--engine", "pgd");

        assertThat(run.out()).as("%s", run).startsWith("unknown\n");
    }

    @Test
    void badInputGivesExitCode2AndOneLineOnStderr() throws IOException {
        Path broken = Files.writeString(temp.resolve("broken.vnnlib"), "(declare-const X_0 Real)\n(assert (<= X_0");

        Cli.Result mismatch = Cli.run("verify", shared("vnncomp2021/test/test_sat.onnx"),
                shared("vnncomp2021/test/test_nano.vnnlib"));
        Cli.Result malformed = Cli.run("verify", shared("vnncomp2021/test/test_nano.onnx"), broken.toString());
        Cli.Result engine = Cli.run("verify", shared("vnncomp2021/test/test_nano.onnx"),
                shared("vnncomp2021/test/test_nano.vnnlib"), "--engine", "magic");
        Cli.Result timeout = Cli.run("verify", shared("vnncomp2021/test/test_nano.onnx"),
                shared("vnncomp2021/test/test_nano.vnnlib"), "--timeout", "-1");

        for (Cli.Result r : List.of(mismatch, malformed, engine, timeout)) {
            assertThat(r.code()).as("%s", r).isEqualTo(2);
            assertThat(r.out()).as("%s", r).isEmpty();
            assertThat(r.err().lines().count()).as("%s", r).isEqualTo(1);
        }
        assertThat(engine.err()).contains("auto, bab");
    }
}
