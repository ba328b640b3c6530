package io.exactline.acasxu;

import java.util.List;

/**
 * Finds the advisory cell containing a point of a slice, through a uniform grid of buckets over the slice's
 * rectangle. Coordinates are scaled to the unit square first, so that inputs with very different units (feet and
 * radians) weigh alike.
 */
final class CellLocator {
    private final double[] box;
    private final int grid;
    private final double[][] xs;
    private final double[][] ys;
    private final int[] bucketStart;
    private final int[] bucketCells;

    /** @param box the slice's rectangle {@code {uMin, uMax, wMin, wMax}} */
    CellLocator(List<AdvisoryCell> cells, double[] box) {
        this.box = box.clone();
        int n = cells.size();
        this.grid = (int) Math.max(8, Math.min(1024, Math.ceil(2 * Math.sqrt(n))));
        this.xs = new double[n][];
        this.ys = new double[n][];
        int[][] ranges = new int[n][];
        int[] counts = new int[grid * grid + 1];
        for (int c = 0; c < n; c++) {
            AdvisoryCell cell = cells.get(c);
            int m = cell.vertexCount();
            xs[c] = new double[m];
            ys[c] = new double[m];
            double xMin = 1;
            double xMax = 0;
            double yMin = 1;
            double yMax = 0;
            for (int k = 0; k < m; k++) {
                double[] v = cell.vertex(k);
                xs[c][k] = unitX(v[0]);
                ys[c][k] = unitY(v[1]);
                xMin = Math.min(xMin, xs[c][k]);
                xMax = Math.max(xMax, xs[c][k]);
                yMin = Math.min(yMin, ys[c][k]);
                yMax = Math.max(yMax, ys[c][k]);
            }
            ranges[c] = new int[] {bucket(xMin), bucket(xMax), bucket(yMin), bucket(yMax)};
            for (int by = ranges[c][2]; by <= ranges[c][3]; by++) {
                for (int bx = ranges[c][0]; bx <= ranges[c][1]; bx++) {
                    counts[by * grid + bx + 1]++;
                }
            }
        }
        for (int b = 0; b < grid * grid; b++) {
            counts[b + 1] += counts[b];
        }
        this.bucketStart = counts.clone();
        this.bucketCells = new int[counts[grid * grid]];
        for (int c = 0; c < n; c++) {
            for (int by = ranges[c][2]; by <= ranges[c][3]; by++) {
                for (int bx = ranges[c][0]; bx <= ranges[c][1]; bx++) {
                    bucketCells[counts[by * grid + bx]++] = c;
                }
            }
        }
    }

    /** The horizontal slice coordinate scaled to [0, 1]. */
    double unitX(double u) {
        return (u - box[0]) / (box[1] - box[0]);
    }

    /** The vertical slice coordinate scaled to [0, 1]. */
    double unitY(double w) {
        return (w - box[2]) / (box[3] - box[2]);
    }

    /** The cell containing the unit-square point {@code (x, y)}, or -1 if none does (outside, or a dropped sliver). */
    int locate(double x, double y) {
        if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) {
            return -1;
        }
        int b = bucket(y) * grid + bucket(x);
        for (int i = bucketStart[b]; i < bucketStart[b + 1]; i++) {
            int c = bucketCells[i];
            if (contains(xs[c], ys[c], x, y)) {
                return c;
            }
        }
        return -1;
    }

    /**
     * Where the line {@code (x + r dx, y + r dy)} leaves cell {@code c} as {@code r} grows: the smallest {@code r}
     * at which it crosses an edge of the cell outwards (Cyrus-Beck), or infinity if it never does.
     */
    double exit(int c, double x, double y, double dx, double dy) {
        double[] px = xs[c];
        double[] py = ys[c];
        int m = px.length;
        double exit = Double.POSITIVE_INFINITY;
        for (int k = 0; k < m; k++) {
            int l = k + 1 == m ? 0 : k + 1;
            double ex = px[l] - px[k];
            double ey = py[l] - py[k];
            double outward = ex * dy - ey * dx;
            if (outward < 0) {
                double inside = ex * (y - py[k]) - ey * (x - px[k]);
                exit = Math.min(exit, -inside / outward);
            }
        }
        return exit;
    }

    /** Vertices of cell {@code c} in the unit square, counterclockwise. */
    double[] xs(int c) {
        return xs[c];
    }

    double[] ys(int c) {
        return ys[c];
    }

    private int bucket(double t) {
        return Math.max(0, Math.min(grid - 1, (int) (t * grid)));
    }

    /** Whether the counterclockwise convex polygon contains {@code (x, y)} (boundary included). */
    private static boolean contains(double[] px, double[] py, double x, double y) {
        int m = px.length;
        for (int k = 0; k < m; k++) {
            int l = k + 1 == m ? 0 : k + 1;
            if ((px[l] - px[k]) * (y - py[k]) - (py[l] - py[k]) * (x - px[k]) < 0) {
                return false;
            }
        }
        return true;
    }
}
