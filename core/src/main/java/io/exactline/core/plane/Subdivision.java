package io.exactline.core.plane;

import java.util.Arrays;

import io.exactline.core.layer.Layer;

/**
 * A polygon cut into convex pieces, carried through a network: a pool of vertices, each with its plane coordinates
 * {@code (u, w)} and the current layer's values there, and the pieces as counterclockwise lists of vertex indices.
 * Vertices are shared by the pieces cut from one polygon of the previous stage (a cut vertex is made once per edge),
 * not across them; no piece needs its neighbours to share its vertices.
 *
 * <p>On every piece the current values are an affine function of {@code (u, w)}: they start as the input point
 * {@code x(u, w)}, affine layers keep them affine, and {@link #cut} makes each piece lie on one side of every
 * breakpoint of the next piecewise-linear layer before that layer is applied.
 *
 * <p><b>Tolerance.</b> A piece is cut by the line where a unit's value {@code z} equals a breakpoint {@code c} only
 * if {@code z - c} is below {@code -tau} at some vertex and above {@code +tau} at another, where {@code tau} is
 * {@link #CUT_TOLERANCE} times the largest {@code |z|} or {@code |c|} of the layer over the vertices of the polygon
 * being cut. Vertices with {@code |z - c| <= tau} count as lying on the line. So no cut leaves a piece thinner than
 * that (no slivers of rounding-error width), and no area is ever dropped: every cut divides a piece along a chord
 * whose two ends both halves share, so the pieces tile their parent exactly. The price is that near a region's
 * boundary a unit may sit on the wrong side of its breakpoint by at most {@code tau}. Should rounding make the signs
 * along a piece's boundary impossible for an affine function (more than one run of either sign), {@code tau} is
 * raised sixteenfold until they are possible or the line no longer crosses the piece, which is then left whole.
 */
final class Subdivision {
    /** Relative tolerance {@code tau / scale} of a cut, see the class comment. */
    private static final double CUT_TOLERANCE = 1e-12;
    private static final double TOLERANCE_GROWTH = 16.0;
    /** Marks a cut by one unit's value alone, not by the difference of two units. */
    private static final int NO_UNIT = -1;

    private int width;
    private int vertexCount;
    private double[] uw;
    private double[] values;
    private int pieceCount;
    private int[] pieceStart;
    private int[] pieceVertices;

    private final EdgeVertices edgeVertices = new EdgeVertices();
    /** Scratch for {@link #split}: each vertex's side of the line, its value minus the breakpoint, the chord. */
    private int[] signs = new int[8];
    private double[] offsets = new double[8];
    private final int[] chordP = new int[3];
    private final int[] chordQ = new int[3];

    private Subdivision(int width, int vertexCount, double[] uw, double[] values, int pieceCount, int[] pieceStart,
            int[] pieceVertices) {
        this.width = width;
        this.vertexCount = vertexCount;
        this.uw = uw;
        this.values = values;
        this.pieceCount = pieceCount;
        this.pieceStart = pieceStart;
        this.pieceVertices = pieceVertices;
    }

    /** One piece, the counterclockwise {@code polygon} of plane coordinates, with the input points as values. */
    static Subdivision of(Plane plane, double[][] polygon) {
        int n = polygon.length;
        int d = plane.dimension();
        double[] uw = new double[2 * n];
        double[] values = new double[d * n];
        int[] vertices = new int[n];
        for (int k = 0; k < n; k++) {
            uw[2 * k] = polygon[k][0];
            uw[2 * k + 1] = polygon[k][1];
            plane.at(polygon[k][0], polygon[k][1], values, k * d);
            vertices[k] = k;
        }
        return new Subdivision(d, n, uw, values, 1, new int[] {0, n}, vertices);
    }

    int vertexCount() {
        return vertexCount;
    }

    int pieceCount() {
        return pieceCount;
    }

    /** Plane coordinates, {@code (u, w)} interleaved, {@link #vertexCount()} pairs. */
    double[] planeCoordinates() {
        return Arrays.copyOf(uw, 2 * vertexCount);
    }

    /** The current values, {@link #vertexCount()} rows of the current layer's width. */
    double[] values() {
        return Arrays.copyOf(values, width * vertexCount);
    }

    /** Offsets into {@link #pieceVertices()}: piece {@code i} is {@code [start[i], start[i + 1])}. */
    int[] pieceStart() {
        return Arrays.copyOf(pieceStart, pieceCount + 1);
    }

    /** Vertex indices of all pieces, concatenated. */
    int[] pieceVertices() {
        return Arrays.copyOf(pieceVertices, pieceStart[pieceCount]);
    }

