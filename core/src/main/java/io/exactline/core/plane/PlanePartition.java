package io.exactline.core.plane;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;

import io.exactline.core.line.ActivationPattern;
import io.exactline.core.network.Network;

/**
 * The exact partition of a convex polygon of a {@link Plane} into convex regions on each of which a
 * piecewise-linear network is affine (ExactLine's construction with polygons in place of segments). The regions
 * tile the polygon: their interiors are disjoint and their areas sum to the polygon's.
 *
 * <p>Every two regions differ in the state of some unit (they were cut apart by it), so the regions' {@linkplain
 * #patternOf activation patterns} are pairwise distinct, up to the tolerance on region boundaries described in
 * {@link ExactPlane}.
 */
public final class PlanePartition {
    private final Network network;
    private final Plane plane;
    private final double[][] polygon;
    private final double[] uw;
    private final double[] outputs;
    private final int[] regionStart;
    private final int[] regionVertices;

    PlanePartition(Network network, Plane plane, double[][] polygon, Subdivision subdivision) {
        this.network = network;
        this.plane = plane;
        this.polygon = polygon;
        this.uw = subdivision.planeCoordinates();
        this.outputs = subdivision.values();
        this.regionStart = subdivision.pieceStart();
        this.regionVertices = subdivision.pieceVertices();
    }

    /** The network partitioned. */
    public Network network() {
        return network;
    }

    /** The plane the polygon lies in. */
    public Plane plane() {
        return plane;
    }

    /** The partitioned polygon's vertices in plane coordinates, counterclockwise. */
    public double[][] polygon() {
        double[][] copy = new double[polygon.length][];
        for (int k = 0; k < polygon.length; k++) {
            copy[k] = polygon[k].clone();
        }
        return copy;
    }

    /** The area of the partitioned polygon in plane coordinates. */
    public double polygonArea() {
        double twice = 0.0;
        for (int k = 0; k < polygon.length; k++) {
            double[] a = polygon[k];
            double[] b = polygon[(k + 1) % polygon.length];
            twice += a[0] * b[1] - b[0] * a[1];
        }
        return 0.5 * twice;
    }

    /** Number of regions. */
    public int regionCount() {
        return regionStart.length - 1;
    }

    /** Region {@code i}, {@code 0 <= i < regionCount()}. */
    public Region region(int i) {
        int from = regionStart[i];
        int n = regionStart[i + 1] - from;
        int m = network.outputSize();
        double[][] planeVertices = new double[n][];
        double[][] inputVertices = new double[n][];
        double[][] vertexOutputs = new double[n][];
        for (int k = 0; k < n; k++) {
            int v = regionVertices[from + k];
            planeVertices[k] = new double[] {uw[2 * v], uw[2 * v + 1]};
            inputVertices[k] = plane.at(uw[2 * v], uw[2 * v + 1]);
            vertexOutputs[k] = Arrays.copyOfRange(outputs, v * m, (v + 1) * m);
        }
        return new Region(i, planeVertices, inputVertices, vertexOutputs,
                ConvexPolygons.area(uw, regionVertices, from, from + n));
    }

    /** All regions, made on access. */
    public List<Region> regions() {
        return new AbstractList<>() {
            @Override
            public Region get(int i) {
                return region(i);
            }

            @Override
            public int size() {
                return regionCount();
            }
        };
    }

    /**
     * The activation pattern on {@code region}, read at its centroid, where no unit is at a breakpoint (up to the
     * cut tolerance on regions thinner than about 1e-12 of the polygon).
     */
    public ActivationPattern patternOf(Region region) {
        return ActivationPattern.at(network, region.centroidInput());
    }

    @Override
    public String toString() {
        return "PlanePartition(" + network.source() + ", " + regionCount() + " regions)";
    }
}
