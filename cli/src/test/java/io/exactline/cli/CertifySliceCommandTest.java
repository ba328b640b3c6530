package io.exactline.cli;

import static io.exactline.cli.EvalCommandTest.assertBadInput;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.exactline.acasxu.AcasNetworks;
import io.exactline.acasxu.Advisory;
import io.exactline.acasxu.EncounterState;
import io.exactline.acasxu.NetworkId;
import io.exactline.core.network.Network;

class CertifySliceCommandTest {
    private static final String[] SLICE = {"acasxu", "certify-slice", "--network", "1_1", "--x", "rho:0:10000", "--y",
        "theta:-1.5:-0.5", "--fix", "psi=pi,vown=800,vint=800"};

    @TempDir
    Path temp;

    @Test
    void printsTheRegionCountAndAreaSharesOfALinearSlice() {
        Cli.Result result = Cli.run(SLICE);

        assertThat(result.code()).as("%s", result).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("network: ACASXU_run2a_1_1_batch_2000");
        assertThat(lines.get(1)).isEqualTo("slice: rho:0.0:10000.0 x theta:-1.5:-0.5, fixed psi=3.141592653589793,"
                + "vown=800.0,vint=800.0");
        assertThat(lines.get(2)).matches("regions: \\d+ linear regions, \\d+ split along advisory boundaries, \\d+ cells");
        assertThat(lines.get(3)).matches("area: COC [0-9.]+% WL [0-9.]+% WR [0-9.]+% SL [0-9.]+% SR [0-9.]+%");
    }

