package io.exactline.core.plane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.exactline.core.Vectors;
import io.exactline.core.layer.Conv2d;
import io.exactline.core.layer.Dense;
import io.exactline.core.layer.MaxPool2d;
import io.exactline.core.layer.Relu;
import io.exactline.core.layer.Reshape;
import io.exactline.core.layer.Window2d;
import io.exactline.core.line.ActivationPattern;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;
import io.exactline.core.plane.RandomNetworks.Activation;

/**
 * Checks partitions of random polygons in random planes under random networks against independent truth: network
 * evaluation at sampled points and plane geometry.
 */
class ExactPlaneRandomNetworkTest {
    private static final int SAMPLES = 400;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Activation activation : Activation.values()) {
            for (long seed = 1; seed <= 3; seed++) {
                cases.add(Arguments.of(activation, seed));
            }
        }
        return cases.stream();
    }

    private record Case(Network network, PlanePartition partition, Random random) {
    }

    private static Case partition(Activation activation, long seed) {
        Network network = RandomNetworks.dense(seed, activation, 3, 10, 10, 10, 4);
        Random random = new Random(seed * 7919);
        int n = 3 + random.nextInt(5);
        double[] angles = new double[n];
        for (int k = 0; k < n; k++) {
            angles[k] = 2 * Math.PI * random.nextDouble();
        }
        Arrays.sort(angles);
        double[] origin = gaussian(random, 3, 0.3);
        double[] a = gaussian(random, 3, 1.0);
        double[] b = gaussian(random, 3, 1.0);
        List<double[]> vertices = new ArrayList<>();
        for (double angle : angles) {
            double c = 1.5 * Math.cos(angle);
            double s = 0.8 * Math.sin(angle);
            double[] x = new double[3];
            for (int i = 0; i < 3; i++) {
                x[i] = origin[i] + c * a[i] + s * b[i];
            }
            vertices.add(x);
        }
        return new Case(network, ExactPlane.partition(network, vertices), random);
    }

    private static double[] gaussian(Random random, int n, double sd) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = sd * random.nextGaussian();
        }
        return v;
    }

    /** Random barycentric weights of a point of a convex polygon with {@code n} vertices, from its vertex fan. */
    private static double[] randomWeights(Random random, double[][] uw) {
        int n = uw.length;
        double[] areas = new double[n];
        double total = 0;
        for (int k = 1; k + 1 < n; k++) {
            areas[k] = Math.max(0, cross(uw[0], uw[k], uw[k + 1]));
            total += areas[k];
        }
        double pick = random.nextDouble() * total;
        int k = 1;
        while (k + 2 < n && pick > areas[k]) {
            pick -= areas[k];
            k++;
        }
        double r1 = random.nextDouble();
        double r2 = random.nextDouble();
        if (r1 + r2 > 1) {
            r1 = 1 - r1;
            r2 = 1 - r2;
        }
        double[] weights = new double[n];
        weights[0] = 1 - r1 - r2;
        weights[k] = r1;
        weights[k + 1] = r2;
        return weights;
    }

    private static double cross(double[] o, double[] a, double[] b) {
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    }

    private static double[] combine(double[] weights, double[][] rows) {
        double[] out = new double[rows[0].length];
        for (int k = 0; k < rows.length; k++) {
            for (int i = 0; i < out.length; i++) {
                out[i] += weights[k] * rows[k][i];
            }
        }
        return out;
    }

    /** Least signed distance from {@code p} to the lines of the region's edges: positive inside. */
    private static double depth(double[][] uw, double[] p) {
        double least = Double.POSITIVE_INFINITY;
        for (int k = 0; k < uw.length; k++) {
            double[] a = uw[k];
            double[] b = uw[(k + 1) % uw.length];
            double length = Math.hypot(b[0] - a[0], b[1] - a[1]);
            if (length > 1e-12) {
                least = Math.min(least, cross(a, b, p) / length);
            }
        }
        return least;
    }

    private static double extent(PlanePartition partition) {
        double[][] polygon = partition.polygon();
        double extent = 0;
        for (double[] a : polygon) {
            for (double[] b : polygon) {
                extent = Math.max(extent, Math.hypot(a[0] - b[0], a[1] - b[1]));
            }
        }
        return extent;
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("cases")
    void networkIsAffineOnEveryRegion(Activation activation, long seed) {
        Case c = partition(activation, seed);
        assertThat(c.partition.regionCount()).as("a partition that cuts something").isGreaterThan(10);

        for (Region region : c.partition.regions()) {
            double[][] outputs = region.outputs();
            double scale = 1;
            for (double[] y : outputs) {
                for (double v : y) {
                    scale = Math.max(scale, Math.abs(v));
                }
            }
            for (int sample = 0; sample < 5; sample++) {
                double[] weights = randomWeights(c.random, region.planeVertices());
                double[] x = combine(weights, region.inputVertices());
                double[] expected = combine(weights, outputs);
                double[] actual = c.network.evaluate(x);
                for (int i = 0; i < actual.length; i++) {
                    if (Math.abs(actual[i] - expected[i]) > 1e-9 * scale) {
                        fail("%s: at %s (weights %s) the network gives %s but the vertices interpolate to %s",
                                region, Arrays.toString(x), Arrays.toString(weights), Arrays.toString(actual),
                                Arrays.toString(expected));
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("cases")
    void regionsTileThePolygon(Activation activation, long seed) {
        Case c = partition(activation, seed);
        double total = c.partition.regions().stream().mapToDouble(Region::area).sum();
        double polygonArea = c.partition.polygonArea();
        double eps = 1e-9 * extent(c.partition);

        assertThat(Math.abs(total - polygonArea)).as("sum of %d region areas %s vs polygon area %s",
                c.partition.regionCount(), total, polygonArea).isLessThanOrEqualTo(1e-9 * polygonArea);
        assertThat(c.partition.regions()).allSatisfy(r -> assertThat(r.area()).as("%s", r).isPositive());
        double[][] polygon = c.partition.polygon();
        List<double[][]> regions = c.partition.regions().stream().map(Region::planeVertices).toList();
        for (int sample = 0; sample < SAMPLES; sample++) {
            double[] p = combine(randomWeights(c.random, polygon), polygon);
            int inside = 0;
            int touching = 0;
            for (double[][] region : regions) {
                double d = depth(region, p);
                if (d > eps) {
                    inside++;
                }
                if (d >= -eps) {
                    touching++;
                }
            }
            if (inside > 1 || touching == 0) {
                fail("point %s lies inside %d regions and inside or on %d", Arrays.toString(p), inside, touching);
            }
        }
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("cases")
    void sampledPointsHaveThePatternOfTheRegionAroundThem(Activation activation, long seed) {
        Case c = partition(activation, seed);
        Map<ActivationPattern, Integer> owners = new HashMap<>();
        for (Region region : c.partition.regions()) {
            Integer previous = owners.put(c.partition.patternOf(region), region.index());
            if (previous != null) {
                fail("regions %d and %d share the pattern %s", previous, region.index(),
                        c.partition.patternOf(region));
            }
        }
        double[][] polygon = c.partition.polygon();
        double eps = 1e-9 * extent(c.partition);
        for (int sample = 0; sample < SAMPLES; sample++) {
            double[] p = combine(randomWeights(c.random, polygon), polygon);
            ActivationPattern pattern = ActivationPattern.at(c.network, c.partition.plane().at(p[0], p[1]));
            Integer owner = owners.get(pattern);
            if (owner == null) {
                fail("point %s has pattern %s, which no region has", Arrays.toString(p), pattern);
            }
            assertThat(depth(c.partition.region(owner).planeVertices(), p)).as("point %s in its pattern's region %d",
                    Arrays.toString(p), owner).isGreaterThanOrEqualTo(-eps);
        }
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("cases")
    void regionsSharingAnEdgeHaveDifferentPatterns(Activation activation, long seed) {
        Case c = partition(activation, seed);
        List<Region> regions = c.partition.regions();
        double eps = 1e-9 * extent(c.partition);
        int adjacent = 0;
        for (int i = 0; i < regions.size(); i++) {
            for (int j = i + 1; j < regions.size(); j++) {
                if (shareAnEdge(regions.get(i).planeVertices(), regions.get(j).planeVertices(), eps)) {
                    adjacent++;
                    assertThat(c.partition.patternOf(regions.get(i))).as("neighbours %d and %d", i, j)
                            .isNotEqualTo(c.partition.patternOf(regions.get(j)));
                }
            }
        }
        assertThat(adjacent).as("neighbouring pairs found").isGreaterThanOrEqualTo(regions.size() - 1);
    }

    /** Whether some edge of {@code a} and some edge of {@code b} lie on one line and overlap in a positive length. */
    private static boolean shareAnEdge(double[][] a, double[][] b, double eps) {
        for (int k = 0; k < a.length; k++) {
            double[] p = a[k];
            double[] q = a[(k + 1) % a.length];
            double length = Math.hypot(q[0] - p[0], q[1] - p[1]);
            if (length <= eps) {
                continue;
            }
            for (int l = 0; l < b.length; l++) {
                double[] r = b[l];
                double[] s = b[(l + 1) % b.length];
                if (Math.abs(cross(p, q, r)) / length > eps || Math.abs(cross(p, q, s)) / length > eps) {
                    continue;
                }
                double tr = ((r[0] - p[0]) * (q[0] - p[0]) + (r[1] - p[1]) * (q[1] - p[1])) / length;
                double ts = ((s[0] - p[0]) * (q[0] - p[0]) + (s[1] - p[1]) * (q[1] - p[1])) / length;
                double overlap = Math.min(length, Math.max(tr, ts)) - Math.max(0, Math.min(tr, ts));
                if (overlap > 1e3 * eps) {
                    return true;
                }
            }
        }
        return false;
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("cases")
    void aConstantLabelHoldsAtSampledPointsAndAVaryingOneFailsAtSomeVertex(Activation activation, long seed) {
        Case c = partition(activation, seed);
        int constant = 0;
        for (Region region : c.partition.regions()) {
            int label = region.argmax();
            double[][] x = region.inputVertices();
            if (region.hasConstantArgmax()) {
                constant++;
                for (int sample = 0; sample < 5; sample++) {
                    double[] point = combine(randomWeights(c.random, region.planeVertices()), x);
                    double[] y = c.network.evaluate(point);
                    assertThat(y[Vectors.argmax(y)] - y[label]).as("%s at %s: %s", region, Arrays.toString(point),
                            Arrays.toString(y)).isLessThanOrEqualTo(1e-9);
                }
            } else {
                double worst = 0;
                for (double[] vertex : x) {
                    double[] y = c.network.evaluate(vertex);
                    worst = Math.max(worst, y[Vectors.argmax(y)] - y[label]);
                }
                assertThat(worst).as("%s: some vertex prefers another label", region).isPositive();
            }
        }
        assertThat(constant).as("regions with a constant label").isPositive();
    }

    @Test
    void acasXuShapedNetworkOnAFullDomainSliceTilesAndIsAffine() {
        Network network = RandomNetworks.dense(11, Activation.RELU, 5, 50, 50, 50, 50, 50, 50, 5);
        List<double[]> slice = List.of(new double[] {-0.33, -0.5, 0.1, 0.2, -0.1},
                new double[] {0.68, -0.5, 0.1, 0.2, -0.1}, new double[] {0.68, 0.5, 0.1, 0.2, -0.1},
                new double[] {-0.33, 0.5, 0.1, 0.2, -0.1});

        PlanePartition partition = ExactPlane.partition(network, slice);

        assertThat(partition.regionCount()).isGreaterThan(1000);
        double total = partition.regions().stream().mapToDouble(Region::area).sum();
        assertThat(Math.abs(total - partition.polygonArea())).isLessThanOrEqualTo(1e-9 * partition.polygonArea());
        Random random = new Random(11);
        for (int sample = 0; sample < 300; sample++) {
            assertAffineAtASample(network, partition.region(random.nextInt(partition.regionCount())), random);
        }
    }

    /** The network at a random point of {@code region} equals the interpolation of the region's vertex outputs. */
    private static void assertAffineAtASample(Network network, Region region, Random random) {
        double[] weights = randomWeights(random, region.planeVertices());
        double[] x = combine(weights, region.inputVertices());
        double[] expected = combine(weights, region.outputs());
        double[] actual = network.evaluate(x);
        for (int i = 0; i < actual.length; i++) {
            if (Math.abs(actual[i] - expected[i]) > 1e-9 * Math.max(1, Math.abs(expected[i]))) {
                fail("%s: at %s the network gives %s but the vertices interpolate to %s", region,
                        Arrays.toString(x), Arrays.toString(actual), Arrays.toString(expected));
            }
        }
    }

    @Test
    void convolutionThenReluThenMaxPoolTilesIsAffineAndHasDistinctPatterns() {
        Random random = new Random(5);
        Shape image = Shape.of(1, 6, 6);
        Conv2d conv = new Conv2d(image, 4, 1, Window2d.of(3, 3).withPads(1, 1, 1, 1),
                random.doubles(4 * 9).map(v -> v - 0.5).toArray(), random.doubles(4).map(v -> 0.1 * v).toArray());
        MaxPool2d pool = new MaxPool2d(Shape.of(4, 6, 6), Window2d.of(2, 2).withStrides(2, 2));
        double[][] head = new double[3][36];
        for (double[] row : head) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextGaussian();
            }
        }
        Network network = new Network(List.of(conv, new Relu(Shape.of(4, 6, 6)), pool,
                new Reshape(Shape.of(4, 3, 3), Shape.vector(36)), new Dense(head, new double[3])), "conv-pool");
        double[] u = new double[36];
        double[] w = new double[36];
        for (int i = 0; i < 36; i++) {
            u[i] = random.nextGaussian();
            w[i] = random.nextGaussian();
        }
        List<double[]> square = new ArrayList<>();
        for (double[] corner : new double[][] {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}}) {
            double[] x = new double[36];
            for (int i = 0; i < x.length; i++) {
                x[i] = corner[0] * u[i] + corner[1] * w[i];
            }
            square.add(x);
        }

        PlanePartition partition = ExactPlane.partition(network, square);

        assertThat(partition.regionCount()).isGreaterThan(100);
        double total = partition.regions().stream().mapToDouble(Region::area).sum();
        assertThat(Math.abs(total - partition.polygonArea())).isLessThanOrEqualTo(1e-9 * partition.polygonArea());
        Map<ActivationPattern, Integer> owners = new HashMap<>();
        for (Region region : partition.regions()) {
            Integer previous = owners.put(partition.patternOf(region), region.index());
            assertThat(previous).as("another region with the pattern of region %d", region.index()).isNull();
            assertAffineAtASample(network, region, random);
        }
    }
}
