package io.exactline.core.line;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.exactline.core.layer.Layer;
import io.exactline.core.layer.PiecewiseLinearLayer;
import io.exactline.core.network.Network;

/**
 * The straightforward ExactLine, kept as the reference the fast {@link ExactLine} must reproduce: lists of
 * points, every layer through its public {@code apply} and {@code crossings}, a sort of the crossings of every
 * segment, and the near-equal-crossings policy stated in {@link ExactLine}.
 */
final class ReferenceExactLine {
    private ReferenceExactLine() {
    }

    static LinePartition partition(Network network, double[] a, double[] b) {
        List<Double> ratios = new ArrayList<>(List.of(0.0, 1.0));
        List<double[]> points = new ArrayList<>(List.of(a.clone(), b.clone()));
        for (Layer layer : network.layers()) {
            if (layer instanceof PiecewiseLinearLayer pwl) {
                refine(pwl, ratios, points);
            }
            points.replaceAll(layer::apply);
        }
        int m = network.outputSize();
        double[] outputs = new double[points.size() * m];
        for (int j = 0; j < points.size(); j++) {
            System.arraycopy(points.get(j), 0, outputs, j * m, m);
        }
        return new LinePartition(network, a, b, ratios.stream().mapToDouble(Double::doubleValue).toArray(), outputs);
    }

    private static void refine(PiecewiseLinearLayer layer, List<Double> ratios, List<double[]> points) {
        List<Double> newRatios = new ArrayList<>();
        List<double[]> newPoints = new ArrayList<>();
        for (int j = 0; j + 1 < ratios.size(); j++) {
            double t0 = ratios.get(j);
            double t1 = ratios.get(j + 1);
            double[] p = points.get(j);
            double[] q = points.get(j + 1);
            newRatios.add(t0);
            newPoints.add(p);
            List<Double> cuts = new ArrayList<>();
            layer.crossings(p, 0, q, 0, cuts::add);
            double[] sorted = cuts.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(sorted);
            double last = t0;
            for (double r : sorted) {
                double t = t0 + r * (t1 - t0);
                if (t <= last || t >= t1) {
                    continue;
                }
                last = t;
                newRatios.add(t);
                double[] point = new double[p.length];
                for (int i = 0; i < p.length; i++) {
                    point[i] = p[i] + r * (q[i] - p[i]);
                }
                newPoints.add(point);
            }
        }
        newRatios.add(ratios.get(ratios.size() - 1));
        newPoints.add(points.get(points.size() - 1));
        ratios.clear();
        ratios.addAll(newRatios);
        points.clear();
        points.addAll(newPoints);
    }
}
