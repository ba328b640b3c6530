package io.exactline.core.plane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.exactline.core.layer.Dense;
import io.exactline.core.layer.HardTanh;
import io.exactline.core.layer.Layer;
import io.exactline.core.layer.LeakyRelu;
import io.exactline.core.layer.Relu;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;

class ExactPlaneHandComputedTest {
    private static final List<double[]> SQUARE = List.of(
            new double[] {-1, -1}, new double[] {1, -1}, new double[] {1, 1}, new double[] {-1, 1});

    /** {@code sum_i relu(W_i x + b_i)}: one hidden ReLU layer summed into one output. */
    private static Network reluSum(double[][] weights, double[] bias) {
        double[][] ones = {new double[weights.length]};
        Arrays.fill(ones[0], 1.0);
        List<Layer> layers = List.of(new Dense(weights, bias), new Relu(Shape.vector(weights.length)),
                new Dense(ones, new double[] {0}));
        return new Network(layers, "hand-made");
    }

    private static double[] sortedAreas(PlanePartition partition) {
        return partition.regions().stream().mapToDouble(Region::area).sorted().toArray();
    }

    private static double minCoordinate(Region region, int axis) {
        return Arrays.stream(region.inputVertices()).mapToDouble(x -> x[axis]).min().orElseThrow();
    }

    private static double maxCoordinate(Region region, int axis) {
        return Arrays.stream(region.inputVertices()).mapToDouble(x -> x[axis]).max().orElseThrow();
    }

    @Test
    void oneReluCutsTheSquareIntoTwoHalvesAtItsZeroLine() {
        PlanePartition partition = ExactPlane.partition(reluSum(new double[][] {{1, 0}}, new double[] {0}), SQUARE);

        assertThat(partition.regionCount()).isEqualTo(2);
        assertThat(sortedAreas(partition)).containsExactly(new double[] {2, 2}, within(1e-12));
        Region left = partition.regions().stream().filter(r -> r.centroidInput()[0] < 0).findFirst().orElseThrow();
        Region right = partition.regions().stream().filter(r -> r.centroidInput()[0] > 0).findFirst().orElseThrow();
        assertThat(maxCoordinate(left, 0)).isCloseTo(0.0, within(1e-15));
        assertThat(minCoordinate(right, 0)).isCloseTo(0.0, within(1e-15));
        for (Region region : partition.regions()) {
            double[][] x = region.inputVertices();
            double[][] y = region.outputs();
            for (int k = 0; k < x.length; k++) {
                assertThat(y[k][0]).as("output at %s", Arrays.toString(x[k])).isCloseTo(Math.max(0, x[k][0]),
                        within(1e-15));
            }
        }
        assertThat(partition.patternOf(left)).isNotEqualTo(partition.patternOf(right));
    }

    @Test
    void twoCrossingRelusMakeFourQuadrants() {
        PlanePartition partition = ExactPlane.partition(reluSum(new double[][] {{1, 0}, {0, 1}}, new double[2]),
                SQUARE);

        assertThat(partition.regionCount()).isEqualTo(4);
        assertThat(sortedAreas(partition)).containsExactly(new double[] {1, 1, 1, 1}, within(1e-12));
        assertThat(partition.regions().stream().map(partition::patternOf).distinct().count()).isEqualTo(4);
        for (Region region : partition.regions()) {
            assertThat(region.vertexCount()).as("%s", region).isEqualTo(4);
        }
    }

    @Test
    void reluWhoseZeroLineMissesThePolygonLeavesOneRegion() {
        PlanePartition partition = ExactPlane.partition(reluSum(new double[][] {{1, 0}}, new double[] {5}), SQUARE);

        assertThat(partition.regionCount()).isEqualTo(1);
        assertThat(partition.region(0).area()).isCloseTo(4.0, within(1e-12));
        assertThat(partition.region(0).vertexCount()).isEqualTo(4);
    }

    @Test
    void unitIdenticallyZeroOnThePlaneCutsNothing() {
        List<double[]> squareInZeroPlane = List.of(new double[] {-1, -1, 0}, new double[] {1, -1, 0},
                new double[] {1, 1, 0}, new double[] {-1, 1, 0});

        PlanePartition zeroOnly = ExactPlane.partition(reluSum(new double[][] {{0, 0, 1}}, new double[] {0}),
                squareInZeroPlane);
        PlanePartition zeroAndX = ExactPlane.partition(
                reluSum(new double[][] {{0, 0, 1}, {1, 0, 0}}, new double[] {0, 0}), squareInZeroPlane);

        assertThat(zeroOnly.regionCount()).isEqualTo(1);
        assertThat(zeroAndX.regionCount()).isEqualTo(2);
        assertThat(sortedAreas(zeroAndX)).containsExactly(new double[] {2, 2}, within(1e-12));
    }

    @Test
    void zeroLineThroughTwoOppositeCornersMakesTwoTriangles() {
        PlanePartition partition = ExactPlane.partition(reluSum(new double[][] {{1, 1}}, new double[] {0}), SQUARE);

        assertThat(partition.regionCount()).isEqualTo(2);
        assertThat(sortedAreas(partition)).containsExactly(new double[] {2, 2}, within(1e-12));
        for (Region region : partition.regions()) {
            assertThat(region.vertexCount()).as("%s", region).isEqualTo(3);
        }
    }

    @Test
    void zeroLineTouchingOnlyACornerCutsNothing() {
        PlanePartition partition = ExactPlane.partition(reluSum(new double[][] {{1, 1}}, new double[] {2}), SQUARE);

        assertThat(partition.regionCount()).isEqualTo(1);
    }

