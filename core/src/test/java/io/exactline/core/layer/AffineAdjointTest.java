package io.exactline.core.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.exactline.core.network.Shape;

/** Every affine layer's transpose is the adjoint of its linear part: {@code <A x, g> = <x, A^T g>}. */
class AffineAdjointTest {

    static Stream<AffineLayer> layers() {
        Random random = new Random(11);
        double[][] w = new double[4][6];
        for (double[] row : w) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextGaussian();
            }
        }
        Shape image = Shape.of(3, 7, 8);
        return Stream.of(
                new Dense(w, Conv2dTest.randomVector(random, 4), Shape.of(2, 3)),
                new ElementwiseAffine(Shape.of(5), Conv2dTest.randomVector(random, 5),
                        Conv2dTest.randomVector(random, 5)),
                new Reshape(Shape.of(2, 3), Shape.of(6)),
                new Transpose(Shape.of(2, 3, 4), new int[] {2, 0, 1}),
                new Conv2d(image, 4, 1, new Window2d(3, 2, 2, 1, 1, 0, 2, 1, 1, 2),
                        Conv2dTest.randomVector(random, 4 * 3 * 3 * 2), Conv2dTest.randomVector(random, 4)),
                new Conv2d(Shape.of(4, 6, 6), 6, 2, Window2d.of(3, 3).withStrides(2, 2).withPads(1, 1, 1, 1),
                        Conv2dTest.randomVector(random, 6 * 2 * 9), Conv2dTest.randomVector(random, 6)),
                new AveragePool2d(image, Window2d.of(3, 3).withStrides(2, 2).withPads(1, 1, 1, 1), false),
                new AveragePool2d(image, Window2d.of(2, 3).withPads(0, 1, 1, 0), true));
    }

    @ParameterizedTest
    @MethodSource("layers")
    void transposeIsAdjointOfLinearPart(AffineLayer layer) {
        Random random = new Random(3);
        for (int trial = 0; trial < 5; trial++) {
            double[] x = Conv2dTest.randomVector(random, layer.inputShape().size());
            double[] g = Conv2dTest.randomVector(random, layer.outputShape().size());
            double[] ax = new double[g.length];
            double[] atg = new double[x.length];
            layer.applyLinear(x, 0, ax, 0);
            layer.applyTransposed(g, 0, atg, 0);

            double lhs = dot(ax, g);
            double rhs = dot(x, atg);

            assertThat(lhs).as("%s: <Ax, g> vs <x, A^T g>", layer.describe())
                    .isCloseTo(rhs, within(1e-10 * (1 + Math.abs(lhs))));
        }
    }

    @ParameterizedTest
    @MethodSource("layers")
    void applyIsLinearPartPlusOffset(AffineLayer layer) {
        double[] x = Conv2dTest.randomVector(new Random(5), layer.inputShape().size());
        double[] linear = new double[layer.outputShape().size()];
        layer.applyLinear(x, 0, linear, 0);
        double[] offset = layer.offset();
        double[] expected = new double[linear.length];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = linear[i] + offset[i];
        }

        assertThat(layer.apply(x)).as(layer.describe()).containsExactly(expected, within(1e-12));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
