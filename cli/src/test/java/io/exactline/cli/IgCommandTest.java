package io.exactline.cli;

import static io.exactline.cli.EvalCommandTest.assertBadInput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.exactline.testkit.SharedData;

class IgCommandTest {
    @TempDir
    Path temp;

    /** The attribution column of the CSV, after checking the header and the index column. */
    private static double[] attributions(Cli.Result result) {
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("index,attribution");
        double[] values = new double[lines.size() - 1];
        for (int i = 0; i < values.length; i++) {
            String[] cells = lines.get(i + 1).split(",");
            assertThat(cells[0]).isEqualTo(Integer.toString(i));
            values[i] = Double.parseDouble(cells[1]);
        }
        return values;
    }

    @Test
    void exactIntegratedGradientsMatchTheHandComputedIntegral() {
        // From (−1, −1) to (1, 2): unit 0 is on for t > 1/2, unit 1 for t > 1/3, so IG = (2 · 1/2, 3 · 2/3) = (1, 2)
        // on 3 pieces; the output y0 changes by 3 − 0.
        Cli.Result result = Cli.run("ig", Cli.relus2(), "--input", "1,2", "--baseline", "-1,-1");

        assertThat(result.code()).as("%s", result).isZero();
        assertThat(attributions(result)).containsExactly(new double[] {1, 2}, within(1e-15));
        assertThat(result.err()).startsWith("# target 0, pieces 3, method exact, output change 3.0000000000000000")
                .contains("completeness gap").hasLineCount(1);
    }

    @Test
    void leftSumWithTwoStepsSamplesTheStartAndTheMiddle() {
        // t = 0: both units off; t = 1/2 at (0, 0.5): both on (a sample on a kink takes the piece starting there).
        // IG~ = (x − x') ⊙ (0 + 1)/2 = (1, 1.5); sum 2.5 against a change of 3.
        Cli.Result result = Cli.run("ig", Cli.relus2(), "--input", "1,2", "--baseline", "-1,-1", "--method", "left",
                "--steps", "2");

        assertThat(result.code()).as("%s", result).isZero();
        assertThat(attributions(result)).containsExactly(new double[] {1, 1.5}, within(1e-15));
        assertThat(result.err()).contains("method left with 2 sub-intervals").contains("sum 2.5000000000000000");
    }

    @Test
    void targetPicksTheAttributedOutput() {
        Cli.Result result = Cli.run("ig", Cli.relus2(), "--input", "1,2", "--baseline", "zeros", "--target", "1");

        assertThat(result.code()).as("%s", result).isZero();
        assertThat(attributions(result)).containsExactly(0, 0);
        assertThat(result.err()).startsWith("# target 1, pieces 1,").contains("relative undefined");
    }

    @Test
    void heatmapOfACifarImageIsOneBlockPerPixel() throws Exception {
        Path network = SharedData.require("vnncomp2021/marabou-cifar10/nets/cifar10_small.onnx");
        Path image = temp.resolve("gray.txt");
        Files.writeString(image, "0.5\n".repeat(32 * 32 * 3));
        Path png = temp.resolve("heat.png");

        Cli.Result result = Cli.run("ig", network.toString(), "--input", "@" + image, "--baseline", "zeros",
                "--heatmap", png.toString(), "--layout", "hwc");

        assertThat(result.code()).as("%s", result).isZero();
        assertThat(result.out().lines()).hasSize(32 * 32 * 3 + 1);
        BufferedImage picture = ImageIO.read(png.toFile());
        assertThat(picture.getWidth()).isEqualTo(32 * 8);
        assertThat(picture.getHeight()).isEqualTo(32 * 8);
    }

    @Test
    void badInputGivesExitCodeTwoAndOneLine() {
        assertBadInput(Cli.run("ig", temp.resolve("missing.nnet").toString(), "--input", "1,2", "--baseline",
                "zeros"), "error: ");
        assertBadInput(Cli.run("ig", Cli.relus2(), "--input", "1,2,3", "--baseline", "zeros"), "error: ");
        assertBadInput(Cli.run("ig", Cli.relus2(), "--input", "1,2", "--baseline", "@" + temp.resolve("none.txt")),
                "error: ");
        assertBadInput(Cli.run("ig", Cli.relus2(), "--input", "1,2", "--baseline", "zeros", "--method", "left"),
                "error: --method left needs --steps");
        assertBadInput(Cli.run("ig", Cli.relus2(), "--input", "1,2", "--baseline", "zeros", "--target", "2"),
                "error: --target 2 is not an output");
        assertBadInput(Cli.run("ig", Cli.relus2(), "--input", "1,2", "--baseline", "zeros", "--heatmap",
                temp.resolve("h.png").toString()), "error: ");
    }
}
