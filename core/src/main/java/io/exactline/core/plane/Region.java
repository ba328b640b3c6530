package io.exactline.core.plane;

import java.util.Arrays;

import io.exactline.core.Vectors;

/**
 * One region of a {@link PlanePartition}: a convex polygon on which the network is affine, so the output at any
 * point of it is the barycentric interpolation of the outputs at its vertices.
 *
 * @param index position of the region in its partition, from 0
 * @param planeVertices the vertices {@code (u, w)}, counterclockwise; collinear and (up to rounding) repeated
 *        vertices may occur where neighbouring regions were cut
 * @param inputVertices the same vertices in input space, {@code x(u, w)}
 * @param outputs the network output at each vertex
 * @param area the area in plane coordinates, positive
 */
public record Region(int index, double[][] planeVertices, double[][] inputVertices, double[][] outputs,
        double area) {
    public Region {
        if (planeVertices.length < 3 || inputVertices.length != planeVertices.length
                || outputs.length != planeVertices.length) {
            throw new IllegalArgumentException("a region needs at least 3 vertices with one input point and one output"
                    + " each, got " + planeVertices.length + ", " + inputVertices.length + " and " + outputs.length);
        }
        planeVertices = deepCopy(planeVertices);
        inputVertices = deepCopy(inputVertices);
        outputs = deepCopy(outputs);
    }

    @Override
    public double[][] planeVertices() {
        return deepCopy(planeVertices);
    }

    @Override
    public double[][] inputVertices() {
        return deepCopy(inputVertices);
    }

    @Override
    public double[][] outputs() {
        return deepCopy(outputs);
    }

    /** Number of vertices. */
    public int vertexCount() {
        return planeVertices.length;
    }

    /** The centroid (centre of area) in plane coordinates. */
    public double[] centroid() {
        return combine(centroidWeights(), planeVertices);
    }

    /** The centroid as an input point: the image of {@link #centroid()} under the plane's parametrisation. */
    public double[] centroidInput() {
        return combine(centroidWeights(), inputVertices);
    }

    /** The network output at the centroid, interpolated from the vertices (exact up to rounding, f being affine here). */
    public double[] outputAtCentroid() {
        return combine(centroidWeights(), outputs);
    }

    /** The index of the largest output at the centroid, lowest index on ties: e.g. the predicted class. */
    public int argmax() {
        return Vectors.argmax(outputAtCentroid());
    }

    /** The index of the smallest output at the centroid, lowest index on ties: e.g. the ACAS Xu advisory. */
    public int argmin() {
        return Vectors.argmin(outputAtCentroid());
    }

    /**
     * Whether {@link #argmax()} is the largest output everywhere on the region. The outputs being affine here, it is
     * iff its margin {@code y_l - y_k} over every other output {@code k} is non-negative at every vertex; a margin of
     * exactly 0 (a tie on the region's boundary) counts as constant.
     */
    public boolean hasConstantArgmax() {
        return dominatesEverywhere(argmax(), 1.0);
    }

    /** Whether {@link #argmin()} is the smallest output everywhere on the region; ties as in {@link #hasConstantArgmax}. */
    public boolean hasConstantArgmin() {
        return dominatesEverywhere(argmin(), -1.0);
    }

    private boolean dominatesEverywhere(int label, double direction) {
        for (double[] y : outputs) {
            for (int k = 0; k < y.length; k++) {
                if (direction * (y[label] - y[k]) < 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Weights {@code a_k} with {@code sum a_k v_k} the centroid: the fan of triangles {@code (v_0, v_k, v_{k+1})},
     * each contributing a third of its share of the area to each of its corners. A region of zero area (possible
     * only by rounding) gets the vertex average.
     */
    private double[] centroidWeights() {
        int n = planeVertices.length;
        double[] weights = new double[n];
        double[] p0 = planeVertices[0];
        double total = 0.0;
        for (int k = 1; k + 1 < n; k++) {
            double[] a = planeVertices[k];
            double[] b = planeVertices[k + 1];
            double triangle = 0.5 * ((a[0] - p0[0]) * (b[1] - p0[1]) - (b[0] - p0[0]) * (a[1] - p0[1]));
            weights[0] += triangle;
            weights[k] += triangle;
            weights[k + 1] += triangle;
            total += triangle;
        }
        if (!(total > 0)) {
            Arrays.fill(weights, 1.0 / n);
            return weights;
        }
        for (int k = 0; k < n; k++) {
            weights[k] /= 3 * total;
        }
        return weights;
    }

    private static double[] combine(double[] weights, double[][] rows) {
        double[] result = new double[rows[0].length];
        for (int k = 0; k < rows.length; k++) {
            for (int i = 0; i < result.length; i++) {
                result[i] += weights[k] * rows[k][i];
            }
        }
        return result;
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
        return o instanceof Region r && index == r.index && Double.compare(area, r.area) == 0
                && Arrays.deepEquals(planeVertices, r.planeVertices)
                && Arrays.deepEquals(inputVertices, r.inputVertices) && Arrays.deepEquals(outputs, r.outputs);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Integer.hashCode(index) + Arrays.deepHashCode(planeVertices)) + Double.hashCode(area);
    }

    @Override
    public String toString() {
        return "Region[" + index + ", " + planeVertices.length + " vertices, area " + area + "]";
    }
}
