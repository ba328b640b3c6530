package io.exactline.core.layer;

import java.util.Arrays;

import io.exactline.core.network.Shape;

/**
 * The windows of a pooling layer over a {@code [C, H, W]} tensor, one per output element in row-major
 * {@code [C, Hout, Wout]} order: for window {@code u}, entries {@code start[u] .. start[u + 1] - 1} hold the flat
 * input index and the kernel position {@code ky * kernelWidth + kx} of every window position that is not padding,
 * in kernel order.
 */
record PoolWindows(Shape outputShape, int[] start, int[] inputIndex, int[] kernelPosition) {

    static PoolWindows of(Shape inputShape, Window2d window, String layer) {
        if (inputShape.rank() != 3) {
            throw new IllegalArgumentException(layer + " takes a [C,H,W] tensor, got " + inputShape);
        }
        int channels = inputShape.dim(0);
        int height = inputShape.dim(1);
        int width = inputShape.dim(2);
        int outHeight = window.outputHeight(height);
        int outWidth = window.outputWidth(width);
        int units = channels * outHeight * outWidth;
        int[] start = new int[units + 1];
        int[] index = new int[units * window.size()];
        int[] position = new int[units * window.size()];
        int n = 0;
        int u = 0;
        for (int c = 0; c < channels; c++) {
            for (int oy = 0; oy < outHeight; oy++) {
                for (int ox = 0; ox < outWidth; ox++) {
                    start[u] = n;
                    for (int ky = 0; ky < window.kernelHeight(); ky++) {
                        int iy = oy * window.strideHeight() - window.padTop() + ky * window.dilationHeight();
                        for (int kx = 0; kx < window.kernelWidth(); kx++) {
                            int ix = ox * window.strideWidth() - window.padLeft() + kx * window.dilationWidth();
                            if (iy >= 0 && iy < height && ix >= 0 && ix < width) {
                                index[n] = (c * height + iy) * width + ix;
                                position[n] = ky * window.kernelWidth() + kx;
                                n++;
                            }
                        }
                    }
                    if (n == start[u]) {
                        throw new IllegalArgumentException(layer + " over " + inputShape + " with " + window
                                + ": output (" + oy + ", " + ox + ") covers only padding");
                    }
                    u++;
                }
            }
        }
        start[units] = n;
        return new PoolWindows(Shape.of(channels, outHeight, outWidth), start, Arrays.copyOf(index, n),
                Arrays.copyOf(position, n));
    }

    /** Number of windows (output elements). */
    int count() {
        return start.length - 1;
    }
}
