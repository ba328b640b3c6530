package io.exactline.core.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.exactline.core.Vectors;
import io.exactline.core.layer.Conv2d;
import io.exactline.core.layer.Dense;
import io.exactline.core.layer.MaxPool2d;
import io.exactline.core.layer.Relu;
import io.exactline.core.layer.Window2d;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;

/** ExactLine through convolution and max pooling: the network is affine on every piece it reports. */
class ExactLineMaxPoolTest {

    /** [1,6,6] -> conv 3x3 pad 1 to 2 channels -> ReLU -> 2x2 max pool -> dense 18 -> 3, random weights. */
    private static Network convNet(Random random) {
        Conv2d conv = new Conv2d(Shape.of(1, 6, 6), 2, 1, Window2d.of(3, 3).withPads(1, 1, 1, 1),
                gaussian(random, 18), gaussian(random, 2));
        MaxPool2d pool = new MaxPool2d(Shape.of(2, 6, 6), Window2d.of(2, 2).withStrides(2, 2));
        double[][] w = new double[3][];
        for (int i = 0; i < 3; i++) {
            w[i] = gaussian(random, 18);
        }
        return new Network(List.of(conv, new Relu(conv.outputShape()), pool, new Dense(w, gaussian(random, 3),
                pool.outputShape())), "conv-pool");
    }

    private static double[] gaussian(Random random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }

    @Test
    void networkIsAffineOnEveryPieceAndPatternsAreConstant() {
        Random random = new Random(17);
        Network network = convNet(random);
        for (int line = 0; line < 10; line++) {
            double[] a = gaussian(random, 36);
            double[] b = gaussian(random, 36);
            LinePartition partition = ExactLine.partition(network, a, b);
            for (int i = 0; i < partition.pieceCount(); i++) {
                double t0 = partition.ratio(i);
                double t1 = partition.ratio(i + 1);
                double[] y0 = partition.outputAtRatio(i);
                double[] y1 = partition.outputAtRatio(i + 1);
                ActivationPattern pattern = partition.patternOf(i);
                for (double s : new double[] {0.25, 0.75}) {
                    double[] x = partition.inputAt(t0 + s * (t1 - t0));
                    assertThat(network.evaluate(x)).as("line %d piece %d [%s, %s] at %s from %s to %s", line, i, t0,
                            t1, s, Arrays.toString(a), Arrays.toString(b))
                            .containsExactly(Vectors.interpolate(y0, y1, s), within(1e-9));
                    assertThat(ActivationPattern.at(network, x)).as("line %d piece %d pattern at %s", line, i, s)
                            .isEqualTo(pattern);
                }
            }
        }
    }

    @Test
    void gradientOnEachPieceIsTheSlopeAlongTheLine() {
        Random random = new Random(29);
        Network network = convNet(random);
        double[] a = gaussian(random, 36);
        double[] b = gaussian(random, 36);
        LinePartition partition = ExactLine.partition(network, a, b);
        for (int i = 0; i < partition.pieceCount(); i++) {
            double length = partition.ratio(i + 1) - partition.ratio(i);
            if (length < 1e-6) {
                continue;
            }
            for (int k = 0; k < 3; k++) {
                double[] gradient = partition.gradientOf(i, k);
                double directional = 0;
                for (int j = 0; j < a.length; j++) {
                    directional += gradient[j] * (b[j] - a[j]);
                }
                double slope = (partition.outputAtRatio(i + 1)[k] - partition.outputAtRatio(i)[k]) / length;
                assertThat(directional).as("piece %d output %d", i, k)
                        .isCloseTo(slope, within(1e-6 * (1 + Math.abs(slope))));
            }
        }
    }

    @Test
    void maxPoolArgmaxSwitchesAreBreakpoints() {
        Random random = new Random(23);
        Network network = convNet(random);
        double[] a = gaussian(random, 36);
        double[] b = gaussian(random, 36);
        LinePartition partition = ExactLine.partition(network, a, b);
        int poolSwitches = 0;
        for (int i = 0; i + 1 < partition.pieceCount(); i++) {
            // pattern layer 1 is the max pool (layer 0 is the ReLU)
            if (!Arrays.equals(partition.patternOf(i).states(1), partition.patternOf(i + 1).states(1))) {
                poolSwitches++;
            }
        }

        assertThat(poolSwitches).as("argmax switches along the line, %d pieces", partition.pieceCount())
                .isPositive();
    }
}
