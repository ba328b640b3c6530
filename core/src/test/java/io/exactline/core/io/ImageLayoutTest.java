package io.exactline.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;

import org.junit.jupiter.api.Test;

import io.exactline.core.network.Shape;

class ImageLayoutTest {
    @Test
    void readsTheLayoutOfTheVnncompImageNetworksFromTheirInputShapes() {
        assertThat(ImageLayout.of(Shape.of(784, 1))).contains(new ImageLayout(28, 28, 1, false));
        assertThat(ImageLayout.of(Shape.vector(784))).contains(new ImageLayout(28, 28, 1, false));
        assertThat(ImageLayout.of(Shape.of(1, 28, 28))).contains(new ImageLayout(28, 28, 1, false));
        assertThat(ImageLayout.of(Shape.of(3, 32, 32))).contains(new ImageLayout(32, 32, 3, false));
        assertThat(ImageLayout.of(Shape.of(32, 32, 3))).contains(new ImageLayout(32, 32, 3, true));
    }

    @Test
    void inputsThatAreNoPicturesHaveNoLayout() {
        assertThat(ImageLayout.of(Shape.vector(5))).as("ACAS Xu").isEmpty();
        assertThat(ImageLayout.of(Shape.vector(50))).as("not a square").isEmpty();
        assertThat(ImageLayout.of(Shape.vector(16))).as("4x4 is too small").isEmpty();
        assertThat(ImageLayout.of(Shape.of(5, 10, 10))).as("5 channels").isEmpty();
    }

    @Test
    void eachPixelTakesItsValueFromTheElementTheLayoutNames() {
        ImageLayout first = new ImageLayout(2, 3, 3, false);
        ImageLayout last = new ImageLayout(2, 3, 3, true);
        double[] values = new double[18];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        Raster channelFirst = first.render(values, 0, 17).getRaster();
        Raster channelLast = last.render(values, 0, 17).getRaster();
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 3; c++) {
                for (int k = 0; k < 3; k++) {
                    int chw = k * 6 + r * 3 + c;
                    int hwc = (r * 3 + c) * 3 + k;
                    assertThat(channelFirst.getSample(c, r, k)).as("CHW pixel (%d,%d) channel %d", r, c, k)
                            .isEqualTo((int) Math.round(255.0 * chw / 17));
                    assertThat(channelLast.getSample(c, r, k)).as("HWC pixel (%d,%d) channel %d", r, c, k)
                            .isEqualTo((int) Math.round(255.0 * hwc / 17));
                }
            }
        }
    }

    @Test
    void greyLevelsAreLinearInTheValueAndClampedOutsideTheRange() {
        BufferedImage image = new ImageLayout(1, 4, 1, false).render(new double[] {-1, 0, 0.5, 2}, 0, 1);
        Raster raster = image.getRaster();
        assertThat(new int[] {raster.getSample(0, 0, 0), raster.getSample(1, 0, 0), raster.getSample(2, 0, 0),
            raster.getSample(3, 0, 0)}).containsExactly(0, 0, 128, 255);
    }

    @Test
    void refusesValuesOfAnotherSizeNamingBothSizes() {
        assertThatThrownBy(() -> new ImageLayout(28, 28, 1, false).render(new double[5], 0, 1))
                .hasMessageContaining("784").hasMessageContaining("5");
    }
}
