package io.exactline.acasxu;

import java.util.Arrays;

/**
 * A convex polygon of a slice on which one advisory holds: a linear region of the network, or the part of one where
 * one of the five affine scores is the lowest.
 *
 * @param advisory the advisory on the cell's interior
 * @param region the index of the linear region the cell lies in
 * @param vertices the vertices {@code (u, w)} in slice coordinates, counterclockwise
 * @param scores the five normalised scores at each vertex
 * @param area the area in slice coordinates
 */
public record AdvisoryCell(Advisory advisory, int region, double[][] vertices, double[][] scores, double area) {
    public AdvisoryCell {
        vertices = deepCopy(vertices);
        scores = deepCopy(scores);
    }

    @Override
    public double[][] vertices() {
        return deepCopy(vertices);
    }

    @Override
    public double[][] scores() {
        return deepCopy(scores);
    }

    /** Number of vertices. */
    public int vertexCount() {
        return vertices.length;
    }

    /** Vertex {@code k}'s slice coordinates, without copying the others. */
    public double[] vertex(int k) {
        return vertices[k].clone();
    }

    private static double[][] deepCopy(double[][] rows) {
        double[][] copy = new double[rows.length][];
        for (int k = 0; k < rows.length; k++) {
            copy[k] = rows[k].clone();
        }
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AdvisoryCell c && advisory == c.advisory && region == c.region
                && Double.compare(area, c.area) == 0 && Arrays.deepEquals(vertices, c.vertices)
                && Arrays.deepEquals(scores, c.scores);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * advisory.hashCode() + region) + Arrays.deepHashCode(vertices);
    }

    @Override
    public String toString() {
        return "AdvisoryCell[" + advisory + ", region " + region + ", " + vertices.length + " vertices, area " + area
                + "]";
    }
}
