package io.exactline.core.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.exactline.core.BadInputException;
import io.exactline.core.network.Shape;

class HeatmapTest {

    /** A 2-channel 2x3 image: channel c, row y, column x holds value v(c, y, x). */
    private static final double[][][] VALUES = {
        {{1, 0, 0}, {0, -2, 0}},
        {{1, 0, 0}, {0, 0, 4}},
    };

    private static double[] channelsFirst() {
        double[] a = new double[12];
        for (int c = 0; c < 2; c++) {
            for (int y = 0; y < 2; y++) {
                for (int x = 0; x < 3; x++) {
                    a[(c * 2 + y) * 3 + x] = VALUES[c][y][x];
                }
            }
        }
        return a;
    }

    private static double[] channelsLast() {
        double[] a = new double[12];
        for (int c = 0; c < 2; c++) {
            for (int y = 0; y < 2; y++) {
                for (int x = 0; x < 3; x++) {
                    a[(y * 3 + x) * 2 + c] = VALUES[c][y][x];
                }
            }
        }
        return a;
    }

    @Test
    void sumsMagnitudesOverChannelsAndNormalisesByTheLargest() {
        Heatmap map = Heatmap.of(channelsFirst(), Shape.of(2, 2, 3), ChannelLayout.CHANNELS_FIRST);

        // sums: (2, 0, 0 / 0, 2, 4), divided by 4
        assertThat(map.height()).isEqualTo(2);
        assertThat(map.width()).isEqualTo(3);
        assertThat(map.intensities()).containsExactly(new double[] {0.5, 0, 0, 0, 0.5, 1}, within(1e-15));
    }

    @Test
    void bothLayoutsOfTheSameImageGiveTheSameHeatmap() {
        Heatmap first = Heatmap.of(channelsFirst(), Shape.of(1, 2, 2, 3), ChannelLayout.CHANNELS_FIRST);
        Heatmap last = Heatmap.of(channelsLast(), Shape.of(1, 2, 3, 2), ChannelLayout.CHANNELS_LAST);

        assertThat(last).isEqualTo(first);
    }

    @Test
    void writesAPngOfTheImageSizeTimesTheScale(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("heatmap.png");
        Heatmap map = Heatmap.of(channelsFirst(), Shape.of(2, 2, 3), ChannelLayout.CHANNELS_FIRST);

        map.writePng(file, 4);

        byte[] signature = new byte[8];
        try (InputStream in = Files.newInputStream(file)) {
            assertThat(in.read(signature)).isEqualTo(8);
        }
        assertThat(signature).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(12);
        assertThat(image.getHeight()).isEqualTo(8);
        assertThat(image.getRGB(11, 7) & 0xffffff).as("largest attribution is white").isEqualTo(0xffffff);
        assertThat(image.getRGB(4, 0) & 0xffffff).as("zero attribution is black").isZero();
        assertThat(image.getRGB(0, 0) & 0xffffff).as("half intensity").isEqualTo(Heatmap.hotColour(0.5));
    }

    @Test
    void theHotColourMapRunsFromBlackThroughRedAndYellowToWhite() {
        assertThat(Heatmap.hotColour(0)).isEqualTo(0x000000);
        assertThat(Heatmap.hotColour(1.0 / 3)).isEqualTo(0xff0000);
        assertThat(Heatmap.hotColour(2.0 / 3)).isEqualTo(0xffff00);
        assertThat(Heatmap.hotColour(1)).isEqualTo(0xffffff);
    }

    @Test
    void anAllZeroAttributionIsAllBlack() {
        assertThat(Heatmap.of(new double[6], Shape.of(2, 3), ChannelLayout.CHANNELS_LAST).intensities()).containsOnly(0.0);
    }

    @Test
    void rejectsAttributionsThatDoNotMatchTheShapeNamingBoth() {
        assertThatThrownBy(() -> Heatmap.of(new double[10], Shape.of(2, 2, 3), ChannelLayout.CHANNELS_FIRST))
                .isInstanceOf(BadInputException.class).hasMessageContaining("10 values")
                .hasMessageContaining("[2,2,3]");
        assertThatThrownBy(() -> Heatmap.of(new double[12], Shape.of(12), ChannelLayout.CHANNELS_FIRST))
                .isInstanceOf(BadInputException.class).hasMessageContaining("image shape");
    }
}