    /** Applies {@code layer} to the values at every vertex. */
    void map(Layer layer) {
        int out = layer.outputShape().size();
        double[] mapped = new double[vertexCount * out];
        for (int v = 0; v < vertexCount; v++) {
            layer.apply(values, v * width, mapped, v * out);
        }
        values = mapped;
        width = out;
    }

    /**
     * Cuts every piece along the lines where some unit's value crosses one of {@code breakpoints}, so that on each
     * new piece every unit is on one side of every breakpoint (up to the tolerance of the class comment).
     */
    void cut(double[] breakpoints) {
        double breakpointScale = 0.0;
        for (double c : breakpoints) {
            breakpointScale = Math.max(breakpointScale, Math.abs(c));
        }
        Pieces current = new Pieces();
        Pieces next = new Pieces();
        Pieces result = new Pieces();
        double[] low = new double[width];
        double[] high = new double[width];
        for (int p = 0; p < pieceCount; p++) {
            int from = pieceStart[p];
            int to = pieceStart[p + 1];
            double scale = valueRange(from, to, low, high);
            double tolerance = CUT_TOLERANCE * Math.max(scale, breakpointScale);
            current.clear();
            current.add(pieceVertices, from, to);
            for (int unit = 0; unit < width; unit++) {
                for (double c : breakpoints) {
                    if (low[unit] - c < -tolerance && high[unit] - c > tolerance) {
                        edgeVertices.startPass();
                        next.clear();
                        for (int i = 0; i < current.count; i++) {
                            split(current, i, unit, NO_UNIT, c, tolerance, next);
                        }
                        Pieces swap = current;
                        current = next;
                        next = swap;
                    }
                }
            }
            for (int i = 0; i < current.count; i++) {
                result.add(current.vertices, current.start[i], current.start[i + 1]);
            }
        }
        pieceCount = result.count;
        pieceStart = result.start;
        pieceVertices = result.vertices;
    }

    /**
     * Cuts every piece into the cells on which one unit of each group is the largest (a max-pool window's argmax):
     * the cell of unit {@code g[i]} is the piece clipped by the half-planes {@code z_{g[i]} >= z_{g[j]}} for every
     * other {@code j}, with ties to the lowest position, so the cells of a piece tile it and differ in their argmax.
     * A half-plane is met up to the tolerance of the class comment: a cell thinner than that is dropped, and its
     * area belongs to the neighbouring cell that wins there.
     */
    void cutByArgmax(int[][] groups) {
        Pieces current = new Pieces();
        for (int p = 0; p < pieceCount; p++) {
            current.add(pieceVertices, pieceStart[p], pieceStart[p + 1]);
        }
        Pieces next = new Pieces();
        Pieces cell = new Pieces();
        Pieces halves = new Pieces();
        for (int[] group : groups) {
            next.clear();
            for (int p = 0; p < current.count; p++) {
                double tolerance = CUT_TOLERANCE * groupScale(current, p, group);
                for (int i = 0; i < group.length; i++) {
                    cell.clear();
                    cell.add(current.vertices, current.start[p], current.start[p + 1]);
                    if (clipToArgmax(cell, group, i, tolerance, halves)) {
                        next.add(cell.vertices, cell.start[0], cell.start[1]);
                    }
                }
            }
            Pieces swap = current;
            current = next;
            next = swap;
        }
        pieceCount = current.count;
        pieceStart = Arrays.copyOf(current.start, current.count + 1);
        pieceVertices = Arrays.copyOf(current.vertices, current.start[current.count]);
    }

    /**
     * Clips the one piece of {@code cell} to where {@code group[i]} is the group's argmax; false if that leaves
     * nothing.
     */
    private boolean clipToArgmax(Pieces cell, int[] group, int i, double tolerance, Pieces halves) {
        if (beatenEverywhere(cell, group, i, tolerance)) {
            return false;
        }
        for (int j = 0; j < group.length; j++) {
            if (j == i) {
                continue;
            }
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            double sum = 0;
            for (int k = cell.start[0]; k < cell.start[1]; k++) {
                double s = offset(cell.vertices[k], group[j], group[i], 0.0);
                low = Math.min(low, s);
                high = Math.max(high, s);
                sum += s;
            }
            boolean neverAbove = high <= tolerance;
            boolean neverBelow = low >= -tolerance;
            if (neverAbove && neverBelow) {
                if (j < i) {
                    return false;
                }
                continue;
            }
            if (neverAbove) {
                continue;
            }
            if (neverBelow) {
                return false;
            }
            halves.clear();
            edgeVertices.startPass();
            split(cell, 0, group[j], group[i], 0.0, tolerance, halves);
            if (halves.count == 1 && sum >= 0) {
                return false;
            }
            cell.clear();
            cell.add(halves.vertices, halves.start[0], halves.start[1]);
        }
        return true;
    }

