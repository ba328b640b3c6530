package io.exactline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.exactline.testkit.SharedData;

class MineCommandTest {
    @TempDir
    Path temp;

    /** ACAS Xu N_1,1; the first sample of seed 1 has advisory COC, so one relaxation runs. */
    private static String[] acasRun(Path out) {
        Path net = SharedData.require("acasxu/onnx/ACASXU_run2a_1_1_batch_2000.onnx");
        return new String[] {"preconditions", "mine", net.toString(), "--property", "argmin=0", "--domain", "acasxu",
            "--proof-timeout", "0.5", "--relaxation-timeout", "5", "--samples", "1", "--out", out.toString()};
    }

    @Test
    void minesWritesTheReportsAndResumesWithoutReproving() throws IOException {
        Path out = temp.resolve("run");
        Cli.Result first = Cli.run(acasRun(out));

        assertThat(first.code()).as("%s", first).isZero();
        assertThat(first.out()).contains("1 preconditions; coverage 1/1").hasLineCount(1);
        assertThat(first.err()).contains("1 samples drawn, 1 with argmin=0").contains("sample 0: precondition 0");
        assertThat(out.resolve("report.md")).exists();
        assertThat(Files.readString(out.resolve("report.json"))).contains("\"coverage\"");
        long lines = Files.lines(out.resolve("preconditions.jsonl")).count();
        assertThat(lines).isGreaterThan(1);

        Cli.Result second = Cli.run(acasRun(out));

        assertThat(second.code()).as("%s", second).isZero();
        assertThat(second.err()).contains("resumed").doesNotContain("sample ");
        assertThat(Files.lines(out.resolve("preconditions.jsonl")).count()).isEqualTo(lines);
        assertThat(second.out()).isEqualTo(first.out());
    }

    @Test
    void withLayerTheReportsListLayerCandidatesWithTheirStatus() throws IOException {
        Path out = temp.resolve("layer");
        String[] args = Stream.concat(Arrays.stream(acasRun(out)),
                Stream.of("--layer", "5")).toArray(String[]::new);

        Cli.Result run = Cli.run(args);

        assertThat(run.code()).as("%s", run).isZero();
        assertThat(run.out()).contains("layer 5: 1 candidates");
        assertThat(Files.readString(out.resolve("report.md"))).contains("## Layer preconditions");
        assertThat(Files.readString(out.resolve("report.json"))).contains("\"kind\": \"layer\"");
    }

    @Test
    void aLayerTheNetworkDoesNotHaveIsBadInputBeforeAnyMining() {
        String[] args = Stream.concat(Arrays.stream(acasRun(temp.resolve("bad"))),
                Stream.of("--layer", "6")).toArray(String[]::new);

        Cli.Result run = Cli.run(args);

        assertThat(run.code()).as("%s", run).isEqualTo(2);
        assertThat(run.err()).contains("--layer 6").doesNotContain("samples drawn");
    }

    @Test
    void aTreeDepthBelowOneIsBadInputBeforeAnyMining() {
        String[] args = Stream.concat(Arrays.stream(acasRun(temp.resolve("depth"))),
                Stream.of("--layer", "5", "--tree-depth", "0")).toArray(String[]::new);

        Cli.Result run = Cli.run(args);

        assertThat(run.code()).as("%s", run).isEqualTo(2);
        assertThat(run.err()).contains("--tree-depth").doesNotContain("samples drawn");
    }

    @Test
    void aCheckpointOfAnotherRunIsBadInput() {
        Path out = temp.resolve("run");
        Cli.run(acasRun(out));
        String[] moreSamples = acasRun(out);
        moreSamples[moreSamples.length - 3] = "2";

        Cli.Result other = Cli.run(moreSamples);

        assertThat(other.code()).as("%s", other).isEqualTo(2);
        assertThat(other.err()).contains("records another run").contains("another --out directory");
    }

    @Test
    void aVnnlibPropertyGivesTheDomainAndItsNegatedUnsafeCondition() throws IOException {
        Path net = SharedData.require("acasxu/onnx/ACASXU_run2a_1_1_batch_2000.onnx");
        Path prop1 = SharedData.require("acasxu/vnnlib/prop_1.vnnlib");
        Path out = temp.resolve("run");

        Cli.Result result = Cli.run("preconditions", "mine", net.toString(), "--property", "@" + prop1,
                "--proof-timeout", "0.5", "--relaxation-timeout", "5", "--samples", "3", "--out", out.toString());

        assertThat(result.code()).as("%s", result).isZero();
        // Property 1 is unsat on N_1,1, so every sample has the property "not prop_1.vnnlib".
        assertThat(result.err()).contains("3 samples drawn, 3 with not prop_1.vnnlib");
        assertThat(Files.readString(out.resolve("report.md"))).contains("X_0 in [0.6");
    }

