package io.exactline.core.plane;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToIntFunction;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.exactline.core.layer.Dense;
import io.exactline.core.layer.Relu;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;

class PlaneImageTest {
    private static final Color LEFT = new Color(200, 30, 30);
    private static final Color RIGHT = new Color(30, 30, 200);
    /** Label 0 for the region left of x = 0, 1 for the one right of it. */
    private static final ToIntFunction<Region> SIDE = r -> r.centroidInput()[0] < 0 ? 0 : 1;

    /** relu(x) on [-1, 1]^2: the left and right halves. The plane coordinates are (x + 1, y + 1). */
    private static PlanePartition halves() {
        Network network = new Network(List.of(new Dense(new double[][] {{1, 0}}, new double[] {0}),
                new Relu(Shape.vector(1))), "relu(x)");
        return ExactPlane.partition(network, List.of(new double[] {-1, -1}, new double[] {1, -1},
                new double[] {1, 1}, new double[] {-1, 1}));
    }

    private static PlaneImage twoColours(int width, int height) {
        return PlaneImage.of(width, height, SIDE).withPalette(label -> label == 0 ? LEFT : RIGHT);
    }

    @Test
    void writesAPngOfTheRequestedSize(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("halves.png");

        twoColours(120, 80).writePng(halves(), file);

        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        BufferedImage read = ImageIO.read(file.toFile());
        assertThat(read.getWidth()).isEqualTo(120);
        assertThat(read.getHeight()).isEqualTo(80);
        assertThat(read.getRGB(30, 40)).isEqualTo(LEFT.getRGB());
        assertThat(read.getRGB(90, 40)).isEqualTo(RIGHT.getRGB());
    }

    @Test
    void pixelsInsideARegionHaveItsLabelsColour() {
        BufferedImage image = twoColours(200, 100).withoutBoundaries().render(halves());

        for (int x : new int[] {1, 50, 98}) {
            assertThat(image.getRGB(x, 50)).as("pixel (%d, 50)", x).isEqualTo(LEFT.getRGB());
        }
        for (int x : new int[] {101, 150, 198}) {
            assertThat(image.getRGB(x, 50)).as("pixel (%d, 50)", x).isEqualTo(RIGHT.getRGB());
        }
    }

    @Test
    void boundariesAreDrawnOnTheCut() {
        BufferedImage image = twoColours(200, 100).withBoundaries(Color.GREEN).render(halves());

        assertThat(image.getRGB(99, 50) == Color.GREEN.getRGB() || image.getRGB(100, 50) == Color.GREEN.getRGB())
                .as("a boundary pixel at column 99 or 100 where x = 0").isTrue();
        assertThat(image.getRGB(50, 50)).isEqualTo(LEFT.getRGB());
    }

    @Test
    void aCallerTransformPlacesThePolygonAndLeavesTheRestBackground() {
        // Plane (u, w) in [0, 2]^2 onto pixels [10, 30] x [10, 30], w downward.
        AffineTransform transform = new AffineTransform(10, 0, 0, 10, 10, 10);

        BufferedImage image = twoColours(40, 40).withTransform(transform).withoutBoundaries()
                .withBackground(Color.YELLOW).render(halves());

        assertThat(image.getRGB(15, 20)).isEqualTo(LEFT.getRGB());
        assertThat(image.getRGB(25, 20)).isEqualTo(RIGHT.getRGB());
        assertThat(image.getRGB(5, 5)).isEqualTo(Color.YELLOW.getRGB());
        assertThat(image.getRGB(35, 35)).isEqualTo(Color.YELLOW.getRGB());
    }
}
