package io.exactline.cli;

import static io.exactline.cli.EvalCommandTest.assertBadInput;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.exactline.core.plane.PlaneImage;
import io.exactline.testkit.SharedData;

class PlaneCommandTest {
    private static final Pattern REGION = Pattern.compile("\\{\"id\": (\\d+), \"pattern_hash\": \"([0-9a-f]{16})\","
            + " \"label\": (\\d+), \"constant_label\": (true|false), \"area\": ([-0-9.eE]+)");

    @TempDir
    Path temp;

    @Test
    void theSquareAroundTheOriginSplitsIntoItsFourQuadrants() throws Exception {
        // y0 = relu(x0) + relu(x1) against y1 = 0.6 on [−1, 1]²: the ReLUs cut along both axes. In the (−, −)
        // quadrant y0 = 0 < 0.6, so label 1 everywhere; in the others y0 crosses 0.6, so no constant label.
        Path vertices = temp.resolve("square.txt");
        Files.writeString(vertices, "-1 -1\n1, -1\n\n1 1\n-1 1\n");
        Path png = temp.resolve("square.png");

        Cli.Result result = Cli.run("plane", Cli.relus2(), "--vertices", "@" + vertices, "--png", png.toString());

        assertThat(result.code()).as("%s", result).isZero();
        assertThat(result.out()).contains("\"polygon_area\": 4.0000000000000000").contains("\"region_count\": 4");
        Matcher m = REGION.matcher(result.out());
        int regions = 0;
        int constant = 0;
        Set<String> hashes = new HashSet<>();
        while (m.find()) {
            regions++;
            assertThat(Double.parseDouble(m.group(5))).isEqualTo(1.0);
            hashes.add(m.group(2));
            if (m.group(4).equals("true")) {
                constant++;
                assertThat(m.group(3)).isEqualTo("1");
            }
        }
        assertThat(regions).isEqualTo(4);
        assertThat(constant).isEqualTo(1);
        assertThat(hashes).as("distinct activation patterns").hasSize(4);
        BufferedImage picture = ImageIO.read(png.toFile());
        // Bottom-left quadrant (x0, x1 < 0; w points up) has label 1.
        assertThat(picture.getRGB(100, 700)).isEqualTo(PlaneImage.categorical(1).getRGB());
    }

    @Test
    void inlineVerticesAndArgminLabels() {
        Cli.Result result = Cli.run("plane", Cli.relus2(), "--vertices", "0.1,0.1;1,0.1;1,1", "--label", "argmin");

        assertThat(result.code()).as("%s", result).isZero();
        assertThat(result.out()).contains("\"region_count\": 1");
    }

    @Test
    void acasXuSliceHasRegionsColouredByAdvisory() throws Exception {
        Path network = SharedData.require("acasxu/onnx/ACASXU_run2a_1_1_batch_2000.onnx");
        Path png = temp.resolve("acas.png");
        // A small rectangle in (x0, x1) with the other inputs fixed.
        Cli.Result result = Cli.run("plane", network.toString(), "--vertices",
                "-0.2,-0.2,0,0.3,0.3;0.2,-0.2,0,0.3,0.3;0.2,0.2,0,0.3,0.3;-0.2,0.2,0,0.3,0.3", "--label", "argmin",
                "--png", png.toString());

        assertThat(result.code()).as("%s", result).isZero();
        assertThat(result.out()).contains("\"region_count\": ");
        assertThat(png).exists();
    }

    @Test
    void badInputGivesExitCodeTwoAndOneLine() {
        assertBadInput(Cli.run("plane", Cli.relus2(), "--vertices", "@" + temp.resolve("missing.txt")),
                "error: ");
        assertBadInput(Cli.run("plane", Cli.relus2(), "--vertices", "0,0;1,0,5;1,1"), "error: ");
        assertBadInput(Cli.run("plane", Cli.relus2(), "--vertices", "0,0;1,0"), "error: --vertices: a polygon needs");
        assertBadInput(Cli.run("plane", Cli.relus2(), "--vertices", "0,0;1,1;2,2"), "error: ");
    }

    @Test
    void nonCoplanarVerticesAreRefused() {
        Path network = SharedData.require("acasxu/onnx/ACASXU_run2a_1_1_batch_2000.onnx");
        assertBadInput(Cli.run("plane", network.toString(), "--vertices",
                "0,0,0,0,0;1,0,0,0,0;0,1,0,0,0;0,0,1,0,0"), "error: ");
    }
}
