package io.exactline.core.plane;

import java.util.Arrays;
import java.util.List;

import io.exactline.core.BadInputException;

/**
 * A two-dimensional affine plane in input space, {@code x(u, w) = origin + u e1 + w e2}, with linearly independent
 * directions {@code e1}, {@code e2}. {@code (u, w)} are the plane coordinates of {@code x}; areas measured in them
 * are input-space areas exactly when {@code e1}, {@code e2} are orthonormal (as {@link #through} makes them).
 *
 * @param origin the point with plane coordinates (0, 0)
 * @param e1 the direction of the u axis
 * @param e2 the direction of the w axis
 */
public record Plane(double[] origin, double[] e1, double[] e2) {
    /** Relative distance from the plane up to which a polygon vertex counts as lying on it. */
    private static final double COPLANAR_TOLERANCE = 1e-9;
    /** Relative size below which a direction counts as zero or as parallel to another. */
    private static final double DEGENERATE_TOLERANCE = 1e-12;

    /**
     * @throws BadInputException if the three vectors differ in length, are not finite, or {@code e1} and {@code e2}
     *         are (nearly) parallel or zero
     */
    public Plane {
        origin = origin.clone();
        e1 = e1.clone();
        e2 = e2.clone();
        if (e1.length != origin.length || e2.length != origin.length) {
            throw new BadInputException("plane origin has " + origin.length + " entries but e1 has " + e1.length
                    + " and e2 " + e2.length + "; all three must live in the same input space");
        }
        requireFinite(origin, "plane origin");
        requireFinite(e1, "plane direction e1");
        requireFinite(e2, "plane direction e2");
        double n1 = norm(e1);
        double n2 = norm(e2);
        if (n1 == 0.0 || n2 == 0.0
                || norm(residual(e2, unit(e1))) <= DEGENERATE_TOLERANCE * n2) {
            throw new BadInputException("plane directions e1 = " + Arrays.toString(e1) + " and e2 = "
                    + Arrays.toString(e2) + " do not span a plane; give two linearly independent directions");
        }
    }

    /**
     * The plane through a polygon's vertices, with orthonormal directions: {@code origin = v_0}, {@code e1} along
     * {@code v_1 - v_0}, {@code e2} the unit vector orthogonal to {@code e1} in the direction of the vertex farthest
     * from the line through {@code v_0} and {@code v_1}. For an axis-parallel rectangle listed from a corner, the
     * plane coordinates are the two varying input coordinates, shifted to start at that corner.
     *
     * @throws BadInputException if there are fewer than 3 vertices, if they differ in length or are not finite,
     *         if {@code v_1 = v_0}, if all vertices lie on one line, or if some vertex lies off the plane by more
     *         than {@code 1e-9} times the polygon's extent
     */
    public static Plane through(List<double[]> vertices) {
        if (vertices.size() < 3) {
            throw new BadInputException("a polygon needs at least 3 vertices, got " + vertices.size());
        }
        double[] v0 = vertices.get(0);
        int d = v0.length;
        for (int k = 0; k < vertices.size(); k++) {
            if (vertices.get(k).length != d) {
                throw new BadInputException("polygon vertex " + k + " has " + vertices.get(k).length
                        + " entries but vertex 0 has " + d + "; all vertices must live in the same input space");
            }
            requireFinite(vertices.get(k), "polygon vertex " + k);
        }
        double extent = 0.0;
        for (double[] v : vertices) {
            extent = Math.max(extent, norm(minus(v, v0)));
        }
        double[] e1 = minus(vertices.get(1), v0);
        double n1 = norm(e1);
        if (n1 <= DEGENERATE_TOLERANCE * extent) {
            throw new BadInputException("polygon vertices 0 and 1 coincide (" + Arrays.toString(v0)
                    + "); give every corner once");
        }
        scale(e1, 1.0 / n1);
        int far = -1;
        double farDistance = 0.0;
        double[] e2 = null;
        for (int k = 2; k < vertices.size(); k++) {
            double[] r = residual(minus(vertices.get(k), v0), e1);
            double distance = norm(r);
            if (distance > farDistance) {
                far = k;
                farDistance = distance;
                e2 = r;
            }
        }
        if (e2 == null || farDistance <= DEGENERATE_TOLERANCE * extent) {
            throw new BadInputException("all " + vertices.size() + " polygon vertices lie on one line through "
                    + Arrays.toString(v0) + "; a polygon needs area");
        }
        scale(e2, 1.0 / farDistance);
        e2 = residual(e2, e1);
        scale(e2, 1.0 / norm(e2));
        for (int k = 2; k < vertices.size(); k++) {
            double[] r = residual(residual(minus(vertices.get(k), v0), e1), e2);
            double off = norm(r);
            if (off > COPLANAR_TOLERANCE * extent) {
                throw new BadInputException("polygon vertex " + k + " lies " + off
                        + " off the plane through vertices 0, 1 and " + far + " (polygon extent " + extent
                        + "); the vertices of a polygon must lie in one plane");
            }
        }
        return new Plane(v0, e1, e2);
    }

