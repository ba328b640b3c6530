package io.exactline.core.attribution;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import io.exactline.core.BadInputException;
import io.exactline.core.io.AtomicFiles;
import io.exactline.core.network.Shape;

/**
 * A per-pixel picture of an attribution over an image: intensity {@code v(y, x) = Σ_c |a(c, y, x)| / max}, the
 * summed magnitude over channels normalised by its largest value, so in [0, 1] (all zero when every attribution
 * is zero).
 *
 * @param height image height in pixels
 * @param width image width in pixels
 * @param intensities row-major {@code height × width} values in [0, 1]
 */
public record Heatmap(int height, int width, double[] intensities) {

    public Heatmap {
        if (height <= 0 || width <= 0 || intensities.length != height * width) {
            throw new IllegalArgumentException("a " + height + "x" + width + " heatmap needs " + height * width
                    + " intensities, got " + intensities.length);
        }
        intensities = intensities.clone();
    }

    @Override
    public double[] intensities() {
        return intensities.clone();
    }

    /** The intensity of pixel {@code (y, x)}. */
    public double intensity(int y, int x) {
        return intensities[y * width + x];
    }

    /**
     * The heatmap of an attribution over an image tensor.
     *
     * @param attributions one value per tensor element, row-major in {@code imageShape}
     * @param imageShape {@code [C, H, W]} or {@code [H, W, C]} per {@code layout}, optionally behind leading
     *        dimensions of size 1 (a batch of one); a rank-2 shape is one channel {@code [H, W]}
     * @throws BadInputException if the shape is not an image or does not match the attributions, or an
     *         attribution is not finite
     */
    public static Heatmap of(double[] attributions, Shape imageShape, ChannelLayout layout) {
        int[] dims = withoutLeadingOnes(imageShape);
        if (dims.length != 2 && dims.length != 3) {
            throw new BadInputException("a heatmap needs an image shape [C,H,W], [H,W,C] or [H,W], got " + imageShape);
        }
        if (attributions.length != imageShape.size()) {
            throw new BadInputException("attributions have " + attributions.length + " values but image shape "
                    + imageShape + " has " + imageShape.size() + " elements");
        }
        boolean first = dims.length == 2 || layout == ChannelLayout.CHANNELS_FIRST;
        int channels = dims.length == 2 ? 1 : first ? dims[0] : dims[2];
        int height = dims.length == 2 ? dims[0] : first ? dims[1] : dims[0];
        int width = dims.length == 2 ? dims[1] : first ? dims[2] : dims[1];
        double[] sums = new double[height * width];
        for (int c = 0; c < channels; c++) {
            for (int p = 0; p < sums.length; p++) {
                double a = attributions[first ? c * sums.length + p : p * channels + c];
                if (!Double.isFinite(a)) {
                    throw new BadInputException("attribution " + (first ? c * sums.length + p : p * channels + c)
                            + " is " + a + "; a heatmap needs finite values");
                }
                sums[p] += Math.abs(a);
            }
        }
        double max = Arrays.stream(sums).max().orElse(0);
        if (max > 0) {
            for (int p = 0; p < sums.length; p++) {
                sums[p] = Math.min(1.0, sums[p] / max);
            }
        }
        return new Heatmap(height, width, sums);
    }

    /**
     * The "hot" colour map, black through red and yellow to white: for {@code v} in [0, 1],
     * {@code r = 3v, g = 3v − 1, b = 3v − 2}, each clamped to [0, 1]; returned as {@code 0xRRGGBB}.
     */
    public static int hotColour(double v) {
        int r = channel(3 * v);
        int g = channel(3 * v - 1);
        int b = channel(3 * v - 2);
        return (r << 16) | (g << 8) | b;
    }

    private static int channel(double value) {
        return (int) Math.round(255 * Math.max(0, Math.min(1, value)));
    }

    /** The heatmap as an RGB image in the {@link #hotColour hot} colour map, each pixel a {@code scale × scale} block. */
    public BufferedImage toImage(int scale) {
        if (scale < 1) {
            throw new BadInputException("heatmap scale must be at least 1, got " + scale);
        }
        BufferedImage image = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height * scale; y++) {
            for (int x = 0; x < width * scale; x++) {
                image.setRGB(x, y, hotColour(intensity(y / scale, x / scale)));
            }
        }
        return image;
    }

    /** Writes {@link #toImage toImage(scale)} to {@code file} as PNG. */
    public void writePng(Path file, int scale) throws IOException {
        AtomicFiles.writePng(file, toImage(scale));
    }

    private static int[] withoutLeadingOnes(Shape shape) {
        int[] dims = shape.dims();
        int skip = 0;
        while (dims.length - skip > 3 && dims[skip] == 1) {
            skip++;
        }
        return Arrays.copyOfRange(dims, skip, dims.length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Heatmap h && height == h.height && width == h.width
                && Arrays.equals(intensities, h.intensities);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * height + width) + Arrays.hashCode(intensities);
    }

    @Override
    public String toString() {
        return "Heatmap[" + height + "x" + width + "]";
    }
}
