package io.exactline.acasxu;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.TexturePaint;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.exactline.core.BadInputException;
import io.exactline.core.io.AtomicFiles;

/**
 * A policy plot: a picture of an {@link AdvisorySlice} or a {@link TopDownView} with every advisory cell filled in
 * its advisory's colour, the boundaries between different advisories drawn, axes in physical units with ticks, a
 * legend with each advisory's share, and notes on the fixed inputs and on what is exact.
 *
 * <p>Fills are not anti-aliased, so a pixel has the colour of the cell containing its centre. For a linear slice
 * the cells are polygons drawn as they are. For a top-down view each cell's edges (straight in {@code (rho, theta)})
 * are mapped through {@code x = rho cos theta, y = rho sin theta} as polylines fine enough that they stray at most
 * 0.2 px from the true curves; the view has one scale for both axes, the ownship drawn at the origin heading right
 * ({@code +x}), and pixels beyond the domain's range hatched. Boundaries are the slice's
 * {@linkplain AdvisorySlice#boundaries() advisory boundary segments}.
 *
 * <p>Instances are immutable; the {@code with...} methods return modified copies.
 */
public final class PolicyPlot {
    private static final Color[] COLOURS = {new Color(0xE9E9E4), new Color(0x9ECAE1), new Color(0xFCAE91),
        new Color(0x2171B5), new Color(0xCB181D)};
    private static final Color INK = new Color(0x222222);
    private static final Color BOUNDARY = new Color(0x1A1A1A);
    private static final double CURVE_ERROR_PX = 0.2;
    private static final int LEFT = 96;
    private static final int RIGHT = 250;
    private static final int TOP = 72;
    private static final int BOTTOM = 64;

    private final AdvisorySlice slice;
    private final Optional<TopDownWindow> topDown;
    private final int width;
    private final int height;
    private final Optional<Highlight> highlight;
    private final List<CertifiedTile> tiles;

    /**
     * A rectangle to outline on the plot, e.g. one that was certified, with an optional marked point (e.g. a
     * counterexample), in the plot's axis units.
     *
     * @param xMin left edge
     * @param xMax right edge
     * @param yMin lower edge
     * @param yMax upper edge
     * @param label text drawn above the rectangle
     * @param marker a point to mark, {@code {x, y}}
     */
    public record Highlight(double xMin, double xMax, double yMin, double yMax, String label,
            Optional<double[]> marker) {
        public Highlight {
            marker = marker.map(double[]::clone);
        }

        @Override
        public Optional<double[]> marker() {
            return marker.map(double[]::clone);
        }
    }

    private PolicyPlot(AdvisorySlice slice, Optional<TopDownWindow> topDown, int width, int height,
            Optional<Highlight> highlight, List<CertifiedTile> tiles) {
        this.slice = slice;
        this.topDown = topDown;
        this.width = width;
        this.height = height;
        this.highlight = highlight;
        this.tiles = List.copyOf(tiles);
    }

    /** A 960 x 720 plot of a linear slice, axes the slice's two inputs. */
    public static PolicyPlot of(AdvisorySlice slice) {
        return new PolicyPlot(slice, Optional.empty(), 960, 720, Optional.empty(), List.of());
    }

    /** A 960 x 760 top-down plot, axes {@code x} and {@code y} in feet. */
    public static PolicyPlot of(TopDownView view) {
        return new PolicyPlot(view.polar(), Optional.of(view.window()), 960, 760, Optional.empty(), List.of());
    }

    /** The colour of an advisory: left turns blue, right turns red, strong ones dark, clear of conflict grey. */
    public static Color colour(Advisory advisory) {
        return COLOURS[advisory.ordinal()];
    }

    /**
     * With an image of {@code width x height} pixels.
     *
     * @throws BadInputException if the image is too small for the axes and legend (below 480 x 360)
     */
    public PolicyPlot withSize(int newWidth, int newHeight) {
        if (newWidth < 480 || newHeight < 360) {
            throw new BadInputException("a policy plot needs at least 480 x 360 pixels, got " + newWidth + " x "
                    + newHeight);
        }
        return new PolicyPlot(slice, topDown, newWidth, newHeight, highlight, tiles);
    }

