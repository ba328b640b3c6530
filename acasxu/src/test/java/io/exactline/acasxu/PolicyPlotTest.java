package io.exactline.acasxu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiFunction;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.exactline.core.network.Network;

class PolicyPlotTest {
    private static final Network NETWORK = AcasNetworks.bundled(NetworkId.parse("1_1"));

    @Test
    void topDownPixelsShowTheAdvisoryTheNetworkGivesAtTheirCentres() {
        TopDownWindow window = TopDownWindow.around(15000, Math.PI, 800, 800);
        PolicyPlot plot = PolicyPlot.of(TopDownView.compute(NETWORK, window)).withSize(640, 520);

        BufferedImage image = plot.render();

        assertPixelsMatchEvaluation(plot, image, (x, y) -> window.stateAt(x, y));
    }

    @Test
    void sliceRegionsShowTheAdvisoryTheNetworkGivesAtPixelCentres() {
        InputSlice slice = new InputSlice(AxisRange.full(InputVariable.VOWN), AxisRange.full(InputVariable.VINT),
                new EncounterState(4000, -0.6, 2.5, 0, 0));
        PolicyPlot plot = PolicyPlot.of(AdvisorySlice.compute(NETWORK, slice)).withSize(640, 480);

        BufferedImage image = plot.render();

        assertPixelsMatchEvaluation(plot, image, slice::stateAt);
    }

    @Test
    void theOwnshipIsDrawnAtTheOriginOfATopDownView() {
        PolicyPlot plot = PolicyPlot.of(TopDownView.compute(NETWORK, TopDownWindow.around(3000, 0, 600, 600)));

        BufferedImage image = plot.render();

        Rectangle area = plot.plotArea();
        int cx = area.x + area.width / 2;
        int cy = area.y + area.height / 2;
        assertThat(new Color(image.getRGB(cx, cy))).isEqualTo(Color.BLACK);
        assertThat(new Color(image.getRGB(cx + 12, cy))).as("nose, 12 px ahead").isEqualTo(Color.BLACK);
    }

    @Test
    void aHighlightAndThePngFileAreWritten(@TempDir Path dir) throws Exception {
        InputSlice slice = new InputSlice(new AxisRange(InputVariable.RHO, 10000, 50000),
                new AxisRange(InputVariable.THETA, -2, 2), new EncounterState(0, 0, 0, 700, 700));
        Path file = dir.resolve("slice.png");

        PolicyPlot.of(AdvisorySlice.compute(NETWORK, slice))
                .withHighlight(new PolicyPlot.Highlight(20000, 40000, -1, 1, "certified COC",
                        Optional.of(new double[] {30000, 0})))
                .withSize(800, 600).writePng(file);

        BufferedImage read = ImageIO.read(file.toFile());
        assertThat(read.getWidth()).isEqualTo(800);
        assertThat(read.getHeight()).isEqualTo(600);
        assertThat(Files.size(file)).isGreaterThan(1000);
    }

    @Test
    void ticksAreRoundNumbersCoveringTheRange() {
        assertThat(PolicyPlot.ticks(0, 60760)).containsExactly(0, 10000, 20000, 30000, 40000, 50000, 60000);
        assertThat(PolicyPlot.ticks(-Math.PI, Math.PI)).containsExactly(new double[] {-3, -2, -1, 0, 1, 2, 3},
                within(1e-12));
        assertThat(PolicyPlot.ticks(100, 1200)).containsExactly(200, 400, 600, 800, 1000, 1200);
    }

    /**
     * Samples pixels of the plot area whose colour is an advisory's, away from boundaries (the network gives one
     * advisory 2 px around), and checks that the network gives that advisory at the pixel's centre.
     */
    private static void assertPixelsMatchEvaluation(PolicyPlot plot, BufferedImage image,
            BiFunction<Double, Double, EncounterState> state) {
        Rectangle area = plot.plotArea();
        Random random = new Random(11);
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (int i = 0; i < 3000; i++) {
            int px = area.x + random.nextInt(area.width);
            int py = area.y + random.nextInt(area.height);
            Optional<Advisory> shown = advisoryOfColour(new Color(image.getRGB(px, py)));
            if (shown.isEmpty()) {
                continue;
            }
            Advisory centre = evaluate(plot, state, px + 0.5, py + 0.5);
            boolean nearBoundary = false;
            for (double[] d : new double[][] {{-2, 0}, {2, 0}, {0, -2}, {0, 2}, {-2, -2}, {2, 2}, {-2, 2}, {2, -2}}) {
                nearBoundary |= evaluate(plot, state, px + 0.5 + d[0], py + 0.5 + d[1]) != centre;
            }
            if (nearBoundary) {
                continue;
            }
            compared++;
            if (shown.get() != centre) {
                double[] xy = plot.axisAt(px + 0.5, py + 0.5);
                mismatches.add("pixel (" + px + ", " + py + ") at " + xy[0] + ", " + xy[1] + " shows " + shown.get()
                        + " but the network gives " + centre);
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(compared).isGreaterThan(1000);
    }

    private static Advisory evaluate(PolicyPlot plot, BiFunction<Double, Double, EncounterState> state, double px,
            double py) {
        double[] xy = plot.axisAt(px, py);
        return Advisory.of(NETWORK.evaluate(state.apply(xy[0], xy[1]).normalized()));
    }

    private static Optional<Advisory> advisoryOfColour(Color colour) {
        for (Advisory a : Advisory.values()) {
            if (PolicyPlot.colour(a).equals(colour)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
