package io.exactline.core.io;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.util.Optional;

import io.exactline.core.network.Shape;

/**
 * How a network's input vector reads as a picture: {@code height x width} pixels of {@code channels} (1 grey or 3
 * RGB), stored channel-first ({@code C, H, W}, as PyTorch exports) or channel-last ({@code H, W, C}, as TensorFlow).
 * The input element of pixel {@code (r, c)} and channel {@code k} is
 * {@code k * H * W + r * W + c} channel-first and {@code (r * W + c) * C + k} channel-last.
 *
 * @param height rows
 * @param width columns
 * @param channels 1 or 3
 * @param channelsLast whether the channel index varies fastest
 */
public record ImageLayout(int height, int width, int channels, boolean channelsLast) {
    private static final int SMALLEST_SIDE = 8;

    public ImageLayout {
        if (height < 1 || width < 1 || (channels != 1 && channels != 3)) {
            throw new IllegalArgumentException("an image has at least one row and column and 1 or 3 channels, got "
                    + height + "x" + width + "x" + channels);
        }
    }

    /**
     * The layout an input of this shape (batch dimension removed) most likely has: rank 3 with 1 or 3 leading
     * channels is channel-first, rank 3 with 1 or 3 trailing channels channel-last, and a vector (or {@code n x 1})
     * whose length is a square grey picture; empty for any other shape, or pictures under 8 pixels a side.
     */
    public static Optional<ImageLayout> of(Shape input) {
        int[] d = input.dims();
        if (d.length == 3 && isChannels(d[0]) && d[1] >= SMALLEST_SIDE && d[2] >= SMALLEST_SIDE) {
            return Optional.of(new ImageLayout(d[1], d[2], d[0], false));
        }
        if (d.length == 3 && isChannels(d[2]) && d[0] >= SMALLEST_SIDE && d[1] >= SMALLEST_SIDE) {
            return Optional.of(new ImageLayout(d[0], d[1], d[2], true));
        }
        boolean vector = d.length == 1 || (d.length == 2 && (d[0] == 1 || d[1] == 1));
        int side = (int) Math.round(Math.sqrt(input.size()));
        if (vector && side >= SMALLEST_SIDE && side * side == input.size()) {
            return Optional.of(new ImageLayout(side, side, 1, false));
        }
        return Optional.empty();
    }

    private static boolean isChannels(int n) {
        return n == 1 || n == 3;
    }

    /** {@code height * width * channels}, the input size this layout reads. */
    public int size() {
        return height * width * channels;
    }

    /**
     * The picture of {@code values}, each mapped linearly from {@code [black, white]} to the 8-bit range (clamped):
     * grey for one channel, RGB for three.
     *
     * @throws IllegalArgumentException if {@code values} does not have {@link #size()} elements or
     *         {@code black >= white}
     */
    public BufferedImage render(double[] values, double black, double white) {
        if (values.length != size()) {
            throw new IllegalArgumentException("an image of " + height + "x" + width + "x" + channels + " needs "
                    + size() + " values, got " + values.length);
        }
        if (!(black < white)) {
            throw new IllegalArgumentException("the black level " + black + " must lie below the white level " + white);
        }
        BufferedImage image = new BufferedImage(width, height,
                channels == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        WritableRaster raster = image.getRaster();
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                for (int k = 0; k < channels; k++) {
                    int index = channelsLast ? (r * width + c) * channels + k : k * height * width + r * width + c;
                    double level = (values[index] - black) / (white - black);
                    raster.setSample(c, r, k, (int) Math.round(255 * Math.max(0.0, Math.min(1.0, level))));
                }
            }
        }
        return image;
    }
}