    /**
     * Whether some other unit of the group is at least {@code group[i]}'s value (up to the tolerance) all over the
     * one piece of {@code cell} and either above it somewhere or tied with it and earlier: then {@code group[i]}'s
     * cell is empty, found before any cut makes vertices.
     */
    private boolean beatenEverywhere(Pieces cell, int[] group, int i, double tolerance) {
        for (int j = 0; j < group.length; j++) {
            if (j == i) {
                continue;
            }
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (int k = cell.start[0]; k < cell.start[1]; k++) {
                double s = offset(cell.vertices[k], group[j], group[i], 0.0);
                low = Math.min(low, s);
                high = Math.max(high, s);
            }
            if (low >= -tolerance && (high > tolerance || j < i)) {
                return true;
            }
        }
        return false;
    }

    /** The largest |value| of the group's units over the vertices of piece {@code p}. */
    private double groupScale(Pieces pieces, int p, int[] group) {
        double scale = 0.0;
        for (int k = pieces.start[p]; k < pieces.start[p + 1]; k++) {
            int row = pieces.vertices[k] * width;
            for (int unit : group) {
                scale = Math.max(scale, Math.abs(values[row + unit]));
            }
        }
        return scale;
    }

    /** Per-unit minimum and maximum over the vertices {@code pieceVertices[from..to)}; returns the largest |value|. */
    private double valueRange(int from, int to, double[] low, double[] high) {
        Arrays.fill(low, Double.POSITIVE_INFINITY);
        Arrays.fill(high, Double.NEGATIVE_INFINITY);
        for (int k = from; k < to; k++) {
            int row = pieceVertices[k] * width;
            for (int j = 0; j < width; j++) {
                double z = values[row + j];
                low[j] = Math.min(low[j], z);
                high[j] = Math.max(high[j], z);
            }
        }
        double scale = 0.0;
        for (int j = 0; j < width; j++) {
            scale = Math.max(scale, Math.max(-low[j], high[j]));
        }
        return scale;
    }

    /**
     * Splits piece {@code i} of {@code pieces} by the line {@code z_unit = c} into {@code out}, or copies it there
     * if the line does not cross it. The boundary, read counterclockwise, is one run of vertices below the line, a
     * (possibly empty) run on it, one run above and another (possibly empty) run on it. Each run on the line gives
     * its vertex closest to the line as an end of the chord; an empty run gives the point where the edge between
     * the runs below and above crosses the line.
     */
    private void split(Pieces pieces, int i, int unit, int other, double c, double tolerance, Pieces out) {
        int from = pieces.start[i];
        int m = pieces.start[i + 1] - from;
        int[] vs = pieces.vertices;
        if (signs.length < m) {
            signs = new int[2 * m];
            offsets = new double[2 * m];
        }
        for (int k = 0; k < m; k++) {
            offsets[k] = offset(vs[from + k], unit, other, c);
        }
        double tau = tolerance;
        int negStart;
        int posStart;
        while (true) {
            boolean below = false;
            boolean above = false;
            for (int k = 0; k < m; k++) {
                double s = offsets[k];
                signs[k] = s < -tau ? -1 : s > tau ? 1 : 0;
                below |= signs[k] < 0;
                above |= signs[k] > 0;
            }
            if (!below || !above) {
                out.add(vs, from, from + m);
                return;
            }
            negStart = runStart(m, -1);
            posStart = runStart(m, 1);
            if (negStart >= 0 && posStart >= 0) {
                break;
            }
            tau *= TOLERANCE_GROWTH;
        }
        int negEnd = runEnd(m, negStart);
        int posEnd = runEnd(m, posStart);
        chordEnd(vs, from, m, negEnd, posStart, unit, other, c, chordP);
        chordEnd(vs, from, m, posEnd, negStart, unit, other, c, chordQ);
        emit(vs, from, m, chordQ, chordP, out);
        emit(vs, from, m, chordP, chordQ, out);
    }

    /** The index where the only run of {@code sign} begins, or -1 if there is more than one run. */
    private int runStart(int m, int sign) {
        int start = -1;
        for (int k = 0; k < m; k++) {
            if (signs[k] == sign && signs[(k + m - 1) % m] != sign) {
                if (start >= 0) {
                    return -1;
                }
                start = k;
            }
        }
        return start;
    }

