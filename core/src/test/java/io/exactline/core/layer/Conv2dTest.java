package io.exactline.core.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.exactline.core.network.Shape;

class Conv2dTest {
    /** The 3x3 image 1..9, one channel. */
    private static final double[] IMAGE = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    /** The 2x2 kernel [[1, 2], [3, 4]], one input and one output channel. */
    private static final double[] KERNEL = {1, 2, 3, 4};

    @Test
    void slidesKernelOverImageAndAddsBias() {
        Conv2d conv = new Conv2d(Shape.of(1, 3, 3), 1, 1, Window2d.of(2, 2), KERNEL, new double[] {0.5});

        // (0,0): 1*1 + 2*2 + 3*4 + 4*5 = 37, (0,1): 47, (1,0): 67, (1,1): 77
        assertThat(conv.outputShape()).isEqualTo(Shape.of(1, 2, 2));
        assertThat(conv.apply(IMAGE)).containsExactly(37.5, 47.5, 67.5, 77.5);
        assertThat(conv.offset()).containsExactly(0.5, 0.5, 0.5, 0.5);
    }

    @Test
    void paddingContributesZeroAndStrideSkips() {
        Window2d window = Window2d.of(2, 2).withStrides(2, 2).withPads(1, 1, 1, 1);
        Conv2d conv = new Conv2d(Shape.of(1, 3, 3), 1, 1, window, KERNEL, new double[1]);

        // (0,0) sees only x(0,0) under k(1,1): 4; (0,1) sees x(0,1), x(0,2) under k(1,0), k(1,1): 6 + 12;
        // (1,0) sees x(1,0), x(2,0) under k(0,1), k(1,1): 8 + 28; (1,1) sees x(1..2, 1..2): 5 + 12 + 24 + 36
        assertThat(conv.apply(IMAGE)).containsExactly(4, 18, 36, 77);
    }

    @Test
    void dilationSpreadsTheKernel() {
        Conv2d conv = new Conv2d(Shape.of(1, 3, 3), 1, 1, Window2d.of(2, 2).withDilations(2, 2), KERNEL,
                new double[1]);

        // the taps land on the corners 1, 3, 7, 9: 1*1 + 2*3 + 3*7 + 4*9
        assertThat(conv.apply(IMAGE)).containsExactly(64);
    }

    @Test
    void groupsKeepChannelsApart() {
        // two groups of one channel each: output 0 = 1 * channel 0, output 1 = 10 * channel 1 (1x1 kernels)
        Conv2d conv = new Conv2d(Shape.of(2, 1, 2), 2, 2, Window2d.of(1, 1), new double[] {1, 10}, new double[2]);

        assertThat(conv.apply(new double[] {1, 2, 3, 4})).containsExactly(1, 2, 30, 40);
    }

    @Test
    void agreesWithTheDefiningSumOnRandomData() {
        Random random = new Random(7);
        Window2d window = new Window2d(3, 2, 2, 1, 1, 0, 2, 1, 1, 2);
        Shape input = Shape.of(4, 7, 6);
        int outChannels = 6;
        int groups = 2;
        double[] kernel = randomVector(random, outChannels * 2 * 3 * 2);
        double[] bias = randomVector(random, outChannels);
        double[] x = randomVector(random, input.size());
        for (int i = 0; i < x.length; i += 3) {
            x[i] = 0.0;
        }
        Conv2d conv = new Conv2d(input, outChannels, groups, window, kernel, bias);

        double[] expected = definingSum(input, outChannels, groups, window, kernel, bias, x);

        assertThat(conv.apply(x)).as("conv of %s", Arrays.toString(x)).containsExactly(expected, within(1e-12));
    }

    /** The convolution written as its definition, one output at a time. */
    private static double[] definingSum(Shape input, int outChannels, int groups, Window2d w, double[] kernel,
            double[] bias, double[] x) {
        int c = input.dim(0);
        int h = input.dim(1);
        int wd = input.dim(2);
        int oh = w.outputHeight(h);
        int ow = w.outputWidth(wd);
        int inPerGroup = c / groups;
        int outPerGroup = outChannels / groups;
        double[] y = new double[outChannels * oh * ow];
        for (int o = 0; o < outChannels; o++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    double sum = bias[o];
                    for (int ig = 0; ig < inPerGroup; ig++) {
                        int i = (o / outPerGroup) * inPerGroup + ig;
                        for (int ky = 0; ky < w.kernelHeight(); ky++) {
                            for (int kx = 0; kx < w.kernelWidth(); kx++) {
                                int iy = oy * w.strideHeight() - w.padTop() + ky * w.dilationHeight();
                                int ix = ox * w.strideWidth() - w.padLeft() + kx * w.dilationWidth();
                                if (iy >= 0 && iy < h && ix >= 0 && ix < wd) {
                                    double k = kernel[((o * inPerGroup + ig) * w.kernelHeight() + ky)
                                            * w.kernelWidth() + kx];
                                    sum += k * x[(i * h + iy) * wd + ix];
                                }
                            }
                        }
                    }
                    y[(o * oh + oy) * ow + ox] = sum;
                }
            }
        }
        return y;
    }

    @Test
    void rejectsKernelOfWrongSize() {
        assertThatThrownBy(() -> new Conv2d(Shape.of(1, 3, 3), 1, 1, Window2d.of(2, 2), new double[3],
                new double[1]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs 4 values, got 3");
    }

    @Test
    void rejectsWindowLargerThanPaddedInput() {
        assertThatThrownBy(() -> new Conv2d(Shape.of(1, 3, 3), 1, 1, Window2d.of(4, 4), new double[16],
                new double[1]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not fit");
    }

    static double[] randomVector(Random random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }
}
