package io.exactline.acasxu;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.exactline.core.network.Network;
import io.exactline.core.plane.ExactPlane;
import io.exactline.core.plane.PlanePartition;
import io.exactline.core.plane.Region;

/**
 * The ACAS Xu advisories on a slice linear in the network inputs, exactly: the {@link ExactPlane} partition of
 * the rectangle into linear regions, and each region split along the lines where two of its five affine scores
 * tie, into {@link AdvisoryCell cells} on each of which one advisory is the minimal score.
 *
 * <p>What is exact: the regions and cells are the true ones up to floating-point rounding in their vertices (the
 * vertices are computed from the affine maps on edges, never by sampling), and so are the area fractions.
 * Within a cell the advisory is constant; ties lie on cell boundaries. Cells thinner than rounding (below
 * {@code 1e-12} of their region's area) are dropped. The plane cut tolerance of {@link ExactPlane} applies to the
 * region boundaries.
 */
public final class AdvisorySlice {
    private final InputSlice slice;
    private final PlanePartition partition;
    private final List<AdvisoryCell> cells;
    private final int splitRegions;

    private AdvisorySlice(InputSlice slice, PlanePartition partition, List<AdvisoryCell> cells, int splitRegions) {
        this.slice = slice;
        this.partition = partition;
        this.cells = List.copyOf(cells);
        this.splitRegions = splitRegions;
    }

    /** Partitions {@code slice} for {@code network} (normalised inputs, normalised scores). */
    public static AdvisorySlice compute(Network network, InputSlice slice) {
        PlanePartition partition = ExactPlane.partition(network, slice.plane(), slice.corners());
        List<AdvisoryCell> cells = new ArrayList<>(partition.regionCount() + partition.regionCount() / 16);
        int split = 0;
        for (Region region : partition.regions()) {
            List<AdvisoryCell> regionCells = EnvelopeSplit.cells(region);
            if (!region.hasConstantArgmin()) {
                split++;
            }
            cells.addAll(regionCells);
        }
        return new AdvisorySlice(slice, partition, cells, split);
    }

    /** The slice. */
    public InputSlice slice() {
        return slice;
    }

    /** The exact partition into linear regions. */
    public PlanePartition partition() {
        return partition;
    }

    /** The advisory cells, region by region. */
    public List<AdvisoryCell> cells() {
        return cells;
    }

    /** Number of linear regions. */
    public int regionCount() {
        return partition.regionCount();
    }

    /** Number of linear regions on which the advisory is not constant, split into several cells. */
    public int splitRegions() {
        return splitRegions;
    }

