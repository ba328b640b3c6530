package io.exactline.core.plane;

import java.util.List;

import io.exactline.core.BadInputException;
import io.exactline.core.layer.ElementwisePiecewiseLinear;
import io.exactline.core.layer.Layer;
import io.exactline.core.layer.MaxPool2d;
import io.exactline.core.layer.PiecewiseLinearLayer;
import io.exactline.core.network.Network;
import io.exactline.core.network.UnsupportedNetworkException;

/**
 * The exact partition of a convex polygon in a two-dimensional plane of input space into the convex regions on
 * which a piecewise-linear network is affine: ExactLine (Sotoudeh and Thakur) with polygons in place of segments.
 *
 * <p>The polygon is carried through the network as a list of convex pieces, each with its vertices' plane
 * coordinates {@code (u, w)} and the current layer's values there. On each piece those values are an affine
 * function of {@code (u, w)}. An affine layer maps every vertex. Before a piecewise-linear layer, each piece is cut
 * by the line where a unit's value crosses a breakpoint (ReLU and leaky ReLU: 0; hard tanh: its two bounds), unit
 * after unit, each cut applying to the pieces the previous ones made; a cut vertex is interpolated on the edge
 * whose ends lie on opposite sides. Then every piece is on one linear piece of every unit, so applying the layer
 * to all vertices keeps the values affine on each piece. The final pieces are the regions.
 *
 * <p>Before a max-pooling layer, each piece is cut into the cells of every window's argmax: the cell of element
 * {@code a} is the piece clipped by the half-planes {@code z_a >= z_b} of the window's other elements (ties to the
 * lowest kernel position). Only lines where the argmax really changes are cut, so the cells of a piece differ in
 * the window's state and, as for the element-wise layers, no merging is needed.
 *
 * <p>Tolerance: a unit cuts a piece only if its value minus the breakpoint is below {@code -tau} at some vertex and
 * above {@code +tau} at another, with {@code tau} = 1e-12 times the largest absolute value of the layer (or
 * breakpoint) over the vertices of the polygon being cut; vertices within {@code tau} of the line count as on it.
 * So there are no slivers of rounding-error width, yet no area is ever dropped: every cut divides a piece along a
 * chord that both halves share, and the regions tile the polygon. The price: near a region's boundary a unit may
 * be on the wrong side of its breakpoint by at most {@code tau}.
 *
 * <p>Any two regions were separated by some cut, across which the cutting unit changes state, so the regions have
 * pairwise distinct activation patterns (read at their centroids; only a region thinner than the tolerance could
 * read the cutting unit's other state); in particular neighbours do not share one, and no merging is needed.
 */
public final class ExactPlane {
    private ExactPlane() {
    }

    /**
     * Partitions the convex polygon with vertices {@code v_0 .. v_{n-1}} (in order along its boundary, either
     * direction) in the plane {@link Plane#through} them.
     *
     * @throws BadInputException if the network has a layer that is not piecewise linear, if there are fewer than
     *         3 vertices, if a vertex does not fit the network's input or is not finite, or if the vertices are not
     *         coplanar, not convex, collinear or repeated
     */
    public static PlanePartition partition(Network network, List<double[]> vertices) {
        network.requirePiecewiseLinear("ExactPlane");
        if (vertices.size() < 3) {
            throw new BadInputException("a polygon needs at least 3 vertices, got " + vertices.size());
        }
        for (int k = 0; k < vertices.size(); k++) {
            network.checkInput(vertices.get(k), "polygon vertex " + k);
        }
        Plane plane = Plane.through(vertices);
        double[][] polygon = new double[vertices.size()][];
        for (int k = 0; k < polygon.length; k++) {
            polygon[k] = plane.coordinates(vertices.get(k));
        }
        return partition(network, plane, polygon);
    }

    /**
     * Partitions the convex polygon with vertices {@code (u_k, w_k)} (in order along its boundary, either
     * direction) given in the coordinates of {@code plane}.
     *
     * @throws BadInputException if the network has a layer that is not piecewise linear, if the plane is not in
     *         the network's input space, or if the vertices do not form a convex polygon with positive area
     */
    public static PlanePartition partition(Network network, Plane plane, double[][] polygon) {
        network.requirePiecewiseLinear("ExactPlane");
        if (plane.dimension() != network.inputSize()) {
            throw new BadInputException("the plane lives in " + plane.dimension() + " dimensions but "
                    + network.source() + " takes " + network.inputSize() + " inputs (shape " + network.inputShape()
                    + ")");
        }
        double[][] counterclockwise = ConvexPolygons.counterclockwise(polygon);
        Subdivision subdivision = Subdivision.of(plane, counterclockwise);
        for (Layer layer : network.layers()) {
            if (layer instanceof ElementwisePiecewiseLinear elementwise) {
                subdivision.cut(elementwise.breakpoints());
            } else if (layer instanceof MaxPool2d pool) {
                subdivision.cutByArgmax(windows(pool));
            } else if (layer instanceof PiecewiseLinearLayer other) {
                throw new UnsupportedNetworkException("ExactPlane cannot cut polygons by " + other.describe()
                        + " (" + network.source() + "); supported: ReLU, leaky ReLU, hard tanh and max pooling");
            }
            subdivision.map(layer);
        }
        return new PlanePartition(network, plane, counterclockwise, subdivision);
    }

    private static int[][] windows(MaxPool2d pool) {
        int[][] windows = new int[pool.unitCount()][];
        for (int u = 0; u < windows.length; u++) {
            windows[u] = pool.windowInputs(u);
        }
        return windows;
    }
}
