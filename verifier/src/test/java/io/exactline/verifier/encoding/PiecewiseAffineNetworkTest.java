package io.exactline.verifier.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;

import io.exactline.core.BadInputException;
import io.exactline.core.Rationals;
import io.exactline.core.layer.Dense;
import io.exactline.core.layer.ElementwiseAffine;
import io.exactline.core.layer.HardTanh;
import io.exactline.core.layer.LeakyRelu;
import io.exactline.core.layer.Relu;
import io.exactline.core.layer.Reshape;
import io.exactline.core.layer.Transpose;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;

class PiecewiseAffineNetworkTest {

    /** 6 inputs as a 2x3 matrix, transposed, scaled, then dense layers with every supported activation. */
    private static Network mixed(Random random) {
        Shape matrix = Shape.of(2, 3);
        return new Network(List.of(
                new Reshape(Shape.vector(6), matrix),
                new Transpose(matrix, new int[] {1, 0}),
                new Reshape(Shape.of(3, 2), Shape.vector(6)),
                new ElementwiseAffine(Shape.vector(6), gaussian(random, 6), gaussian(random, 6)),
                new Dense(gaussian(random, 5, 6), gaussian(random, 5)),
                new LeakyRelu(Shape.vector(5), 0.2),
                new Dense(gaussian(random, 4, 5), gaussian(random, 4)),
                HardTanh.standard(Shape.vector(4)),
                new Dense(gaussian(random, 3, 4), gaussian(random, 3)),
                new Relu(Shape.vector(3)),
                new Dense(gaussian(random, 2, 3), gaussian(random, 2))), "mixed");
    }

    @Test
    void exactEvaluationAgreesWithTheFloatingPointNetwork() {
        Random random = new Random(31);
        for (int trial = 0; trial < 50; trial++) {
            Network network = mixed(random);
            PiecewiseAffineNetwork steps = PiecewiseAffineNetwork.of(network);
            double[] x = gaussian(random, 6);

            BigFraction[] exact = steps.evaluateExactly(Rationals.exact(x));
            double[] y = network.evaluate(x);

            for (int i = 0; i < y.length; i++) {
                assertThat(exact[i].doubleValue()).as("output %d at trial %d", i, trial).isCloseTo(y[i], within(1e-12));
            }
        }
    }

    @Test
    void reshapesDisappearAndTheTransposeBecomesAPermutation() {
        PiecewiseAffineNetwork steps = PiecewiseAffineNetwork.of(mixed(new Random(32)));

        assertThat(steps.steps()).hasSize(9);
        AffineStep transpose = (AffineStep) steps.steps().get(0);
        // Output (i, j) of the 3x2 result is input (j, i) of the 2x3 input: flat 2i + j <- 3j + i.
        for (int out = 0; out < 6; out++) {
            assertThat(transpose.rowSize(out)).isEqualTo(1);
            assertThat(transpose.index(out, 0)).isEqualTo(3 * (out % 2) + out / 2);
            assertThat(transpose.weight(out, 0)).isEqualTo(1.0);
        }
        assertThat(steps.activations()).extracting(ActivationStep::networkLayer).containsExactly(5, 7, 9);
    }

    @Test
    void intervalBoundsContainEverySampledPreActivation() {
        Random random = new Random(33);
        Network network = mixed(random);
        PiecewiseAffineNetwork steps = PiecewiseAffineNetwork.of(network);
        double[] lower = new double[6];
        double[] upper = new double[6];
        for (int j = 0; j < 6; j++) {
            lower[j] = random.nextGaussian();
            upper[j] = lower[j] + random.nextDouble();
        }
        PreActivationBounds bounds = steps.intervalBounds(lower, upper);
        for (int s = 0; s < 1000; s++) {
            double[] x = new double[6];
            for (int j = 0; j < 6; j++) {
                x[j] = lower[j] + (upper[j] - lower[j]) * random.nextDouble();
            }
            List<double[]> values = network.activations(x);
            int[] preActivationOf = {5, 7, 9};
            for (int k = 0; k < 3; k++) {
                double[] z = values.get(preActivationOf[k]);
                for (int i = 0; i < z.length; i++) {
                    assertThat(z[i]).as("layer %d unit %d at %s", k, i, java.util.Arrays.toString(x))
                            .isBetween(bounds.lower(k, i), bounds.upper(k, i));
                }
            }
        }
    }

    @Test
    void boxOfTheWrongSizeIsBadInputNamingBothSizes() {
        PiecewiseAffineNetwork steps = PiecewiseAffineNetwork.of(mixed(new Random(34)));

        assertThatThrownBy(() -> steps.intervalBounds(new double[2], new double[2]))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("2 lower")
                .hasMessageContaining("takes 6 inputs");
    }

    private static double[] gaussian(Random random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }

    private static double[][] gaussian(Random random, int rows, int columns) {
        double[][] m = new double[rows][];
        for (int i = 0; i < rows; i++) {
            m[i] = gaussian(random, columns);
        }
        return m;
    }
}
