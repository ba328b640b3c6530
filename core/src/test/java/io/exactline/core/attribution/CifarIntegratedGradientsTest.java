package io.exactline.core.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.exactline.core.Vectors;
import io.exactline.core.io.OnnxLoader;
import io.exactline.core.line.LinePartition;
import io.exactline.core.network.Network;
import io.exactline.testkit.SharedData;

/** Exact IG on a real convolutional network: marabou-cifar10 small, black image to a spec box's midpoint. */
class CifarIntegratedGradientsTest {
    private static final Pattern BOUND = Pattern.compile("\\(assert \\((<=|>=) X_(\\d+) (\\S+)\\)\\)");

    private static Network network;
    private static double[] image;
    private static PathGradients path;

    @BeforeAll
    static void attributeOneImage() throws IOException {
        network = OnnxLoader.load(SharedData.require("vnncomp2021/marabou-cifar10/nets/cifar10_small.onnx"));
        image = boxMidpoint(SharedData.require(
                "vnncomp2021/marabou-cifar10/specs/networkcifar10_small_index1189_eps0.012_target1_orig0.vnnlib"),
                network.inputSize());
        path = IntegratedGradients.of(network).path(image, Baseline.zeros());
    }

    /** The midpoint of the input box, read from the spec's {@code (assert (<= X_i v))} and {@code (>= X_i v)} lines. */
    private static double[] boxMidpoint(Path spec, int inputs) throws IOException {
        double[] sum = new double[inputs];
        int[] bounds = new int[inputs];
        for (String line : Files.readAllLines(spec)) {
            Matcher m = BOUND.matcher(line.trim());
            if (m.matches()) {
                int i = Integer.parseInt(m.group(2));
                sum[i] += Double.parseDouble(m.group(3));
                bounds[i]++;
            }
        }
        for (int i = 0; i < inputs; i++) {
            assertThat(bounds[i]).as("bounds on X_%d in %s", i, spec).isEqualTo(2);
            sum[i] /= 2;
        }
        return sum;
    }

    @Test
    void attributionsSumToTheChangeOfThePredictedClassWithinOneInABillion() {
        ExactAttribution ig = path.exact();
        int predicted = Vectors.argmax(network.evaluate(image));
        double change = network.evaluate(image)[predicted] - network.evaluate(new double[image.length])[predicted];
        double sum = 0;
        for (double a : ig.attributions()) {
            sum += a;
        }

        assertThat(ig.target()).isEqualTo(predicted);
        assertThat(ig.pieceCount()).as("a real line has many pieces").isGreaterThan(100);
        assertThat(sum).as("%s", ig).isCloseTo(change, within(1e-9 * Math.abs(change)));
    }

    @Test
    void walkedGradientsAgreeWithBackPropagationAlongTheWholeLine() {
        LinePartition partition = path.partition();
        for (int j = 0; j < partition.pieceCount(); j += 101) {
            double[] expected = partition.gradientOf(j, path.output());
            double scale = 0;
            for (double g : expected) {
                scale = Math.max(scale, Math.abs(g));
            }
            assertThat(path.gradient(j)).as("piece %d of %d", j, partition.pieceCount())
                    .containsExactly(expected, within(1e-10 * scale));
        }
    }

    @Test
    void aLeftSumFromPiecesEqualsOneFromSampledGradients() {
        int m = 12;
        double[] sampled = new double[image.length];
        for (int s = 0; s < m; s++) {
            double[] g = network.gradient(Vectors.interpolate(new double[image.length], image, (double) s / m),
                    path.output());
            for (int i = 0; i < g.length; i++) {
                sampled[i] += g[i] * image[i] / m;
            }
        }
        double scale = 0;
        for (double a : sampled) {
            scale = Math.max(scale, Math.abs(a));
        }

        assertThat(path.riemann(RiemannMethod.LEFT, m)).containsExactly(sampled, within(1e-10 * scale));
    }
}
