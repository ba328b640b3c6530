package io.exactline.core.plane;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

import io.exactline.core.BadInputException;
import io.exactline.core.io.AtomicFiles;

/**
 * A picture of a {@link PlanePartition}: every region filled with the colour of its label (e.g. {@link Region#argmin}
 * for the ACAS Xu advisory), optionally outlined, on a background. Plane coordinates {@code (u, w)} become pixel
 * coordinates through an affine transform the caller may supply; by default the polygon's bounding box fills the
 * image with {@code w} pointing up. Filling is not anti-aliased, so every pixel whose centre lies in a region has
 * exactly that region's colour. Axes, labels and legends are left to callers.
 *
 * <p>Instances are immutable; the {@code with...} methods return modified copies.
 */
public final class PlaneImage {
    /** Ten well-separated colours (Tableau 10), for labels 0 to 9, repeating after. */
    private static final Color[] CATEGORICAL = {new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759),
        new Color(0x76B7B2), new Color(0x59A14F), new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7),
        new Color(0x9C755F), new Color(0xBAB0AC)};

    private final int width;
    private final int height;
    private final ToIntFunction<Region> label;
    private final Optional<AffineTransform> toPixels;
    private final IntFunction<Color> palette;
    private final Optional<Color> boundary;
    private final Color background;

    private PlaneImage(int width, int height, ToIntFunction<Region> label, Optional<AffineTransform> toPixels,
            IntFunction<Color> palette, Optional<Color> boundary, Color background) {
        this.width = width;
        this.height = height;
        this.label = label;
        this.toPixels = toPixels.map(t -> (AffineTransform) t.clone());
        this.palette = palette;
        this.boundary = boundary;
        this.background = background;
    }

    /**
     * An image of {@code width x height} pixels colouring regions by {@code label}, with the default palette
     * ({@link #categorical}), black boundaries, a white background and the polygon's bounding box fitted to the
     * image.
     *
     * @throws BadInputException if a size is not positive
     */
    public static PlaneImage of(int width, int height, ToIntFunction<Region> label) {
        if (width <= 0 || height <= 0) {
            throw new BadInputException("an image needs a positive size, got " + width + "x" + height + " pixels");
        }
        return new PlaneImage(width, height, label, Optional.empty(), PlaneImage::categorical,
                Optional.of(Color.BLACK), Color.WHITE);
    }

    /** The colour of {@code label} in a ten-colour categorical palette; negative labels are mid grey. */
    public static Color categorical(int label) {
        return label < 0 ? Color.GRAY : CATEGORICAL[label % CATEGORICAL.length];
    }

    /**
     * The transform mapping the box {@code [uMin, uMax] x [wMin, wMax]} onto a {@code width x height} image, with
     * {@code u} to the right and {@code w} up.
     */
    public static AffineTransform fit(double uMin, double wMin, double uMax, double wMax, int width, int height) {
        if (!(uMax > uMin) || !(wMax > wMin)) {
            throw new BadInputException("cannot fit the box [" + uMin + ", " + uMax + "] x [" + wMin + ", " + wMax
                    + "] to an image: it needs positive width and height");
        }
        AffineTransform t = new AffineTransform();
        t.scale(width / (uMax - uMin), -height / (wMax - wMin));
        t.translate(-uMin, -wMax);
        return t;
    }

    /** With {@code toPixels} mapping plane coordinates {@code (u, w)} to pixel coordinates (x right, y down). */
    public PlaneImage withTransform(AffineTransform toPixels) {
        return new PlaneImage(width, height, label, Optional.of(toPixels), palette, boundary, background);
    }

    /** With {@code palette} giving the fill colour of each label. */
    public PlaneImage withPalette(IntFunction<Color> palette) {
        return new PlaneImage(width, height, label, toPixels, palette, boundary, background);
    }

    /** With region boundaries drawn one pixel wide in {@code colour}. */
    public PlaneImage withBoundaries(Color colour) {
        return new PlaneImage(width, height, label, toPixels, palette, Optional.of(colour), background);
    }

    /** Without region boundaries. */
    public PlaneImage withoutBoundaries() {
        return new PlaneImage(width, height, label, toPixels, palette, Optional.empty(), background);
    }

    /** With {@code colour} where no region is drawn. */
    public PlaneImage withBackground(Color colour) {
        return new PlaneImage(width, height, label, toPixels, palette, boundary, colour);
    }

    /** Draws {@code partition}. */
    public BufferedImage render(PlanePartition partition) {
        AffineTransform transform = toPixels.orElseGet(() -> fitPolygon(partition));
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setColor(background);
            g.fillRect(0, 0, width, height);
            for (Region region : partition.regions()) {
                g.setColor(palette.apply(label.applyAsInt(region)));
                g.fill(outline(region.planeVertices(), transform));
            }
            if (boundary.isPresent()) {
                g.setColor(boundary.get());
                g.setStroke(new BasicStroke(1f));
                for (Region region : partition.regions()) {
                    g.draw(outline(region.planeVertices(), transform));
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Draws {@code partition} into a PNG file at {@code file}. */
    public void writePng(PlanePartition partition, Path file) throws IOException {
        AtomicFiles.writePng(file, render(partition));
    }

    private AffineTransform fitPolygon(PlanePartition partition) {
        double uMin = Double.POSITIVE_INFINITY;
        double wMin = Double.POSITIVE_INFINITY;
        double uMax = Double.NEGATIVE_INFINITY;
        double wMax = Double.NEGATIVE_INFINITY;
        for (double[] p : partition.polygon()) {
            uMin = Math.min(uMin, p[0]);
            wMin = Math.min(wMin, p[1]);
            uMax = Math.max(uMax, p[0]);
            wMax = Math.max(wMax, p[1]);
        }
        return fit(uMin, wMin, uMax, wMax, width, height);
    }

    private static Path2D outline(double[][] vertices, AffineTransform transform) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(vertices[0][0], vertices[0][1]);
        for (int k = 1; k < vertices.length; k++) {
            path.lineTo(vertices[k][0], vertices[k][1]);
        }
        path.closePath();
        path.transform(transform);
        return path;
    }
}