    /** With a rectangle (and point) outlined on top. */
    public PolicyPlot withHighlight(Highlight newHighlight) {
        return new PolicyPlot(slice, topDown, width, height, Optional.of(newHighlight), tiles);
    }

    /**
     * With tiles of a linear slice drawn on top: a solid outline where the verifier certified the tile's advisory,
     * a dashed one where it could not decide, none where it found a counterexample; the legend counts them.
     *
     * @throws BadInputException on a top-down plot, whose axes are not the tiles' inputs
     */
    public PolicyPlot withTiles(List<CertifiedTile> newTiles) {
        if (topDown.isPresent() && !newTiles.isEmpty()) {
            throw new BadInputException("certified tiles are drawn on linear slices, not on the top-down view");
        }
        return new PolicyPlot(slice, topDown, width, height, highlight, newTiles);
    }

    /** The pixel rectangle the data area occupies. */
    public Rectangle plotArea() {
        int w = width - LEFT - RIGHT;
        int h = height - TOP - BOTTOM;
        if (topDown.isPresent()) {
            TopDownWindow v = topDown.get();
            double scale = Math.min(w / (v.xMax() - v.xMin()), h / (v.yMax() - v.yMin()));
            int pw = (int) Math.round(scale * (v.xMax() - v.xMin()));
            int ph = (int) Math.round(scale * (v.yMax() - v.yMin()));
            return new Rectangle(LEFT + (w - pw) / 2, TOP + (h - ph) / 2, pw, ph);
        }
        return new Rectangle(LEFT, TOP, w, h);
    }

    /** The axis box {@code {xMin, xMax, yMin, yMax}}: slice coordinates, or feet for a top-down view. */
    public double[] axisBox() {
        if (topDown.isPresent()) {
            TopDownWindow v = topDown.get();
            return new double[] {v.xMin(), v.xMax(), v.yMin(), v.yMax()};
        }
        AxisRange x = slice.slice().x();
        AxisRange y = slice.slice().y();
        return new double[] {x.min(), x.max(), y.min(), y.max()};
    }

    /** The axis coordinates of the pixel position {@code (px, py)} (a pixel's centre is at {@code +0.5}). */
    public double[] axisAt(double px, double py) {
        Rectangle area = plotArea();
        double[] box = axisBox();
        return new double[] {box[0] + (px - area.x) / area.width * (box[1] - box[0]),
            box[3] - (py - area.y) / area.height * (box[3] - box[2])};
    }

    /** Draws the plot. */
    public BufferedImage render() {
        Rectangle area = plotArea();
        AffineTransform toPixels = toPixels(area);
        List<Patch> patches = patches(toPixels);

        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);