    /** Dimension of the input space. */
    public int dimension() {
        return origin.length;
    }

    /** The input point {@code origin + u e1 + w e2}. */
    public double[] at(double u, double w) {
        double[] x = new double[origin.length];
        at(u, w, x, 0);
        return x;
    }

    /** Writes {@code origin + u e1 + w e2} to {@code out[offset..]}. */
    void at(double u, double w, double[] out, int offset) {
        for (int i = 0; i < origin.length; i++) {
            out[offset + i] = origin[i] + u * e1[i] + w * e2[i];
        }
    }

    /**
     * The plane coordinates {@code (u, w)} of the point of the plane closest to {@code x} (the least-squares
     * solution of {@code x = origin + u e1 + w e2}; exact for points of the plane).
     */
    public double[] coordinates(double[] x) {
        if (x.length != origin.length) {
            throw new BadInputException("point has " + x.length + " entries but the plane lives in "
                    + origin.length + " dimensions");
        }
        double[] d = minus(x, origin);
        double g11 = dot(e1, e1);
        double g12 = dot(e1, e2);
        double g22 = dot(e2, e2);
        double b1 = dot(e1, d);
        double b2 = dot(e2, d);
        double det = g11 * g22 - g12 * g12;
        return new double[] {(g22 * b1 - g12 * b2) / det, (g11 * b2 - g12 * b1) / det};
    }

    @Override
    public double[] origin() {
        return origin.clone();
    }

    @Override
    public double[] e1() {
        return e1.clone();
    }

    @Override
    public double[] e2() {
        return e2.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Plane p && Arrays.equals(origin, p.origin) && Arrays.equals(e1, p.e1)
                && Arrays.equals(e2, p.e2);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(origin) + Arrays.hashCode(e1)) + Arrays.hashCode(e2);
    }

    @Override
    public String toString() {
        return "Plane[origin=" + Arrays.toString(origin) + ", e1=" + Arrays.toString(e1) + ", e2="
                + Arrays.toString(e2) + "]";
    }

    private static void requireFinite(double[] v, String what) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new BadInputException(what + " value " + i + " is " + v[i] + "; coordinates must be finite");
            }
        }
    }

    private static double[] minus(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] - b[i];
        }
        return r;
    }

    /** {@code v} minus its component along the unit vector {@code e}. */
    private static double[] residual(double[] v, double[] e) {
        double c = dot(v, e);
        double[] r = v.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] -= c * e[i];
        }
        return r;
    }

    private static double[] unit(double[] v) {
        double[] u = v.clone();
        scale(u, 1.0 / norm(v));
        return u;
    }

    private static void scale(double[] v, double factor) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= factor;
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] v) {
        return Math.sqrt(dot(v, v));
    }
}