    @Test
    void aVnnlibPropertyWhoseNegationIsADisjunctionIsBadInput() {
        Path net = SharedData.require("acasxu/onnx/ACASXU_run2a_1_1_batch_2000.onnx");
        Path prop3 = SharedData.require("acasxu/vnnlib/prop_3.vnnlib");

        Cli.Result result = Cli.run("preconditions", "mine", net.toString(), "--property", "@" + prop3, "--out",
                temp.toString());
        Cli.Result both = Cli.run("preconditions", "mine", net.toString(), "--property", "@" + prop3, "--domain",
                "acasxu", "--out", temp.toString());

        assertThat(result.code()).as("%s", result).isEqualTo(2);
        assertThat(result.err()).contains("prop_3.vnnlib").contains("4 inequalities");
        assertThat(both.code()).as("%s", both).isEqualTo(2);
        assertThat(both.err()).contains("leave out --domain");
    }

    @Test
    void explainPrintsAProvenPreconditionContainingTheInputAndItsBox() {
        Path net = SharedData.require("acasxu/onnx/ACASXU_run2a_1_1_batch_2000.onnx");
        // Far away and behind: COC (output 0 least), checked by the command itself.
        String x = "0.6,0.2,-0.2,0.3,0.2";

        Cli.Result result = Cli.run("preconditions", "explain", net.toString(), "--input", x, "--property",
                "argmin=0", "--domain", "acasxu", "--samples", "300", "--proof-timeout", "10",
                "--relaxation-timeout", "5");

        assertThat(result.code()).as("%s", result).isZero();
        assertThat(result.out()).contains("precondition of argmin=0").contains("proof: BRANCH_AND_BOUND")
                .contains("pattern: ").contains("under-approximation box: ");
        assertThat(result.err()).contains("signature: 300 constrained, Proven");
    }

    @Test
    void explainRefusesAnInputWithoutTheProperty() {
        Path net = SharedData.require("acasxu/onnx/ACASXU_run2a_1_1_batch_2000.onnx");

        Cli.Result result = Cli.run("preconditions", "explain", net.toString(), "--input", "0.6,0.2,-0.2,0.3,0.2",
                "--property", "argmax=0", "--domain", "acasxu");

        assertThat(result.code()).as("%s", result).isEqualTo(2);
        assertThat(result.err()).contains("does not hold at --input");
    }

    @Test
    void badPropertyAndDomainAreBadInputNamingTheOption() {
        Cli.Result property = Cli.run("preconditions", "mine", Cli.kinks(), "--property", "top=1", "--domain", "-1:1",
                "--out", temp.toString());
        Cli.Result index = Cli.run("preconditions", "mine", Cli.kinks(), "--property", "argmin=7", "--domain", "-1:1",
                "--out", temp.toString());
        Cli.Result domain = Cli.run("preconditions", "mine", Cli.kinks(), "--property", "argmin=0", "--domain",
                "-1:1,0:1", "--out", temp.toString());
        Cli.Result acas = Cli.run("preconditions", "mine", Cli.kinks(), "--property", "argmin=0", "--domain",
                "acasxu", "--out", temp.toString());

        assertThat(property.code()).isEqualTo(2);
        assertThat(property.err()).contains("--property 'top=1'");
        assertThat(index.code()).isEqualTo(2);
        assertThat(index.err()).contains("argmin=7");
        assertThat(domain.code()).isEqualTo(2);
        assertThat(domain.err()).contains("--domain has 2 intervals");
        assertThat(acas.code()).isEqualTo(2);
        assertThat(acas.err()).contains("5 inputs");
    }

    @Test
    void aNetworkWithAnotherActivationIsBadInputNamingTheLayer() {
        // The .nnet loader clips inputs with a HardTanh layer, which has no on/off decision pattern.
        Cli.Result result = Cli.run("preconditions", "mine", Cli.kinks(), "--property", "argmax=0", "--domain",
                "-1:1", "--out", temp.toString());

        assertThat(result.code()).as("%s", result).isEqualTo(2);
        assertThat(result.err()).contains("layer 1 (HardTanh").contains("not a ReLU");
    }
}
