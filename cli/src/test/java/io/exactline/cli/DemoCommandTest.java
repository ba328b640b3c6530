package io.exactline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.exactline.core.io.OnnxLoader;
import io.exactline.core.line.ExactLine;
import io.exactline.core.line.LinePartition;
import io.exactline.core.network.Network;
import picocli.CommandLine;

class DemoCommandTest {
    private static Cli.Result demo(String resource) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new DemoCommand(resource));
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute();
        return new Cli.Result(code, out.toString(), err.toString());
    }

    @Test
    void missingBundledNetworkIsExplainedAsAnInternalFailure() {
        Cli.Result result = demo("/io/exactline/acasxu/onnx/absent.onnx");

        assertThat(result.code()).as("%s", result).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("error: the demo cannot run: this build has no bundled ACAS Xu network"
                + " (classpath resource /io/exactline/acasxu/onnx/absent.onnx is missing")
                .contains("./exactline line NETWORK --from A --to B");
    }

    @Test
    void runsExactLineOnTheBundledAcasXuNetworkAndListsTheAdvisoryAlongTheLine(@TempDir Path dir) throws Exception {
        Cli.Result result = Cli.run("demo", "--out", dir.toString());

        Network network;
        try (InputStream in = DemoCommand.class.getResourceAsStream("/io/exactline/acasxu/onnx/"
                + "ACASXU_run2a_1_1_batch_2000.onnx")) {
            network = OnnxLoader.load(in.readAllBytes(), "N_1,1", "N_1,1");
        }
        LinePartition partition = ExactLine.partition(network, DemoCommand.FAR.normalized(),
                DemoCommand.NEAR.normalized());
        List<String> runs = result.out().lines().filter(l -> l.startsWith("    rho ")).toList();
        int pieces = runs.stream().mapToInt(l -> Integer.parseInt(l.replaceAll(".*\\((\\d+) pieces\\)$", "$1"))).sum();
        assertThat(result.code()).as("%s", result).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).contains("affine on each of " + partition.pieceCount() + " pieces");
        assertThat(pieces).as("pieces over all runs").isEqualTo(partition.pieceCount());
        assertThat(runs.get(0)).startsWith("    rho  60760 ..");
        assertThat(runs.get(runs.size() - 1)).contains("..   1000 ft");
        assertThat(runs.size()).as("advisory runs").isGreaterThan(1);
        assertThat(runs.get(0)).contains("COC clear of conflict");
        assertThat(dir.resolve("top-down-1_1.png")).isNotEmptyFile();
        assertThat(result.out()).contains("Picture  " + dir.resolve("top-down-1_1.png").toAbsolutePath());
        // phi_1 holds on N_1,1 (VNN-COMP 2021 ground truth): the demo must prove it within its time budget.
        assertThat(result.out()).contains("Verdict  unsat (engine ");
    }
}
