package io.exactline.core.line;

import java.util.Arrays;

import io.exactline.core.layer.Layer;
import io.exactline.core.layer.PiecewiseLinearLayer;
import io.exactline.core.network.Network;

/**
 * The straightforward ExactLine, kept as the reference the fast {@link ExactLine} must reproduce: fresh arrays
 * for every layer, every layer through its public {@code apply} and {@code crossings}, a sort of the crossings
 * of every segment, and the near-equal-crossings policy stated in {@link ExactLine}.
 */
final class ReferenceExactLine {
    private ReferenceExactLine() {
    }

    static LinePartition partition(Network network, double[] a, double[] b) {
        int width = network.inputSize();
        double[] ratios = {0.0, 1.0};
        double[] points = new double[2 * width];
        System.arraycopy(a, 0, points, 0, width);
        System.arraycopy(b, 0, points, width, width);
        for (Layer layer : network.layers()) {
            int in = layer.inputShape().size();
            if (layer instanceof PiecewiseLinearLayer pwl) {
                double[][] refined = refine(pwl, ratios, points, in);
                ratios = refined[0];
                points = refined[1];
            }
            int out = layer.outputShape().size();
            double[] mapped = new double[ratios.length * out];
            for (int j = 0; j < ratios.length; j++) {
                layer.apply(points, j * in, mapped, j * out);
            }
            points = mapped;
        }
        return new LinePartition(network, a, b, ratios, points);
    }

    private static double[][] refine(PiecewiseLinearLayer layer, double[] ratios, double[] points, int width) {
        int count = ratios.length;
        double[] newRatios = new double[0];
        double[] newPoints = new double[0];
        for (int j = 0; j + 1 < count; j++) {
            double t0 = ratios[j];
            double t1 = ratios[j + 1];
            newRatios = append(newRatios, t0);
            newPoints = append(newPoints, Arrays.copyOfRange(points, j * width, (j + 1) * width));
            double[][] cuts = {new double[0]};
            layer.crossings(points, j * width, points, (j + 1) * width, r -> cuts[0] = append(cuts[0], r));
            double[] sorted = cuts[0].clone();
            Arrays.sort(sorted);
            double last = t0;
            for (double r : sorted) {
                double t = t0 + r * (t1 - t0);
                if (t <= last || t >= t1) {
                    continue;
                }
                last = t;
                newRatios = append(newRatios, t);
                double[] point = new double[width];
                for (int i = 0; i < width; i++) {
                    double p = points[j * width + i];
                    double q = points[(j + 1) * width + i];
                    point[i] = p + r * (q - p);
                }
                newPoints = append(newPoints, point);
            }
        }
        newRatios = append(newRatios, ratios[count - 1]);
        newPoints = append(newPoints, Arrays.copyOfRange(points, (count - 1) * width, count * width));
        return new double[][] {newRatios, newPoints};
    }

    private static double[] append(double[] values, double... more) {
        double[] joined = Arrays.copyOf(values, values.length + more.length);
        System.arraycopy(more, 0, joined, values.length, more.length);
        return joined;
    }
}
