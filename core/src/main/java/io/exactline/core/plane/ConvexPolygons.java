package io.exactline.core.plane;

import java.util.Arrays;

import io.exactline.core.BadInputException;

/** Checks that vertices in plane coordinates form a convex polygon, and orders them counterclockwise. */
final class ConvexPolygons {
    /** Relative length below which an edge counts as zero, and relative turn below which a vertex counts as straight. */
    private static final double TOLERANCE = 1e-12;

    private ConvexPolygons() {
    }

    /**
     * The vertices {@code (u_k, w_k)} in counterclockwise order (reversed if given clockwise).
     *
     * @throws BadInputException if there are fewer than 3 vertices, a vertex is not a finite pair, two consecutive
     *         vertices coincide, the polygon turns both left and right (non-convex), all vertices lie on one line,
     *         or the boundary winds around more than once (a star polygon)
     */
    static double[][] counterclockwise(double[][] polygon) {
        int n = polygon.length;
        if (n < 3) {
            throw new BadInputException("a polygon needs at least 3 vertices, got " + n);
        }
        for (int k = 0; k < n; k++) {
            if (polygon[k].length != 2 || !Double.isFinite(polygon[k][0]) || !Double.isFinite(polygon[k][1])) {
                throw new BadInputException("polygon vertex " + k + " is " + Arrays.toString(polygon[k])
                        + "; plane coordinates are two finite numbers (u, w)");
            }
        }
        double extent = 0.0;
        for (double[] p : polygon) {
            extent = Math.max(extent, Math.hypot(p[0] - polygon[0][0], p[1] - polygon[0][1]));
        }
        for (int k = 0; k < n; k++) {
            double[] a = polygon[k];
            double[] b = polygon[(k + 1) % n];
            if (Math.hypot(b[0] - a[0], b[1] - a[1]) <= TOLERANCE * extent) {
                throw new BadInputException("polygon vertices " + k + " and " + (k + 1) % n + " coincide at "
                        + Arrays.toString(a) + "; give every corner once");
            }
        }
        int left = -1;
        int right = -1;
        double turning = 0.0;
        for (int k = 0; k < n; k++) {
            double[] a = polygon[(k + n - 1) % n];
            double[] b = polygon[k];
            double[] c = polygon[(k + 1) % n];
            double ux = b[0] - a[0];
            double uy = b[1] - a[1];
            double vx = c[0] - b[0];
            double vy = c[1] - b[1];
            double cross = ux * vy - uy * vx;
            double dot = ux * vx + uy * vy;
            turning += Math.atan2(cross, dot);
            double straight = TOLERANCE * Math.hypot(ux, uy) * Math.hypot(vx, vy);
            if (cross > straight) {
                left = k;
            } else if (cross < -straight) {
                right = k;
            }
        }
        if (left >= 0 && right >= 0) {
            throw new BadInputException("the polygon is not convex: it turns left at vertex " + left
                    + " but right at vertex " + right + "; split it into convex polygons or list its convex hull");
        }
        if (left < 0 && right < 0) {
            throw new BadInputException("all " + n + " polygon vertices lie on one line; a polygon needs area");
        }
        long windings = Math.round(Math.abs(turning) / (2 * Math.PI));
        if (windings != 1) {
            throw new BadInputException("the polygon's boundary winds " + windings
                    + " times around its inside (a star polygon); list the vertices in order along the boundary");
        }
        double[][] ordered = new double[n][];
        for (int k = 0; k < n; k++) {
            ordered[k] = polygon[left >= 0 ? k : n - 1 - k].clone();
        }
        return ordered;
    }

    /** The signed area of a polygon given as interleaved {@code (u, w)} pairs (positive when counterclockwise). */
    static double area(double[] uw, int[] vertices, int from, int to) {
        double twice = 0.0;
        int first = vertices[from];
        double u0 = uw[2 * first];
        double w0 = uw[2 * first + 1];
        for (int k = from + 1; k + 1 < to; k++) {
            int a = vertices[k];
            int b = vertices[k + 1];
            twice += (uw[2 * a] - u0) * (uw[2 * b + 1] - w0) - (uw[2 * b] - u0) * (uw[2 * a + 1] - w0);
        }
        return 0.5 * twice;
    }
}
