package io.exactline.core.line;

import java.util.Arrays;

import io.exactline.core.BadInputException;
import io.exactline.core.layer.Layer;
import io.exactline.core.layer.PiecewiseLinearLayer;
import io.exactline.core.network.Network;

/**
 * ExactLine (Sotoudeh and Thakur, "Computing Linear Restrictions of Neural Networks"): the exact partition of a
 * segment into the pieces on which a piecewise-linear network is affine.
 *
 * <p>The segment's image is carried through the network as sorted ratios {@code t_j} and the points at them. An
 * affine layer maps every point (the image of a segment under an affine map is the segment between the images of
 * its ends). A piecewise-linear layer first inserts, between every two consecutive points {@code p} and
 * {@code q}, the points at the ratios {@code r} where some unit changes piece (ReLU: {@code r = p_i / (p_i - q_i)}),
 * mapped back to the segment as {@code t = t_j + r (t_{j+1} - t_j)}, and then applies the layer to every point.
 * Ratios that round to an existing one are not inserted, so every piece has positive length.
 */
public final class ExactLine {
    private ExactLine() {
    }

    /**
     * Partitions the segment from {@code a} to {@code b}.
     *
     * @throws BadInputException if the points do not fit the network or are not finite, or if the network has a
     *         layer that is not piecewise linear
     */
    public static LinePartition partition(Network network, double[] a, double[] b) {
        network.requirePiecewiseLinear("ExactLine");
        network.checkInput(a, "segment start");
        network.checkInput(b, "segment end");
        int width = network.inputSize();
        double[] ratios = {0.0, 1.0};
        double[] points = new double[2 * width];
        System.arraycopy(a, 0, points, 0, width);
        System.arraycopy(b, 0, points, width, width);
        int count = 2;
        for (Layer layer : network.layers()) {
            int in = layer.inputShape().size();
            if (layer instanceof PiecewiseLinearLayer pwl) {
                Refined refined = refine(pwl, ratios, points, count, in);
                ratios = refined.ratios;
                points = refined.points;
                count = ratios.length;
            }
            int out = layer.outputShape().size();
            double[] mapped = new double[count * out];
            for (int j = 0; j < count; j++) {
                layer.apply(points, j * in, mapped, j * out);
            }
            points = mapped;
        }
        return new LinePartition(network, a, b, ratios, points);
    }

    private record Refined(double[] ratios, double[] points) {
    }

    private static Refined refine(PiecewiseLinearLayer layer, double[] ratios, double[] points, int count, int width) {
        DoubleBuffer newRatios = new DoubleBuffer(count * 2);
        DoubleBuffer newPoints = new DoubleBuffer(count * 2 * width);
        DoubleBuffer cuts = new DoubleBuffer(16);
        for (int j = 0; j + 1 < count; j++) {
            double t0 = ratios[j];
            double t1 = ratios[j + 1];
            newRatios.add(t0);
            newPoints.addRange(points, j * width, width);
            cuts.clear();
            layer.crossings(points, j * width, points, (j + 1) * width, cuts::add);
            double[] sorted = cuts.sorted();
            double last = t0;
            for (double r : sorted) {
                double t = t0 + r * (t1 - t0);
                if (t <= last || t >= t1) {
                    continue;
                }
                last = t;
                newRatios.add(t);
                for (int i = 0; i < width; i++) {
                    double p = points[j * width + i];
                    double q = points[(j + 1) * width + i];
                    newPoints.add(p + r * (q - p));
                }
            }
        }
        newRatios.add(ratios[count - 1]);
        newPoints.addRange(points, (count - 1) * width, width);
        return new Refined(newRatios.toArray(), newPoints.toArray());
    }

    /** A growable {@code double[]}. */
    private static final class DoubleBuffer {
        private double[] values;
        private int size;

        DoubleBuffer(int capacity) {
            values = new double[Math.max(4, capacity)];
        }

        void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = v;
        }

        void addRange(double[] source, int offset, int length) {
            if (size + length > values.length) {
                values = Arrays.copyOf(values, Math.max(values.length * 2, size + length));
            }
            System.arraycopy(source, offset, values, size, length);
            size += length;
        }

        void clear() {
            size = 0;
        }

        double[] sorted() {
            double[] copy = Arrays.copyOf(values, size);
            Arrays.sort(copy);
            return copy;
        }

        double[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