    @Test
    void zeroLineThroughAVertexAndAnEdgeMakesTwoTriangles() {
        List<double[]> triangle = List.of(new double[] {-1, -1}, new double[] {1, -1}, new double[] {0, 1});

        PlanePartition partition = ExactPlane.partition(reluSum(new double[][] {{1, 0}}, new double[] {0}), triangle);

        assertThat(partition.regionCount()).isEqualTo(2);
        assertThat(sortedAreas(partition)).containsExactly(new double[] {1, 1}, within(1e-12));
        for (Region region : partition.regions()) {
            assertThat(region.vertexCount()).as("%s", region).isEqualTo(3);
        }
    }

    @Test
    void hardTanhCutsAtBothBounds() {
        List<double[]> square = List.of(new double[] {-2, -2}, new double[] {2, -2}, new double[] {2, 2},
                new double[] {-2, 2});
        Network network = new Network(List.of(new Dense(new double[][] {{1, 0}}, new double[] {0}),
                HardTanh.standard(Shape.vector(1))), "hard tanh of x");

        PlanePartition partition = ExactPlane.partition(network, square);

        assertThat(partition.regionCount()).isEqualTo(3);
        assertThat(sortedAreas(partition)).containsExactly(new double[] {4, 4, 8}, within(1e-12));
        for (Region region : partition.regions()) {
            double[][] x = region.inputVertices();
            double[][] y = region.outputs();
            for (int k = 0; k < x.length; k++) {
                assertThat(y[k][0]).isCloseTo(Math.max(-1, Math.min(1, x[k][0])), within(1e-15));
            }
        }
    }

    @Test
    void leakyReluCutsAtZeroAndKeepsTheNegativeSlope() {
        Network network = new Network(List.of(new Dense(new double[][] {{1, 0}}, new double[] {0}),
                new LeakyRelu(Shape.vector(1), 0.1)), "leaky relu of x");

        PlanePartition partition = ExactPlane.partition(network, SQUARE);

        assertThat(partition.regionCount()).isEqualTo(2);
        Region left = partition.regions().stream().filter(r -> r.centroidInput()[0] < 0).findFirst().orElseThrow();
        assertThat(left.outputAtCentroid()[0]).isCloseTo(-0.05, within(1e-15));
    }

    @Test
    void labelsAreReadAtTheCentroidAndCheckedAtTheVertices() {
        // y = (relu(x), 0.25): left half y0 = 0 < 0.25 throughout; right half y0 runs from 0 to 1 across 0.25.
        Network network = new Network(List.of(new Dense(new double[][] {{1, 0}}, new double[] {0}),
                new Relu(Shape.vector(1)), new Dense(new double[][] {{1}, {0}}, new double[] {0, 0.25})),
                "relu(x) against 0.25");

        PlanePartition partition = ExactPlane.partition(network, SQUARE);

        Region left = partition.regions().stream().filter(r -> r.centroidInput()[0] < 0).findFirst().orElseThrow();
        Region right = partition.regions().stream().filter(r -> r.centroidInput()[0] > 0).findFirst().orElseThrow();
        assertThat(left.argmax()).isEqualTo(1);
        assertThat(left.hasConstantArgmax()).isTrue();
        assertThat(left.argmin()).isEqualTo(0);
        assertThat(left.hasConstantArgmin()).isTrue();
        assertThat(right.argmax()).isEqualTo(0);
        assertThat(right.hasConstantArgmax()).isFalse();
        assertThat(right.argmin()).isEqualTo(1);
        assertThat(right.hasConstantArgmin()).isFalse();
    }

    @Test
    void centroidOfARegionIsItsCentreOfArea() {
        List<double[]> triangle = List.of(new double[] {0, 0}, new double[] {3, 0}, new double[] {0, 3});

        Region region = ExactPlane.partition(reluSum(new double[][] {{1, 0}}, new double[] {5}), triangle).region(0);

        assertThat(region.centroidInput()).containsExactly(new double[] {1, 1}, within(1e-12));
        assertThat(region.area()).isCloseTo(4.5, within(1e-12));
    }

    @Test
    void concurrentAndRepeatedZeroLinesMakeOneSectorPerGap() {
        // Six lines through the origin, each given by two identical units: twelve sectors meeting at the origin.
        double[][] weights = new double[12][];
        for (int k = 0; k < 12; k++) {
            double angle = Math.PI * (k / 2) / 6;
            weights[k] = new double[] {Math.cos(angle), Math.sin(angle)};
        }

        PlanePartition partition = ExactPlane.partition(reluSum(weights, new double[12]), SQUARE);

        assertThat(partition.regionCount()).isEqualTo(12);
        assertThat(Arrays.stream(sortedAreas(partition)).sum()).isCloseTo(4.0, within(1e-12));
        for (Region region : partition.regions()) {
            double nearest = Arrays.stream(region.inputVertices()).mapToDouble(x -> Math.hypot(x[0], x[1])).min()
                    .orElseThrow();
            assertThat(nearest).as("distance of %s from the origin", region).isLessThan(1e-15);
        }
    }

    @Test
    void aGridOfZeroLinesMakesEqualCells() {
        double[][] weights = new double[14][];
        double[] bias = new double[14];
        for (int k = -3; k <= 3; k++) {
            weights[k + 3] = new double[] {1, 0};
            bias[k + 3] = -k / 4.0;
            weights[k + 10] = new double[] {0, 1};
            bias[k + 10] = -k / 4.0;
        }

        PlanePartition partition = ExactPlane.partition(reluSum(weights, bias), SQUARE);

        assertThat(partition.regionCount()).isEqualTo(64);
        double[] sixteenths = new double[64];
        Arrays.fill(sixteenths, 1.0 / 16);
        assertThat(sortedAreas(partition)).containsExactly(sixteenths, within(1e-14));
    }
}
