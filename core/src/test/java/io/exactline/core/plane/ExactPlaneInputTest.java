package io.exactline.core.plane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.exactline.core.BadInputException;
import io.exactline.core.layer.Dense;
import io.exactline.core.layer.Relu;
import io.exactline.core.layer.Sigmoid;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;
import io.exactline.core.network.UnsupportedNetworkException;

class ExactPlaneInputTest {
    private static final Network RELU_2D = new Network(
            List.of(new Dense(new double[][] {{1, 1}}, new double[] {0}), new Relu(Shape.vector(1))), "relu(x+y)");
    private static final Network RELU_3D = new Network(
            List.of(new Dense(new double[][] {{1, 1, 1}}, new double[] {0}), new Relu(Shape.vector(1))),
            "relu(x+y+z)");

    @Test
    void rejectsFewerThanThreeVertices() {
        assertThatThrownBy(() -> ExactPlane.partition(RELU_2D, List.of(new double[] {0, 0}, new double[] {1, 0})))
                .isInstanceOf(BadInputException.class).hasMessageContaining("at least 3 vertices, got 2");
    }

    @Test
    void rejectsVerticesOffThePlane() {
        List<double[]> warped = List.of(new double[] {0, 0, 0}, new double[] {1, 0, 0}, new double[] {1, 1, 0.1},
                new double[] {0, 1, 0});

        assertThatThrownBy(() -> ExactPlane.partition(RELU_3D, warped)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("polygon vertex 3 lies").hasMessageContaining("off the plane");
    }

    @Test
    void rejectsANonConvexPolygon() {
        List<double[]> arrow = List.of(new double[] {0, 0}, new double[] {2, 1}, new double[] {0, 2},
                new double[] {1, 1});

        assertThatThrownBy(() -> ExactPlane.partition(RELU_2D, arrow)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("not convex");
    }

    @Test
    void rejectsCollinearVertices() {
        List<double[]> line = List.of(new double[] {0, 0}, new double[] {1, 1}, new double[] {2, 2});

        assertThatThrownBy(() -> ExactPlane.partition(RELU_2D, line)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("one line");
    }

    @Test
    void rejectsAStarPolygonThatWindsTwice() {
        double[][] pentagram = new double[5][];
        for (int k = 0; k < 5; k++) {
            double angle = 2 * Math.PI * (2 * k) / 5;
            pentagram[k] = new double[] {Math.cos(angle), Math.sin(angle)};
        }

        assertThatThrownBy(() -> ExactPlane.partition(RELU_2D, List.of(pentagram)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("winds 2 times");
    }

    @Test
    void rejectsARepeatedVertex() {
        List<double[]> repeated = List.of(new double[] {0, 0}, new double[] {1, 0}, new double[] {1, 0},
                new double[] {0, 1});

        assertThatThrownBy(() -> ExactPlane.partition(RELU_2D, repeated)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("coincide");
    }

    @Test
    void rejectsANetworkThatIsNotPiecewiseLinear() {
        Network smooth = new Network(List.of(new Dense(new double[][] {{1, 1}}, new double[] {0}),
                new Sigmoid(Shape.vector(1))), "sigmoid net");
        List<double[]> triangle = List.of(new double[] {0, 0}, new double[] {1, 0}, new double[] {0, 1});

        assertThatThrownBy(() -> ExactPlane.partition(smooth, triangle))
                .isInstanceOf(UnsupportedNetworkException.class).hasMessageContaining("ExactPlane")
                .hasMessageContaining("layer 1");
    }

    @Test
    void rejectsVerticesOfTheWrongDimension() {
        List<double[]> triangle = List.of(new double[] {0, 0, 0}, new double[] {1, 0, 0}, new double[] {0, 1, 0});

        assertThatThrownBy(() -> ExactPlane.partition(RELU_2D, triangle)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("polygon vertex 0 has 3 values").hasMessageContaining("takes 2 inputs");
    }

    @Test
    void rejectsNonFiniteVertices() {
        List<double[]> triangle = List.of(new double[] {0, 0}, new double[] {Double.NaN, 0}, new double[] {0, 1});

        assertThatThrownBy(() -> ExactPlane.partition(RELU_2D, triangle)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("polygon vertex 1");
    }

    @Test
    void rejectsAPlaneOutsideTheInputSpace() {
        Plane plane = new Plane(new double[3], new double[] {1, 0, 0}, new double[] {0, 1, 0});

        assertThatThrownBy(() -> ExactPlane.partition(RELU_2D, plane, new double[][] {{0, 0}, {1, 0}, {0, 1}}))
                .isInstanceOf(BadInputException.class).hasMessageContaining("3 dimensions")
                .hasMessageContaining("takes 2 inputs");
    }

    @Test
    void rejectsParallelPlaneDirections() {
        assertThatThrownBy(() -> new Plane(new double[2], new double[] {1, 2}, new double[] {2, 4}))
                .isInstanceOf(BadInputException.class).hasMessageContaining("do not span a plane");
    }

    @Test
    void acceptsAClockwisePolygonAndReordersIt() {
        List<double[]> clockwise = List.of(new double[] {0, 0}, new double[] {0, 1}, new double[] {1, 1},
                new double[] {1, 0});

        PlanePartition partition = ExactPlane.partition(RELU_2D, clockwise);

        assertThat(partition.polygonArea()).isCloseTo(1.0, within(1e-15));
        assertThat(partition.region(0).area()).isPositive();
    }

    @Test
    void planeCoordinatesOfTheThroughPlaneAreShiftedInputCoordinatesForAnAxisParallelRectangle() {
        List<double[]> rectangle = List.of(new double[] {0.5, -2, 7}, new double[] {3, -2, 7},
                new double[] {3, 4, 7}, new double[] {0.5, 4, 7});

        Plane plane = Plane.through(rectangle);

        assertThat(plane.coordinates(new double[] {1.5, 1, 7})).containsExactly(new double[] {1, 3}, within(1e-15));
        assertThat(plane.at(1, 3)).containsExactly(new double[] {1.5, 1, 7}, within(1e-15));
    }
}
