package io.exactline.cli;

import static io.exactline.cli.EvalCommandTest.assertBadInput;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.exactline.testkit.SharedData;

class StudyCommandsTest {
    @TempDir
    Path temp;

    @Test
    void igStudyOnOneCifarImageWritesItsTablesAndPlots() {
        Path root = SharedData.require("vnncomp2021");
        Path out = temp.resolve("ig");

        Cli.Result result = Cli.run("ig-study", "--root", root.toString(), "--out", out.toString(), "--nets",
                "cifar10_small", "--max-images", "1");

        assertThat(result.code()).as("%s", result).isZero();
        assertThat(result.out()).contains("| cifar10_small | 1 | ").contains("Mean relative error (headline)");
        assertThat(result.err()).startsWith("cifar10_small 1/1 ");
        assertThat(out.resolve("ig-study.md")).exists();
        assertThat(out.resolve("ig-study.csv")).content().hasLineCount(2);
        assertThat(out.resolve("ig-study.png")).exists();
        assertThat(out.resolve("ig-study-cifar10_small.png")).exists();
    }

    @Test
    void linearityStudyOnOneMnistImage() {
        Path root = SharedData.require("vnncomp2021");
        Path out = temp.resolve("lin");

        Cli.Result result = Cli.run("linearity-study", "--root", root.toString(), "--out", out.toString(), "--nets",
                "mnist-net_256x2", "--images", "1", "--directions", "2");

        assertThat(result.code()).as("%s", result).isZero();
        assertThat(result.out()).contains("| mnist-net_256x2 | mnistfc | 0.007843 | 1 | 2 / 1 |");
        assertThat(out.resolve("linearity.csv")).content().hasLineCount(4);
        assertThat(out.resolve("linearity-gradient-sign.png")).exists();
    }

    @Test
    void studiesRefuseUnknownNetworksMissingRootsAndBadCounts() {
        assertBadInput(Cli.run("ig-study", "--nets", "lenet"), "error: --nets: unknown network 'lenet'");
        assertBadInput(Cli.run("ig-study", "--root", temp.resolve("nowhere").toString(), "--nets", "cifar10_small"),
                "error: ");
        assertBadInput(Cli.run("ig-study", "--max-images", "0"), "error: --max-images");
        assertBadInput(Cli.run("linearity-study", "--images", "0"), "error: --images");
        assertBadInput(Cli.run("linearity-study", "--epsilon", "-1"), "error: --epsilon");
    }

    @Test
    void robustnessWithoutPerturbationAgreesCompletely() {
        Cli.Result result = Cli.run("ig-robustness", Cli.relus2(), "--input", "1,2", "--epsilon", "0", "--samples",
                "2", "--top-k", "1", "--gradient-sign");

        assertThat(result.code()).as("%s", result).isZero();
        assertThat(result.out()).isEqualTo("""
                perturbation,kind,predicted,kendall_tau,top_k_intersection,pieces
                0,random,0,1.0000000000000000,1.0000000000000000,1
                1,random,0,1.0000000000000000,1.0000000000000000,1
                2,gradient-sign,0,1.0000000000000000,1.0000000000000000,1
                """);
        assertThat(result.err()).contains("# random: mean kendall_tau 1.000000, mean top_k_intersection 1.000000");
    }

    @Test
    void robustnessClipsToTheRange() {
        // From (1, 2) the gradient-sign step lowers y0: (1 − 5, 2 − 5) clipped to [0.5, 9] is (0.5, 0.5), where
        // IG = (0.5, 0.5) ties: the top-1 feature (x1 at the input) is index 0 there.
        Cli.Result result = Cli.run("ig-robustness", Cli.relus2(), "--input", "1,2", "--epsilon", "5", "--samples",
                "0", "--top-k", "1", "--gradient-sign", "--range", "0.5,9");

        assertThat(result.code()).as("%s", result).isZero();
        assertThat(result.out()).endsWith("0,gradient-sign,0,,0.0000000000000000,1\n");
    }

    @Test
    void robustnessRefusesBadArguments() {
        assertBadInput(Cli.run("ig-robustness", Cli.relus2(), "--input", "1,2", "--top-k", "3"), "error: top-K");
        assertBadInput(Cli.run("ig-robustness", Cli.relus2(), "--input", "1,2", "--range", "1"), "error: --range");
        assertBadInput(Cli.run("ig-robustness", Cli.relus2(), "--input", "1"), "error: ");
    }
}
