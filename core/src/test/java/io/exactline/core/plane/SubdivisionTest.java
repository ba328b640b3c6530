package io.exactline.core.plane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import io.exactline.core.layer.Dense;
import io.exactline.core.layer.Relu;
import io.exactline.core.network.Shape;

class SubdivisionTest {
    private static final Plane XY = new Plane(new double[2], new double[] {1, 0}, new double[] {0, 1});
    private static final double[][] SQUARE = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};

    private static double totalArea(Subdivision subdivision) {
        double[] uw = subdivision.planeCoordinates();
        int[] start = subdivision.pieceStart();
        int[] vertices = subdivision.pieceVertices();
        double total = 0;
        for (int p = 0; p < subdivision.pieceCount(); p++) {
            total += ConvexPolygons.area(uw, vertices, start[p], start[p + 1]);
        }
        return total;
    }

    @Test
    void cutsBetweenOppositeSignsAndSharesTheCutVertices() {
        Subdivision subdivision = Subdivision.of(XY, SQUARE);
        subdivision.map(new Dense(new double[][] {{1, 0}, {0, 1}}, new double[2]));

        subdivision.cut(new double[] {0});

        assertThat(subdivision.pieceCount()).isEqualTo(4);
        assertThat(subdivision.vertexCount()).as("4 corners, 4 edge midpoints and one centre").isEqualTo(9);
        assertThat(totalArea(subdivision)).isCloseTo(4.0, within(1e-15));
    }

    @Test
    void leavesWholeAPieceWhoseSignsNoAffineFunctionHas() {
        // Mapping through a ReLU without cutting first makes the value |x + y| - |x - y|: signs +, -, +, - at the
        // corners, which no line can separate. Such a piece must stay whole, not be cut into overlapping pieces.
        Subdivision subdivision = Subdivision.of(XY, SQUARE);
        subdivision.map(new Dense(new double[][] {{1, 1}, {-1, -1}, {1, -1}, {-1, 1}}, new double[4]));
        subdivision.map(new Relu(Shape.vector(4)));
        subdivision.map(new Dense(new double[][] {{1, 1, -1, -1}}, new double[1]));

        subdivision.cut(new double[] {0});

        assertThat(subdivision.pieceCount()).isEqualTo(1);
        assertThat(totalArea(subdivision)).isCloseTo(4.0, within(1e-15));
    }
}