    @Test
    void csvCellsHaveTheAdvisoryTheNetworkGivesAtTheirVertexAverage() {
        Cli.Result result = Cli.run(with(SLICE, "--csv"));

        assertThat(result.code()).as("%s", result).isZero();
        List<String> rows = result.out().lines().toList();
        assertThat(rows.get(0)).isEqualTo("region,advisory,area,vertices");
        assertThat(rows.get(rows.size() - 1)).startsWith("# area: ");
        Network network = AcasNetworks.bundled(NetworkId.parse("1_1"));
        int checked = 0;
        for (String row : rows.subList(1, rows.size())) {
            if (row.startsWith("#")) {
                continue;
            }
            String[] fields = row.split(",");
            double u = 0;
            double w = 0;
            String[] vertices = fields[3].split(";");
            for (String vertex : vertices) {
                String[] uw = vertex.split(" ");
                u += Double.parseDouble(uw[0]) / vertices.length;
                w += Double.parseDouble(uw[1]) / vertices.length;
            }
            double[] scores = network.evaluate(new EncounterState(u, w, Math.PI, 800, 800).normalized());
            if (secondLowestGap(scores) > 1e-9) {
                assertThat(Advisory.of(scores)).as(row).hasToString(fields[1]);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void certifyPrintsTheVerdictAndThePngShowsIt() throws Exception {
        Path png = temp.resolve("slice.png");

        Cli.Result certified = Cli.run(with(SLICE, "--certify", "sl", "--rect", "rho:1500:2200,theta:-0.95:-0.8"));
        Cli.Result refuted = Cli.run(with(SLICE, "--certify", "COC", "--rect", "rho:2000:6000,theta:-1.5:-1",
                "--png", png.toString(), "--size", "800x600"));

        assertThat(certified.code()).as("%s", certified).isZero();
        assertThat(certified.out()).contains("\ncertified\nSL holds on all of rho:1500.0:2200.0,theta:-0.95:-0.8: proven by the"
                + " verifier (auto, ");
        assertThat(refuted.out()).contains("\ncounterexample\nCOC fails on rho:2000.0:6000.0,theta:-1.5:-1.0 at rho=")
                .contains("png: " + png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(600);
    }

    @Test
    void tilesPrintOneLinePerTileWithTheirCountAndGoIntoThePng() throws Exception {
        Path png = temp.resolve("tiles.png");

        Cli.Result result = Cli.run("acasxu", "certify-slice", "--network", "1_1", "--x", "rho:20000:60000", "--y",
                "theta:-3:1", "--fix", "psi=pi,vown=800,vint=800", "--tiles", "2x2", "--png", png.toString());

        assertThat(result.code()).as("%s", result).isZero();
        List<String> tiles = result.out().lines().filter(l -> l.startsWith("tile ")).toList();
        assertThat(tiles).as("%s", result).hasSize(4);
        assertThat(tiles.get(0)).isEqualTo("tile rho:20000.0:40000.0,theta:-3.0:-1.0 COC certified");
        assertThat(tiles.get(2)).matches("tile rho:20000.0:40000.0,theta:-1.0:1.0 [A-Z]+ counterexample: [A-Z]+ at rho=.*");
        assertThat(result.out()).contains("\ntiles: 2 certified, 2 counterexample, 0 undecided of 4\n");
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(960);
        assertBadInput(Cli.run(with(SLICE, "--tiles", "0x2")), "error: a slice is cut into at least 1 x 1 tiles");
        assertBadInput(Cli.run(with(SLICE, "--tiles", "two")), "error: --tiles: 'two' must be CxR tiles");
    }

    @Test
    void theTopDownViewPrintsItsWindowAndWritesAPng() {
        Path png = temp.resolve("top.png");

        Cli.Result result = Cli.run("acasxu", "certify-slice", "--network", "2_2", "--top-down", "--x", "-3000:3000",
                "--y", "y:-3000:3000", "--fix", "psi=-2", "--png", png.toString());

        assertThat(result.code()).as("%s", result).isZero();
        assertThat(result.out()).contains("slice: rho:0.0:4242.640687119285 x theta:-3.141592653589793:"
                + "3.141592653589793, fixed psi=-2.0,vown=650.0,vint=600.0")
                .contains("view: x -3000.0..3000.0 ft, y -3000.0..3000.0 ft");
        assertThat(png).exists();
    }

    @Test
    void inconsistentSliceArgumentsAreBadInput() {
        assertBadInput(Cli.run(with(SLICE, "--certify", "COC")),
                "error: --certify and --rect go together: give the advisory and the rectangle");
        assertBadInput(Cli.run(with(SLICE, "--certify", "COC", "--rect", "rho:0:20000,theta:-1:-0.5")),
                "error: --rect rho:0:20000,theta:-1:-0.5 reaches outside the slice rho:0.0:10000.0, theta:-1.5:-0.5");
        assertBadInput(Cli.run(with(SLICE, "--certify", "COC", "--rect", "theta:-1:-0.5,rho:0:1000")),
                "error: --rect varies theta and rho; give the slice's axes in order, rho then theta");
        assertBadInput(Cli.run("acasxu", "certify-slice", "--network", "1_1", "--x", "rho:0:100", "--y",
                "theta:0:1", "--fix", "rho=5"), "error: --fix gives rho, which varies along an axis of the slice");
        assertBadInput(Cli.run("acasxu", "certify-slice", "--network", "1_1", "--x", "rho:0:100"),
                "error: a linear slice needs --x and --y, e.g. --x rho:0:60760 --y theta:-pi:pi (or --top-down for the"
                        + " view of intruder positions)");
        assertBadInput(Cli.run("acasxu", "certify-slice", "--network", "1_1", "--x", "rho:0:100", "--y",
                "theta:0:4"), "error: --y: range end theta = 4.0 lies outside the ACAS Xu domain [-3.141593,"
                        + " 3.141593] rad");
        assertBadInput(Cli.run(with(SLICE, "--certify", "COC", "--rect", "rho:0:1000,theta:-1:-0.5", "--engine", "x")),
                "error: unknown engine 'x'");
        assertBadInput(Cli.run(with(SLICE, "--certify", "COC", "--rect", "rho:0:1000,theta:-1:-0.5", "--timeout", "-1")),
                "error: --timeout must be a positive number of seconds");
        assertThat(Cli.run("acasxu", "certify-slice", "--network", "1_1", "--top-down", "--certify", "COC", "--rect",
                "rho:0:1,theta:0:1").err()).startsWith("error: --certify works on linear slices");
    }

    private static String[] with(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private static double secondLowestGap(double[] scores) {
        double[] sorted = scores.clone();
        java.util.Arrays.sort(sorted);
        return sorted[1] - sorted[0];
    }
}
