package io.exactline.preconditions;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.exactline.core.network.Network;
import io.exactline.verifier.lp.GlopLpSolver;
import io.exactline.verifier.pattern.OutputProperty;
import io.exactline.verifier.pattern.PatternNetwork;
import io.exactline.verifier.property.Box;

class UnderApproximationImagesTest {
    @TempDir
    Path temp;

    @Test
    void miningAnImageNetworkDrawsEachUaBoxAsAMinimumAndAMaximumPicture() throws IOException {
        int side = 8;
        Network net = RandomNetworks.relu(new Random(3), side * side, 6, 3);
        double[] lower = new double[side * side];
        double[] upper = new double[side * side];
        Arrays.fill(lower, 0.45);
        Arrays.fill(upper, 0.55);
        lower[0] = 0.0;
        upper[side * side - 1] = 1.0;
        Box domain = new Box(lower, upper);
        double[] middle = domain.midpoint();
        int predicted = RandomNetworks.argmax(net.evaluate(middle));
        MiningSettings settings = new MiningSettings(OutputProperty.argmax(predicted, 3), domain, 10, 5,
                Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMinutes(1));

        MiningReport report = new PreconditionMiner(PatternNetwork.of(net), settings, new GlopLpSolver())
                .mine(temp, line -> { });

        int drawn = 0;
        for (int i = 0; i < report.entries().size(); i++) {
            Box ua = report.entries().get(i).precondition().underApproximation().orElse(null);
            if (ua == null) {
                assertThat(temp.resolve("ua/" + i + "-min.png")).doesNotExist();
                continue;
            }
            drawn++;
            Raster min = ImageIO.read(temp.resolve("ua/" + i + "-min.png").toFile()).getRaster();
            Raster max = ImageIO.read(temp.resolve("ua/" + i + "-max.png").toFile()).getRaster();
            assertThat(min.getWidth()).isEqualTo(side);
            assertThat(min.getHeight()).isEqualTo(side);
            for (int r = 0; r < side; r++) {
                for (int c = 0; c < side; c++) {
                    int j = r * side + c;
                    assertThat(min.getSample(c, r, 0)).as("precondition %d pixel (%d,%d) lower end %s", i, r, c,
                            ua.lower(j)).isEqualTo((int) Math.round(255 * ua.lower(j)));
                    assertThat(max.getSample(c, r, 0)).as("precondition %d pixel (%d,%d) upper end %s", i, r, c,
                            ua.upper(j)).isEqualTo((int) Math.round(255 * ua.upper(j)));
                }
            }
        }
        assertThat(drawn).as("preconditions with a UA box among %s", report.entries()).isPositive();
        assertThat(Files.readString(temp.resolve("report.md"))).contains("64 inputs, widths");
    }
}