    /** The last index of the run beginning at {@code start}. */
    private int runEnd(int m, int start) {
        int sign = signs[start];
        int k = start;
        while (signs[(k + 1) % m] == sign) {
            k = (k + 1) % m;
        }
        return k;
    }

    /**
     * Finds the chord end between the run ending at {@code runEnd} and the next run, starting at {@code nextStart}:
     * the on-line vertex between them closest to the line, or else a new vertex where the edge between them
     * crosses the line. Writes {@code {pool vertex, last boundary position before it, first one after it}} to
     * {@code end}.
     */
    private void chordEnd(int[] vs, int from, int m, int runEnd, int nextStart, int unit, int other, double c,
            int[] end) {
        int after = (runEnd + 1) % m;
        if (after == nextStart) {
            end[0] = crossing(vs[from + runEnd], vs[from + after], unit, other, c);
            end[1] = runEnd;
            end[2] = after;
            return;
        }
        int best = after;
        for (int k = after; k != nextStart; k = (k + 1) % m) {
            if (Math.abs(offsets[k]) < Math.abs(offsets[best])) {
                best = k;
            }
        }
        end[0] = vs[from + best];
        end[1] = (best + m - 1) % m;
        end[2] = (best + 1) % m;
    }

    /**
     * Emits the piece bounded by the boundary counterclockwise from chord end {@code first} to chord end
     * {@code last} and the chord back. The boundary between them holds at least one vertex.
     */
    private static void emit(int[] vs, int from, int m, int[] first, int[] last, Pieces out) {
        out.begin();
        out.push(first[0]);
        for (int k = first[2];; k = (k + 1) % m) {
            out.push(vs[from + k]);
            if (k == last[1]) {
                break;
            }
        }
        out.push(last[0]);
        out.end();
    }

    /**
     * The pool index of the point where {@code z_unit - z_other = c} (or {@code z_unit = c} when {@code other} is
     * {@link #NO_UNIT}) on the edge between pool vertices {@code a} and {@code b}.
     */
    private int crossing(int a, int b, int unit, int other, double c) {
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        int known = edgeVertices.get(lo, hi);
        if (known >= 0) {
            return known;
        }
        double sLo = offset(lo, unit, other, c);
        double sHi = offset(hi, unit, other, c);
        double t = sLo / (sLo - sHi);
        int v = newVertex();
        uw[2 * v] = uw[2 * lo] + t * (uw[2 * hi] - uw[2 * lo]);
        uw[2 * v + 1] = uw[2 * lo + 1] + t * (uw[2 * hi + 1] - uw[2 * lo + 1]);
        int rowLo = lo * width;
        int rowHi = hi * width;
        int row = v * width;
        for (int j = 0; j < width; j++) {
            values[row + j] = values[rowLo + j] + t * (values[rowHi + j] - values[rowLo + j]);
        }
        values[row + unit] = other == NO_UNIT ? c : values[row + other] + c;
        edgeVertices.put(lo, hi, v);
        return v;
    }

    /** {@code z_unit - z_other - c} at pool vertex {@code v}, with {@code z_other = 0} for {@link #NO_UNIT}. */
    private double offset(int v, int unit, int other, double c) {
        double z = values[v * width + unit] - c;
        return other == NO_UNIT ? z : z - values[v * width + other];
    }

    private int newVertex() {
        if (vertexCount * width == values.length || 2 * vertexCount == uw.length) {
            int capacity = Math.max(16, 2 * vertexCount);
            values = Arrays.copyOf(values, capacity * width);
            uw = Arrays.copyOf(uw, 2 * capacity);
        }
        return vertexCount++;
    }

    /** Pieces as concatenated vertex lists with start offsets. */
    private static final class Pieces {
        int count;
        int[] start = new int[16];
        int[] vertices = new int[64];
        private int size;

        void clear() {
            count = 0;
            size = 0;
        }

        void begin() {
            if (count + 2 > start.length) {
                start = Arrays.copyOf(start, 2 * start.length);
            }
            start[count] = size;
        }

        void push(int vertex) {
            if (size == vertices.length) {
                vertices = Arrays.copyOf(vertices, 2 * size);
            }
            vertices[size++] = vertex;
        }

        void end() {
            count++;
            start[count] = size;
        }

        void add(int[] source, int from, int to) {
            begin();
            for (int k = from; k < to; k++) {
                push(source[k]);
            }
            end();
        }
    }
}