    /**
     * The segments, in slice coordinates, along which two different advisories meet: the cell edges whose two
     * sides hold different advisories. The cells across an edge are those met by the line {@code 1e-9} of the
     * slice's size beyond it, followed from cell to cell (an edge may border several cells where a neighbour was
     * cut and this cell not), so the segments are exact up to rounding, except next to cells thinner than that
     * offset (near a sharp corner), which the line passes over: there a segment may run along the far side of the
     * sliver, within {@code 1e-9} of the slice's size of the true boundary. Only where the line meets no cell (a
     * sliver dropped from the cells) is the edge bisected instead, to pieces of {@code 1/4096} of the slice. Each
     * segment is reported once.
     */
    public List<BoundarySegment> boundaries() {
        AxisRange x = slice.x();
        AxisRange y = slice.y();
        CellLocator locator = new CellLocator(cells, new double[] {x.min(), x.max(), y.min(), y.max()});
        List<BoundarySegment> segments = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            new EdgeWalk(locator, c, segments).run();
        }
        return segments;
    }

    /** Walks the edges of one cell, reporting the pieces where the cell across has a higher advisory. */
    private final class EdgeWalk {
        private static final double OFFSET = 1e-9;
        private static final double INSET = 1e-6;
        private static final double RESOLUTION = 1.0 / 4096;
        private final CellLocator locator;
        private final int cell;
        private final List<BoundarySegment> out;
        private final Advisory advisory;
        private double px;
        private double py;
        private double qx;
        private double qy;
        private double nx;
        private double ny;
        private double[] from;
        private double[] to;
        /** Index in {@code out} of the first segment reported on the current edge; only those may be extended. */
        private int edgeFirst;

        EdgeWalk(CellLocator locator, int cell, List<BoundarySegment> out) {
            this.locator = locator;
            this.cell = cell;
            this.out = out;
            this.advisory = cells.get(cell).advisory();
        }

        void run() {
            double[] xs = locator.xs(cell);
            double[] ys = locator.ys(cell);
            AdvisoryCell c = cells.get(cell);
            for (int k = 0; k < xs.length; k++) {
                int l = (k + 1) % xs.length;
                px = xs[k];
                py = ys[k];
                qx = xs[l];
                qy = ys[l];
                double length = Math.hypot(qx - px, qy - py);
                if (length == 0) {
                    continue;
                }
                nx = (qy - py) / length * OFFSET;
                ny = -(qx - px) / length * OFFSET;
                from = c.vertex(k);
                to = c.vertex(l);
                edgeFirst = out.size();
                double inset = Math.min(0.25, INSET / length);
                follow(inset, length);
            }
        }

        /**
         * Follows the edge through the cells across it: from the cell found just past the start, to the point where
         * the line {@code OFFSET} beyond the edge leaves that cell (exact, from the cell's edges), and on to the
         * next cell. Where no cell is found (outside the slice, or a dropped sliver), or rounding keeps the walk
         * in one cell, the rest of the edge is bisected instead.
         */
        private void follow(double inset, double length) {
            double r = 0;
            int a = neighbour(inset);
            while (a >= 0) {
                double exit = Math.max(r, locator.exit(a, px + nx, py + ny, qx - px, qy - py));
                if (exit >= 1 - inset) {
                    report(r, 1, a);
                    return;
                }
                report(r, exit, a);
                int next = neighbour(exit + inset);
                if (next == a) {
                    walk(exit, 1, a, neighbour(1 - inset), length);
                    return;
                }
                r = exit;
                a = next;
            }
            walk(r, 1, a, neighbour(1 - inset), length);
        }

        private int neighbour(double r) {
            return locator.locate(px + r * (qx - px) + nx, py + r * (qy - py) + ny);
        }

        private void walk(double r0, double r1, int a, int b, double length) {
            if (a == b) {
                report(r0, r1, a);
            } else if ((r1 - r0) * length <= RESOLUTION) {
                double mid = 0.5 * (r0 + r1);
                report(r0, mid, a);
                report(mid, r1, b);
            } else {
                double mid = 0.5 * (r0 + r1);
                int m = neighbour(mid);
                walk(r0, mid, a, m, length);
                walk(mid, r1, m, b, length);
            }
        }

        private void report(double r0, double r1, int other) {
            if (other < 0) {
                return;
            }
            Advisory across = cells.get(other).advisory();
            if (across.ordinal() <= advisory.ordinal()) {
                return;
            }
            double u0 = from[0] + r0 * (to[0] - from[0]);
            double w0 = from[1] + r0 * (to[1] - from[1]);
            double u1 = from[0] + r1 * (to[0] - from[0]);
            double w1 = from[1] + r1 * (to[1] - from[1]);
            int last = out.size() - 1;
            if (last >= edgeFirst) {
                BoundarySegment previous = out.get(last);
                if (previous.u1() == u0 && previous.w1() == w0 && previous.higher() == across
                        && previous.lower() == advisory) {
                    out.set(last, new BoundarySegment(previous.u0(), previous.w0(), u1, w1, advisory, across));
                    return;
                }
            }
            out.add(new BoundarySegment(u0, w0, u1, w1, advisory, across));
        }
    }

    /** The fraction of the slice's area where each advisory holds; advisories that hold nowhere map to 0. */
    public Map<Advisory, Double> areaFractions() {
        Map<Advisory, Double> fractions = new EnumMap<>(Advisory.class);
        for (Advisory a : Advisory.values()) {
            fractions.put(a, 0.0);
        }
        double total = partition.polygonArea();
        for (AdvisoryCell cell : cells) {
            fractions.merge(cell.advisory(), cell.area() / total, Double::sum);
        }
        return fractions;
    }
}
