package io.exactline.core.layer;

/**
 * The geometry of a 2-D sliding window (convolution or pooling kernel) over the last two axes of a
 * {@code [C, H, W]} tensor, as ONNX defines it.
 *
 * <p>Output position {@code (oy, ox)} covers the input positions
 * {@code iy = oy * strideHeight - padTop + ky * dilationHeight} and
 * {@code ix = ox * strideWidth - padLeft + kx * dilationWidth} for {@code 0 <= ky < kernelHeight},
 * {@code 0 <= kx < kernelWidth}; positions outside {@code [0, H) x [0, W)} are padding. The output height is
 * {@code floor((H + padTop + padBottom - dilationHeight (kernelHeight - 1) - 1) / strideHeight) + 1}, and the
 * width likewise.
 */
public record Window2d(int kernelHeight, int kernelWidth, int strideHeight, int strideWidth, int padTop,
        int padLeft, int padBottom, int padRight, int dilationHeight, int dilationWidth) {

    public Window2d {
        if (kernelHeight <= 0 || kernelWidth <= 0 || strideHeight <= 0 || strideWidth <= 0 || dilationHeight <= 0
                || dilationWidth <= 0) {
            throw new IllegalArgumentException("window " + kernelHeight + "x" + kernelWidth + " with strides "
                    + strideHeight + "," + strideWidth + " and dilations " + dilationHeight + "," + dilationWidth
                    + ": kernel, strides and dilations must be positive");
        }
        if (padTop < 0 || padLeft < 0 || padBottom < 0 || padRight < 0) {
            throw new IllegalArgumentException("window pads (top, left, bottom, right) = (" + padTop + ", " + padLeft
                    + ", " + padBottom + ", " + padRight + ") must not be negative");
        }
    }

    /** A {@code kernelHeight x kernelWidth} window with stride 1, no padding and no dilation. */
    public static Window2d of(int kernelHeight, int kernelWidth) {
        return new Window2d(kernelHeight, kernelWidth, 1, 1, 0, 0, 0, 0, 1, 1);
    }

    /** The same window with strides {@code (height, width)}. */
    public Window2d withStrides(int height, int width) {
        return new Window2d(kernelHeight, kernelWidth, height, width, padTop, padLeft, padBottom, padRight,
                dilationHeight, dilationWidth);
    }

    /** The same window with pads {@code (top, left, bottom, right)}. */
    public Window2d withPads(int top, int left, int bottom, int right) {
        return new Window2d(kernelHeight, kernelWidth, strideHeight, strideWidth, top, left, bottom, right,
                dilationHeight, dilationWidth);
    }

    /** The same window with dilations {@code (height, width)}. */
    public Window2d withDilations(int height, int width) {
        return new Window2d(kernelHeight, kernelWidth, strideHeight, strideWidth, padTop, padLeft, padBottom,
                padRight, height, width);
    }

    /** Number of kernel positions, {@code kernelHeight * kernelWidth}. */
    public int size() {
        return kernelHeight * kernelWidth;
    }

    /**
     * The output height for an input of height {@code inputHeight}.
     *
     * @throws IllegalArgumentException if the (padded, dilated) window does not fit into the input once
     */
    public int outputHeight(int inputHeight) {
        return outputExtent(inputHeight, padTop + padBottom, kernelHeight, strideHeight, dilationHeight, "height");
    }

    /**
     * The output width for an input of width {@code inputWidth}.
     *
     * @throws IllegalArgumentException if the (padded, dilated) window does not fit into the input once
     */
    public int outputWidth(int inputWidth) {
        return outputExtent(inputWidth, padLeft + padRight, kernelWidth, strideWidth, dilationWidth, "width");
    }

    private static int outputExtent(int input, int pads, int kernel, int stride, int dilation, String axis) {
        int span = dilation * (kernel - 1) + 1;
        int room = input + pads - span;
        if (room < 0) {
            throw new IllegalArgumentException("window of " + axis + " " + span + " (kernel " + kernel
                    + ", dilation " + dilation + ") does not fit into input " + axis + " " + input + " with pads "
                    + pads);
        }
        return room / stride + 1;
    }
}
