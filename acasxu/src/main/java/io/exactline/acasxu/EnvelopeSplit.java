package io.exactline.acasxu;

import java.util.ArrayList;
import java.util.List;

import io.exactline.core.plane.Region;

/**
 * Splits a linear region of a slice into the cells where each advisory holds. On the region the five scores are
 * affine, so the set where score {@code k} is the lowest is the region cut by the four half-planes
 * {@code y_k - y_j <= 0}: a convex polygon, computed by clipping the region against each half-plane with the
 * scores interpolated at the new vertices (exact up to rounding, the scores being affine).
 */
final class EnvelopeSplit {
    /** Cells whose area is below this fraction of their region's are rounding slivers and are dropped. */
    private static final double SLIVER = 1e-12;

    private EnvelopeSplit() {
    }

    /** The cells of {@code region}: one if its advisory is constant, else one per advisory holding on some area. */
    static List<AdvisoryCell> cells(Region region) {
        double[][] vertices = region.planeVertices();
        double[][] scores = region.outputs();
        if (region.hasConstantArgmin()) {
            return List.of(new AdvisoryCell(Advisory.ofOutput(region.argmin()), region.index(), vertices, scores,
                    region.area()));
        }
        List<AdvisoryCell> cells = new ArrayList<>(2);
        for (int k = 0; k < 5; k++) {
            Polygon cell = new Polygon(vertices, scores);
            for (int j = 0; j < 5 && cell.size() >= 3; j++) {
                if (j != k) {
                    cell = cell.clip(k, j);
                }
            }
            double area = cell.size() >= 3 ? cell.area() : 0.0;
            if (area > SLIVER * region.area()) {
                cells.add(new AdvisoryCell(Advisory.ofOutput(k), region.index(), cell.vertices, cell.scores, area));
            }
        }
        return cells;
    }

    /** A convex polygon with the scores at its vertices. */
    private record Polygon(double[][] vertices, double[][] scores) {
        int size() {
            return vertices.length;
        }

        /** The part where {@code y_k - y_j <= 0} (Sutherland-Hodgman against one half-plane). */
        Polygon clip(int k, int j) {
            int n = vertices.length;
            List<double[]> keptVertices = new ArrayList<>(n + 1);
            List<double[]> keptScores = new ArrayList<>(n + 1);
            for (int a = 0; a < n; a++) {
                int b = (a + 1) % n;
                double ma = scores[a][k] - scores[a][j];
                double mb = scores[b][k] - scores[b][j];
                if (ma <= 0) {
                    keptVertices.add(vertices[a]);
                    keptScores.add(scores[a]);
                }
                if ((ma < 0 && mb > 0) || (ma > 0 && mb < 0)) {
                    double r = ma / (ma - mb);
                    keptVertices.add(lerp(vertices[a], vertices[b], r));
                    keptScores.add(lerp(scores[a], scores[b], r));
                }
            }
            return new Polygon(keptVertices.toArray(double[][]::new), keptScores.toArray(double[][]::new));
        }

        double area() {
            double[] o = vertices[0];
            double twice = 0.0;
            for (int a = 1; a + 1 < vertices.length; a++) {
                double[] p = vertices[a];
                double[] q = vertices[a + 1];
                twice += (p[0] - o[0]) * (q[1] - o[1]) - (q[0] - o[0]) * (p[1] - o[1]);
            }
            return 0.5 * twice;
        }

        private static double[] lerp(double[] p, double[] q, double r) {
            double[] x = new double[p.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = p[i] + r * (q[i] - p[i]);
            }
            return x;
        }
    }
}
