package io.exactline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.exactline.testkit.SharedData;

class VnncompCommandTest {
    @TempDir
    Path temp;

    @Test
    void runsTheTestBenchmarkWithPathsRelativeToTheCsvFolder() throws IOException {
        Path csv = SharedData.require("vnncomp2021/test/test_instances.csv");
        Path out = temp.resolve("results.csv");

        Cli.Result run = Cli.run("vnncomp", csv.toString(), "--out", out.toString());

        assertThat(run.code()).as("%s", run).isZero();
        List<String> rows = Files.readAllLines(out);
        assertThat(rows).hasSize(5);
        assertThat(rows).extracting(r -> r.split(",")[0] + "," + r.split(",")[2]).containsExactly(
                "test_nano.onnx,unsat", "test_tiny.onnx,unsat", "test_small.onnx,unsat", "test_sat.onnx,sat",
                "test_unsat.onnx,unsat");
        assertThat(rows).allMatch(r -> r.matches("[^,]+,[^,]+,[a-z]+,\\d+\\.\\d{3}"));
        assertThat(run.out()).startsWith("instances 5, {sat=1, unsat=4}");
        assertThat(run.err()).contains("done: 5 instances");
    }

    @Test
    void searchesSeveralRootsAndDropsALeadingDotSlash() throws IOException {
        Path list = Files.writeString(temp.resolve("list.csv"),
                "./test_nano.onnx,./test_nano.vnnlib,60\n\n");
        Path out = temp.resolve("r.csv");

        Cli.Result run = Cli.run("vnncomp", list.toString(), "--root", temp.toString(), "--root",
                SharedData.require("vnncomp2021/test").toString(), "--out", out.toString(), "--timeout-scale", "0.5");

        assertThat(run.code()).as("%s", run).isZero();
        assertThat(Files.readString(out)).startsWith("./test_nano.onnx,./test_nano.vnnlib,unsat,");
    }

    @Test
    void aMissingInstanceFileIsAnErrorRowAndAMalformedListIsBadInput() throws IOException {
        Path list = Files.writeString(temp.resolve("list.csv"), "missing.onnx,missing.vnnlib,60\n");
        Path malformed = Files.writeString(temp.resolve("bad.csv"), "a.onnx,b.vnnlib\n");
        Path out = temp.resolve("r.csv");

        Cli.Result missing = Cli.run("vnncomp", list.toString(), "--out", out.toString());
        Cli.Result bad = Cli.run("vnncomp", malformed.toString(), "--out", out.toString());

        assertThat(missing.code()).as("%s", missing).isZero();
        assertThat(missing.err()).contains("missing.onnx is not in");
        assertThat(bad.code()).as("%s", bad).isEqualTo(2);
        assertThat(bad.err()).contains("line 1").contains("expected onnx,vnnlib,timeout_seconds");
    }
}
