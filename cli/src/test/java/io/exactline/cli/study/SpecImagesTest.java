package io.exactline.cli.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.exactline.core.BadInputException;

class SpecImagesTest {
    @TempDir
    Path temp;

    /** A robustness spec over three inputs: the box [x − ε, x + ε] clipped to [0, 1]. */
    private void spec(String name, double[] x, double epsilon) throws IOException {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < x.length; i++) {
            s.append("(declare-const X_").append(i).append(" Real)\n");
        }
        s.append("(declare-const Y_0 Real)\n(declare-const Y_1 Real)\n");
        for (int i = 0; i < x.length; i++) {
            s.append(String.format(Locale.ROOT, "(assert (>= X_%d %s))%n(assert (<= X_%d %s))%n", i,
                    Math.max(0, x[i] - epsilon), i, Math.min(1, x[i] + epsilon)));
        }
        s.append("(assert (>= Y_1 Y_0))\n");
        Files.writeString(temp.resolve(name), s);
    }

    @Test
    void specsOfOneImageAtTwoRadiiAreOneImageKeepingTheLessClippedBox() throws IOException {
        spec("net_a_eps0.1.vnnlib", new double[] {0.05, 0.5, 0.5}, 0.1);
        spec("net_a_eps0.02.vnnlib", new double[] {0.05, 0.5, 0.5}, 0.02);
        spec("net_b_eps0.02.vnnlib", new double[] {0.25, 0.5, 0.75}, 0.02);
        spec("other_eps0.02.vnnlib", new double[] {0.3, 0.3, 0.3}, 0.02);

        List<SpecImages.Image> images = SpecImages.distinct(temp, "net_", 10);

        assertThat(images).hasSize(2);
        SpecImages.Image a = images.get(0);
        assertThat(a.name()).isEqualTo("net_a_eps0.02");
        assertThat(a.clippedCount()).isZero();
        assertThat(a.point()[0]).isCloseTo(0.05, within(1e-15));
        assertThat(images.get(1).name()).isEqualTo("net_b_eps0.02");
        assertThat(SpecImages.distinct(temp, "net_", 1)).hasSize(1);
    }

    @Test
    void aBoxClippedAtTheRangeReportsItsClippedCoordinates() throws IOException {
        spec("clipped.vnnlib", new double[] {0.05, 0.5, 0.99}, 0.1);

        SpecImages.Image image = SpecImages.of(temp.resolve("clipped.vnnlib"));

        assertThat(image.clippedCount()).isEqualTo(2);
        assertThat(image.clipped()).containsExactly(true, false, true);
    }

    @Test
    void aDirectoryWithoutMatchingSpecsIsBadInput() {
        assertThatThrownBy(() -> SpecImages.distinct(temp, "net_", 5)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("no spec files named net_*.vnnlib");
    }
}
