package io.exactline.core.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.exactline.core.network.Shape;

/** Merges of branch outputs: hand-computed layouts, and {@code part} is the transpose of {@code merge}. */
class MergeTest {

    @Test
    void concatenationAlongTheMiddleAxisInterleavesBlocks() {
        List<Shape> shapes = List.of(Shape.of(2, 1, 2), Shape.of(2, 2, 2));
        double[] a = {1, 2, 3, 4};
        double[] b = {5, 6, 7, 8, 9, 10, 11, 12};
        Merge concat = new Merge.Concat(1);

        assertThat(concat.outputShape(shapes)).isEqualTo(Shape.of(2, 3, 2));
        assertThat(concat.merge(shapes, List.of(a, b))).containsExactly(1, 2, 5, 6, 7, 8, 3, 4, 9, 10, 11, 12);
        assertThat(concat.part(shapes, 1, concat.merge(shapes, List.of(a, b)))).containsExactly(b);
    }

    @Test
    void partIsTheTransposeOfMerge() {
        Random random = new Random(7);
        List<Shape> shapes = List.of(Shape.of(3, 2, 4), Shape.of(3, 5, 4), Shape.of(3, 1, 4));
        for (Merge merge : List.of(new Merge.Concat(0), new Merge.Concat(1), new Merge.Concat(2))) {
            List<Shape> fitting = merge.equals(new Merge.Concat(1)) ? shapes
                    : List.of(Shape.of(3, 2, 4), Shape.of(3, 2, 4));
            List<double[]> parts = fitting.stream().map(s -> random.doubles(s.size()).toArray()).toList();
            double[] g = random.doubles(merge.outputShape(fitting).size()).toArray();

            double left = dot(merge.merge(fitting, parts), g);
            double right = 0;
            for (int i = 0; i < parts.size(); i++) {
                right += dot(parts.get(i), merge.part(fitting, i, g));
            }
            assertThat(left).as("<merge(parts), g> = sum <part_i, part_i(g)> for %s", merge)
                    .isCloseTo(right, within(1e-12));
        }
    }

    @Test
    void mismatchedShapesAreRejectedWithBothShapes() {
        assertThatThrownBy(() -> new Merge.Sum().outputShape(List.of(Shape.of(2), Shape.of(3))))
                .hasMessageContaining("[2]").hasMessageContaining("[3]");
        assertThatThrownBy(() -> new Merge.Concat(0).outputShape(List.of(Shape.of(2, 2), Shape.of(2, 3))))
                .hasMessageContaining("axis 1 differs");
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }
}