            g.setClip(area);
            if (topDown.isPresent()) {
                g.setPaint(hatch());
                g.fill(area);
            }
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            for (Patch patch : patches) {
                g.setColor(colour(patch.advisory));
                g.fill(patch.outline);
            }
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(BOUNDARY);
            g.setStroke(new BasicStroke(1.3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(boundaries(toPixels));
            if (topDown.isPresent()) {
                drawRangeLimit(g, toPixels);
                drawOwnship(g, toPixels);
            }
            drawTiles(g, toPixels);
            highlight.ifPresent(h -> drawHighlight(g, h, toPixels));
            g.setClip(null);

            g.setColor(INK);
            g.setStroke(new BasicStroke(1f));
            g.draw(new Rectangle2D.Double(area.x - 0.5, area.y - 0.5, area.width + 1.0, area.height + 1.0));
            drawAxes(g, area);
            drawTitle(g);
            drawLegend(g, shares(patches, area));
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Writes the plot as a PNG file.
     *
     * @throws BadInputException if the file cannot be written
     */
    public void writePng(Path file) {
        try {
            AtomicFiles.writePng(file, render());
        } catch (IOException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    /** A cell as a closed pixel-space polyline. */
    private record Patch(Advisory advisory, Path2D.Double outline) {
    }

    private AffineTransform toPixels(Rectangle area) {
        double[] box = axisBox();
        AffineTransform t = new AffineTransform();
        t.translate(area.x, area.y);
        t.scale(area.width / (box[1] - box[0]), -area.height / (box[3] - box[2]));
        t.translate(-box[0], -box[3]);
        return t;
    }

    private List<Patch> patches(AffineTransform toPixels) {
        double scale = Math.abs(toPixels.getScaleX());
        List<Patch> patches = new ArrayList<>(slice.cells().size());
        double[] point = new double[2];
        for (AdvisoryCell cell : slice.cells()) {
            double[][] v = cell.vertices();
            Path2D.Double outline = new Path2D.Double(Path2D.WIND_NON_ZERO, 2 * v.length);
            for (int k = 0; k < v.length; k++) {
                double[] p = v[k];
                double[] q = v[(k + 1) % v.length];
                int steps = topDown.isPresent() ? polarSteps(p, q, scale) : 1;
                for (int s = 0; s < steps; s++) {
                    double r = (double) s / steps;
                    mapped(p[0] + r * (q[0] - p[0]), p[1] + r * (q[1] - p[1]), point, toPixels);
                    if (k == 0 && s == 0) {
                        outline.moveTo(point[0], point[1]);
                    } else {
                        outline.lineTo(point[0], point[1]);
                    }
                }
            }
            outline.closePath();
            patches.add(new Patch(cell.advisory(), outline));
        }
        return patches;
    }

    /**
     * Steps that keep the polyline of the polar image of the segment {@code p -> q} ({@code (rho, theta)}) within
     * {@link #CURVE_ERROR_PX} of the curve: the chord error of {@code n} equal steps is at most {@code |c''| / (8
     * n^2)}, and {@code |c''| <= 2 |d rho| |d theta| + rho_max d theta^2}.
     */
    private static int polarSteps(double[] p, double[] q, double pixelsPerFoot) {
        double dRho = Math.abs(q[0] - p[0]);
        double dTheta = Math.abs(q[1] - p[1]);
        double curvature = (2 * dRho * dTheta + Math.max(p[0], q[0]) * dTheta * dTheta) * pixelsPerFoot;
        return (int) Math.min(4096, Math.max(1, Math.ceil(Math.sqrt(curvature / (8 * CURVE_ERROR_PX)))));
    }

    /** Pixel labels: 0 where no cell is, {@code 1 + advisory} inside a cell. */
    private BufferedImage labelRaster(List<Patch> patches, Rectangle area) {
        BufferedImage labels = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = labels.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setClip(area);
            for (Patch patch : patches) {
                int label = 1 + patch.advisory.ordinal();
                g.setColor(new Color(label, label, label));
                g.fill(patch.outline);
            }
        } finally {
            g.dispose();
        }
        return labels;
    }

    /** The advisory boundaries of the slice, mapped to pixels (through the polar map for a top-down view). */
    private Shape boundaries(AffineTransform toPixels) {
        double scale = Math.abs(toPixels.getScaleX());
        Path2D.Double path = new Path2D.Double();
        double[] point = new double[2];
        for (BoundarySegment segment : slice.boundaries()) {
            double[] p = {segment.u0(), segment.w0()};
            double[] q = {segment.u1(), segment.w1()};
            int steps = topDown.isPresent() ? polarSteps(p, q, scale) : 1;
            for (int s = 0; s <= steps; s++) {
                double r = (double) s / steps;
                mapped(p[0] + r * (q[0] - p[0]), p[1] + r * (q[1] - p[1]), point, toPixels);
                if (s == 0) {
                    path.moveTo(point[0], point[1]);
                } else {
                    path.lineTo(point[0], point[1]);
                }
            }
        }
        return path;
    }

    /** Writes the pixel position of slice coordinates {@code (a, b)} to {@code point}. */
    private void mapped(double a, double b, double[] point, AffineTransform toPixels) {
        if (topDown.isPresent()) {
            point[0] = a * Math.cos(b);
            point[1] = a * Math.sin(b);
        } else {
            point[0] = a;
            point[1] = b;
        }
        toPixels.transform(point, 0, point, 0, 1);
    }

    /** The share of labelled pixels of each advisory. */
    private static Map<Advisory, Double> pixelShares(Raster labels, Rectangle area) {
        long[] counts = new long[6];
        for (int y = area.y; y < area.y + area.height; y++) {
            for (int x = area.x; x < area.x + area.width; x++) {
                counts[labels.getSample(x, y, 0)]++;
            }
        }
        long labelled = counts[1] + counts[2] + counts[3] + counts[4] + counts[5];
        Map<Advisory, Double> shares = new EnumMap<>(Advisory.class);
        for (Advisory a : Advisory.values()) {
            shares.put(a, labelled == 0 ? 0.0 : (double) counts[1 + a.ordinal()] / labelled);
        }
        return shares;
    }

    private Map<Advisory, Double> shares(List<Patch> patches, Rectangle area) {
        return topDown.isPresent() ? pixelShares(labelRaster(patches, area).getRaster(), area)
                : slice.areaFractions();
    }

    private static TexturePaint hatch() {
        BufferedImage tile = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = tile.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 8, 8);
            g.setColor(new Color(0xC8C8C8));
            g.drawLine(0, 7, 7, 0);
        } finally {
            g.dispose();
        }
        return new TexturePaint(tile, new Rectangle2D.Double(0, 0, 8, 8));
    }

    private static void drawRangeLimit(Graphics2D g, AffineTransform toPixels) {
        double r = TopDownWindow.MAX_RANGE;
        Shape circle = toPixels.createTransformedShape(new Ellipse2D.Double(-r, -r, 2 * r, 2 * r));
        g.setColor(new Color(0x777777));
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f));
        g.draw(circle);
    }

    /** An aircraft silhouette at the origin, nose along +x, about 30 px long. */
    private static void drawOwnship(Graphics2D g, AffineTransform toPixels) {
        double[] origin = {0, 0};
        toPixels.transform(origin, 0, origin, 0, 1);
        Path2D.Double plane = aircraft();
        AffineTransform place = AffineTransform.getTranslateInstance(origin[0], origin[1]);
        place.scale(1.5, 1.5);
        Shape shape = place.createTransformedShape(plane);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(shape);
        g.setColor(Color.BLACK);
        g.fill(shape);
    }

    /** An aircraft outline centred at the origin, nose along +x (pixel axes: y down), about 20 units long. */
    private static Path2D.Double aircraft() {
        double[][] p = {{10, 0}, {8, -1.2}, {2, -1.4}, {-1, -9}, {-3.5, -9}, {-2, -1.4}, {-7, -1.2}, {-9, -4},
            {-10.5, -4}, {-9.5, 0}, {-10.5, 4}, {-9, 4}, {-7, 1.2}, {-2, 1.4}, {-3.5, 9}, {-1, 9}, {2, 1.4},
            {8, 1.2}};
        Path2D.Double path = new Path2D.Double();
        path.moveTo(p[0][0], p[0][1]);
        for (int k = 1; k < p.length; k++) {
            path.lineTo(p[k][0], p[k][1]);
        }
        path.closePath();
        return path;
    }

    private void drawTiles(Graphics2D g, AffineTransform toPixels) {
        Stroke solid = new BasicStroke(1.4f);
        Stroke dashed = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f},
                0f);
        for (CertifiedTile tile : tiles) {
            if (tile.verdict() instanceof RectangleVerdict.Counterexample) {
                continue;
            }
            InputSlice r = tile.rectangle();
            Rectangle2D box = toPixels.createTransformedShape(new Rectangle2D.Double(r.x().min(), r.y().min(),
                    r.x().max() - r.x().min(), r.y().max() - r.y().min())).getBounds2D();
            g.setStroke(tile.certified() ? solid : dashed);
            g.setColor(tile.certified() ? INK : new Color(0x777777));
            g.draw(new Rectangle2D.Double(box.getX() + 1.5, box.getY() + 1.5, Math.max(0, box.getWidth() - 3),
                    Math.max(0, box.getHeight() - 3)));
        }
    }

    private static void drawHighlight(Graphics2D g, Highlight h, AffineTransform toPixels) {
        Shape box = toPixels.createTransformedShape(new Rectangle2D.Double(h.xMin(), h.yMin(), h.xMax() - h.xMin(),
                h.yMax() - h.yMin()));
        g.setStroke(new BasicStroke(3.5f));
        g.setColor(Color.WHITE);
        g.draw(box);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 4f}, 0f));
        g.setColor(Color.BLACK);
        g.draw(box);
        Rectangle2D bounds = box.getBounds2D();
        g.setFont(font(Font.BOLD, 13));
        FontMetrics fm = g.getFontMetrics();
        float tx = (float) bounds.getX();
        float ty = (float) bounds.getY() - 6;
        if (ty - fm.getAscent() < 0) {
            ty = (float) bounds.getMaxY() + fm.getAscent() + 4;
        }
        Rectangle2D textBox = fm.getStringBounds(h.label(), g);
        g.setColor(new Color(255, 255, 255, 210));
        g.fill(new Rectangle2D.Double(tx - 3, ty - fm.getAscent() - 1, textBox.getWidth() + 6, fm.getHeight() + 2));
        g.setColor(Color.BLACK);
        g.drawString(h.label(), tx, ty);
        h.marker().ifPresent(m -> {
            double[] p = m.clone();
            toPixels.transform(p, 0, p, 0, 1);
            g.setStroke(new BasicStroke(3.5f));
            g.setColor(Color.WHITE);
            g.draw(new Line2D.Double(p[0] - 7, p[1] - 7, p[0] + 7, p[1] + 7));
            g.draw(new Line2D.Double(p[0] - 7, p[1] + 7, p[0] + 7, p[1] - 7));
            g.setStroke(new BasicStroke(2f));
            g.setColor(new Color(0xFFD400));
            g.draw(new Line2D.Double(p[0] - 7, p[1] - 7, p[0] + 7, p[1] + 7));
            g.draw(new Line2D.Double(p[0] - 7, p[1] + 7, p[0] + 7, p[1] - 7));
        });
    }

    private void drawAxes(Graphics2D g, Rectangle area) {
        double[] box = axisBox();
        g.setFont(font(Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        g.setColor(INK);
        double[] xTicks = ticks(box[0], box[1]);
        for (double t : xTicks) {
            double px = area.x + (t - box[0]) / (box[1] - box[0]) * area.width;
            g.draw(new Line2D.Double(px, area.y + area.height + 0.5, px, area.y + area.height + 6));
            String text = tickLabel(t, xTicks);
            g.drawString(text, (float) (px - fm.stringWidth(text) / 2.0), area.y + area.height + 8 + fm.getAscent());
        }
        double[] yTicks = ticks(box[2], box[3]);
        for (double t : yTicks) {
            double py = area.y + (box[3] - t) / (box[3] - box[2]) * area.height;
            g.draw(new Line2D.Double(area.x - 6, py, area.x - 0.5, py));
            String text = tickLabel(t, yTicks);
            g.drawString(text, area.x - 9 - fm.stringWidth(text), (float) (py + fm.getAscent() / 2.0 - 1));
        }
        g.setFont(font(Font.PLAIN, 14));
        fm = g.getFontMetrics();
        String xLabel = topDown.isPresent() ? "x: ahead of the ownship (ft)" : axisLabel(slice.slice().x().input());
        String yLabel = topDown.isPresent() ? "y: left of the ownship (ft)" : axisLabel(slice.slice().y().input());
        g.drawString(xLabel, (float) (area.getCenterX() - fm.stringWidth(xLabel) / 2.0),
                area.y + area.height + 46);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(yLabel, (float) (-area.getCenterY() - fm.stringWidth(yLabel) / 2.0), area.x - 62f);
        g.setTransform(saved);
    }

    private void drawTitle(Graphics2D g) {
        g.setColor(INK);
        g.setFont(font(Font.BOLD, 17));
        g.drawString(title(), LEFT, 30);
        g.setFont(font(Font.PLAIN, 13));
        g.setColor(new Color(0x555555));
        g.drawString(subtitle(), LEFT, 52);
    }

    private String title() {
        String net = networkName();
        if (topDown.isPresent()) {
            return "ACAS Xu " + net + ": advisory by intruder position";
        }
        return "ACAS Xu " + net + ": advisory over " + symbol(slice.slice().x().input()) + " \u00d7 "
                + symbol(slice.slice().y().input());
    }

    private String networkName() {
        String source = slice.partition().network().source();
        try {
            NetworkId id = NetworkId.parse(source);
            return "network " + id + " (previous " + id.previousAdvisory() + ", \u03c4 = " + id.tauSeconds() + " s)";
        } catch (BadInputException notBundled) {
            return source;
        }
    }

    private String subtitle() {
        EncounterState fixed = slice.slice().fixed();
        double[] values = fixed.toArray();
        StringBuilder text = new StringBuilder();
        for (InputVariable v : InputVariable.values()) {
            boolean varies = topDown.isPresent() ? v == InputVariable.RHO || v == InputVariable.THETA
                    : v == slice.slice().x().input() || v == slice.slice().y().input();
            if (!varies) {
                text.append(text.length() == 0 ? "" : ",  ").append(symbol(v)).append(" = ")
                        .append(value(values[v.index()])).append(' ').append(v.unit());
            }
        }
        return text.toString();
    }

    private void drawLegend(Graphics2D g, Map<Advisory, Double> shares) {
        int x = width - RIGHT + 24;
        int y = TOP + 4;
        g.setColor(INK);
        g.setFont(font(Font.BOLD, 14));
        g.drawString("Advisory", x, y + 12);
        g.setFont(font(Font.PLAIN, 12));
        g.setColor(new Color(0x555555));
        g.drawString(topDown.isPresent() ? "share of in-domain pixels" : "share of the slice's area", x, y + 30);
        y += 44;
        for (Advisory a : Advisory.values()) {
            g.setColor(colour(a));
            g.fillRect(x, y, 22, 16);
            g.setColor(INK);
            g.drawRect(x, y, 22, 16);
            g.setFont(font(Font.BOLD, 12));
            g.drawString(a.name(), x + 30, y + 13);
            g.setFont(font(Font.PLAIN, 12));
            g.drawString(a.description(), x + 64, y + 13);
            String share = String.format(Locale.ROOT, "%.1f%%", 100 * shares.get(a));
            g.drawString(share, width - 14 - g.getFontMetrics().stringWidth(share), y + 13);
            y += 24;
        }
        y += 8;
        if (!tiles.isEmpty()) {
            long certified = tiles.stream().filter(CertifiedTile::certified).count();
            long undecided = tiles.stream().filter(t -> t.verdict() instanceof RectangleVerdict.Undecided).count();
            g.setColor(INK);
            g.setStroke(new BasicStroke(1.4f));
            g.drawRect(x, y, 22, 16);
            g.drawString("certified: " + certified + " of " + tiles.size() + " tiles", x + 30, y + 13);
            y += 24;
            if (undecided > 0) {
                g.setColor(new Color(0x777777));
                g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[] {4f, 3f}, 0f));
                g.drawRect(x, y, 22, 16);
                g.setColor(INK);
                g.drawString("undecided: " + undecided, x + 30, y + 13);
                y += 24;
            }
            g.setStroke(new BasicStroke(1f));
            y += 8;
        }
        if (topDown.isPresent()) {
            g.setPaint(hatch());
            g.fillRect(x, y, 22, 16);
            g.setColor(INK);
            g.drawRect(x, y, 22, 16);
            g.drawString("beyond \u03c1 = 60,760 ft", x + 30, y + 13);
            y += 40;
            y = drawIntruderHeading(g, x, y);
        }
        g.setColor(new Color(0x555555));
        g.setFont(font(Font.PLAIN, 11));
        for (String line : notes()) {
            g.drawString(line, x, y);
            y += 15;
        }
    }

    private int drawIntruderHeading(Graphics2D g, int x, int y) {
        double psi = topDown.orElseThrow().psi();
        g.setColor(INK);
        g.setFont(font(Font.PLAIN, 12));
        g.drawString("intruder heading " + symbol(InputVariable.PSI) + ":", x, y);
        double cx = x + 150;
        double cy = y - 4;
        g.setStroke(new BasicStroke(1f));
        g.setColor(new Color(0xBBBBBB));
        g.draw(new Ellipse2D.Double(cx - 20, cy - 20, 40, 40));
        g.setColor(INK);
        double ex = cx + 18 * Math.cos(psi);
        double ey = cy - 18 * Math.sin(psi);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(cx - 18 * Math.cos(psi), cy + 18 * Math.sin(psi), ex, ey));
        double back = psi + Math.PI;
        for (double side : new double[] {-0.45, 0.45}) {
            g.draw(new Line2D.Double(ex, ey, ex + 8 * Math.cos(back + side), ey - 8 * Math.sin(back + side)));
        }
        g.setFont(font(Font.PLAIN, 11));
        g.setColor(new Color(0x555555));
        g.drawString("(ownship heads right)", x, y + 16);
        return y + 44;
    }

    private List<String> notes() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%,d linear regions (exact),", slice.regionCount()));
        lines.add(String.format(Locale.ROOT, "%,d of them split along", slice.splitRegions()));
        lines.add("advisory boundaries.");
        lines.add("");
        if (topDown.isPresent()) {
            lines.add("Cells: the exact advisory cells");
            lines.add("of the (" + symbol(InputVariable.RHO) + ", " + symbol(InputVariable.THETA)
                    + ") slice, mapped by");
            lines.add("x = " + symbol(InputVariable.RHO) + " cos " + symbol(InputVariable.THETA) + ", y = "
                    + symbol(InputVariable.RHO) + " sin " + symbol(InputVariable.THETA) + "; curved");
            lines.add("edges drawn within 0.2 px.");
            TopDownWindow v = topDown.get();
            if (v.xMin() < 0 && v.yMin() <= 0 && v.yMax() >= 0) {
                lines.add("Behind the ownship (y = 0, x < 0)");
                lines.add(symbol(InputVariable.THETA) + " jumps from \u03c0 to -\u03c0: the network");
                lines.add("need not agree across that ray.");
            }
        } else {
            lines.add("Cells: exact polygons on which one");
            lines.add("score is minimal (vertices from the");
            lines.add("affine maps, up to rounding).");
        }
        lines.add("A pixel shows the cell holding");
        lines.add("its centre.");
        return lines;
    }

    private static String axisLabel(InputVariable v) {
        return symbol(v) + " (" + v.unit() + ")";
    }

    /** The input's symbol if the plot font can draw it, else its ASCII name. */
    private static String symbol(InputVariable v) {
        return font(Font.PLAIN, 12).canDisplayUpTo(v.symbol()) == -1 ? v.symbol() : v.key();
    }

    private static Font font(int style, int size) {
        return new Font(Font.SANS_SERIF, style, size);
    }

    private static String value(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /** Round tick values covering {@code [low, high]}: steps of 1, 2 or 5 times a power of ten, 4 to 9 ticks. */
    static double[] ticks(double low, double high) {
        double raw = (high - low) / 8;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = power;
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= raw) {
                step = m * power;
                break;
            }
        }
        long first = (long) Math.ceil(low / step - 1e-9);
        long last = (long) Math.floor(high / step + 1e-9);
        double[] ticks = new double[(int) (last - first + 1)];
        for (int k = 0; k < ticks.length; k++) {
            ticks[k] = (first + k) * step;
        }
        return ticks;
    }

    private static String tickLabel(double t, double[] ticks) {
        double step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
        if (step >= 1 && Math.abs(step - Math.rint(step)) < 1e-9) {
            return String.format(Locale.ROOT, "%,.0f", t);
        }
        int decimals = (int) Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", Math.abs(t) < step * 1e-9 ? 0.0 : t);
    }
}
