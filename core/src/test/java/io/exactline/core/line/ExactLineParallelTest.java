package io.exactline.core.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.exactline.core.attribution.Baseline;
import io.exactline.core.attribution.ExactAttribution;
import io.exactline.core.attribution.IntegratedGradients;
import io.exactline.core.layer.Dense;
import io.exactline.core.layer.Layer;
import io.exactline.core.layer.Merge;
import io.exactline.core.layer.Parallel;
import io.exactline.core.layer.Relu;
import io.exactline.core.layer.Reshape;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;

/**
 * ExactLine through {@link Parallel} layers. Independent truth: two ReLU branches merged by concatenation (or a
 * sum) compute the same function as one wider sequential layer, whose partition must be the same; and on deeper
 * branches, the partition properties (affine pieces, no kink inside a piece by dense sampling).
 */
class ExactLineParallelTest {

    private static double[][] gaussians(Random random, int rows, int columns) {
        double[][] m = new double[rows][columns];
        for (double[] row : m) {
            for (int j = 0; j < columns; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return m;
    }

    private static double[] gaussians(Random random, int n) {
        return gaussians(random, 1, n)[0];
    }

    private static double[][] stack(double[][] top, double[][] bottom) {
        double[][] m = new double[top.length + bottom.length][];
        System.arraycopy(top, 0, m, 0, top.length);
        System.arraycopy(bottom, 0, m, top.length, bottom.length);
        return m;
    }

    private static double[] joined(double[] a, double[] b) {
        double[] v = new double[a.length + b.length];
        System.arraycopy(a, 0, v, 0, a.length);
        System.arraycopy(b, 0, v, a.length, b.length);
        return v;
    }

    private static Network denseRelu(double[][] w, double[] b) {
        return new Network(List.of(new Dense(w, b), new Relu(Shape.vector(w.length))), "branch");
    }

    @Test
    void concatenatedReluBranchesPartitionLikeOneWideLayer() {
        Random random = new Random(11);
        double[][] w1 = gaussians(random, 6, 4);
        double[][] w2 = gaussians(random, 5, 4);
        double[] b1 = gaussians(random, 6);
        double[] b2 = gaussians(random, 5);
        double[][] head = gaussians(random, 3, 11);
        double[] headBias = gaussians(random, 3);
        Layer join = new Parallel(Shape.vector(4), List.of(denseRelu(w1, b1), denseRelu(w2, b2)),
                new Merge.Concat(0));
        Network branched = new Network(List.of(join, new Dense(head, headBias)), "branched");
        Network wide = new Network(List.of(new Dense(stack(w1, w2), joined(b1, b2)), new Relu(Shape.vector(11)),
                new Dense(head, headBias)), "wide");

        for (int line = 0; line < 20; line++) {
            double[] a = gaussians(random, 4);
            double[] b = gaussians(random, 4);
            LinePartition expected = ExactLine.partition(wide, a, b);
            LinePartition actual = ExactLine.partition(branched, a, b);

            assertThat(actual.ratios()).as("line %d", line).containsExactly(expected.ratios(), within(1e-12));
            PartitionProperties.assertExact(actual, 400);
        }
    }

    @Test
    void summedReluBranchesPartitionLikeOneWideLayerAndAnAdder() {
        Random random = new Random(12);
        double[][] w1 = gaussians(random, 5, 3);
        double[][] w2 = gaussians(random, 5, 3);
        double[] b1 = gaussians(random, 5);
        double[] b2 = gaussians(random, 5);
        double[][] adder = new double[5][10];
        for (int i = 0; i < 5; i++) {
            adder[i][i] = 1;
            adder[i][5 + i] = 1;
        }
        Network branched = new Network(List.of(new Parallel(Shape.vector(3),
                List.of(denseRelu(w1, b1), denseRelu(w2, b2)), new Merge.Sum())), "branched");
        Network wide = new Network(List.of(new Dense(stack(w1, w2), joined(b1, b2)), new Relu(Shape.vector(10)),
                new Dense(adder, new double[5])), "wide");

        for (int line = 0; line < 20; line++) {
            double[] a = gaussians(random, 3);
            double[] b = gaussians(random, 3);
            LinePartition expected = ExactLine.partition(wide, a, b);
            LinePartition actual = ExactLine.partition(branched, a, b);

            assertThat(actual.ratios()).as("line %d", line).containsExactly(expected.ratios(), within(1e-12));
            assertThat(actual.patternOf(0).states(0)).as("units of both branches").hasSize(10);
        }
    }

    @Test
    void deepResidualBranchesGiveExactPartitionsAndCompleteAttributions() {
        Random random = new Random(13);
        Network stem = new Network(List.of(new Dense(gaussians(random, 8, 5), gaussians(random, 8)),
                new Relu(Shape.vector(8))), "stem");
        Network deep = new Network(List.of(new Dense(gaussians(random, 8, 8), gaussians(random, 8)),
                new Relu(Shape.vector(8)), new Dense(gaussians(random, 8, 8), gaussians(random, 8)),
                new Relu(Shape.vector(8))), "deep");
        Network skip = new Network(List.of(new Reshape(Shape.vector(8), Shape.vector(8))),
                "skip");
        Layer residual = new Parallel(Shape.vector(8), List.of(skip, deep), new Merge.Sum());
        Network network = new Network(List.of(stem.layers().get(0), stem.layers().get(1), residual,
                new Dense(gaussians(random, 3, 8), gaussians(random, 3))), "residual");

        for (int line = 0; line < 10; line++) {
            double[] a = gaussians(random, 5);
            double[] b = gaussians(random, 5);
            LinePartition partition = ExactLine.partition(network, a, b);
            PartitionProperties.assertExact(partition, 2_000);

            ExactAttribution ig = IntegratedGradients.of(network).exact(b, Baseline.of(a), 0);
            double sum = Arrays.stream(ig.attributions()).sum();
            double expected = network.evaluate(b)[0] - network.evaluate(a)[0];
            assertThat(sum).as("completeness on line %d", line)
                    .isCloseTo(expected, within(1e-9 * (1 + Math.abs(expected))));
        }
    }
}
