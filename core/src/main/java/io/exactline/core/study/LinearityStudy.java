package io.exactline.core.study;

import java.util.Random;

import io.exactline.core.BadInputException;
import io.exactline.core.Vectors;
import io.exactline.core.attribution.IntegratedGradients;
import io.exactline.core.attribution.PathGradients;
import io.exactline.core.line.ExactLine;
import io.exactline.core.line.LinePartition;
import io.exactline.core.network.Network;

/**
 * Local linearity around an input {@code x}, measured exactly with ExactLine: on the segment
 * {@code [x, x + ε s]} with {@code s} a sign vector (an L∞ step of size ε), the number of pieces on which the
 * network is affine, and how far the gradient of the predicted class {@code k} turns along it.
 *
 * <p>Directions: {@code random}, {@code s_i = ±1} independently with probability 1/2 (a random corner of the
 * ε-box); {@code gradient-sign}, {@code s = −sign(∇F_k(x))}, the FGSM step lowering the predicted class. The
 * segment is not clipped to the input range.
 *
 * <p>Cosine similarity {@code cos(a, b) = a·b / (‖a‖ ‖b‖)}, taken as 0 when either gradient is zero.
 */
public final class LinearityStudy {
    /** Ratios along the segment at which {@link SegmentLinearity#cosineProfile} is sampled: 0, 0.05, ..., 1. */
    public static final int PROFILE_POINTS = 21;

    private LinearityStudy() {
    }

    /** The ratios {@code t = j / (PROFILE_POINTS − 1)}. */
    public static double[] profileRatios() {
        double[] t = new double[PROFILE_POINTS];
        for (int j = 0; j < t.length; j++) {
            t[j] = (double) j / (PROFILE_POINTS - 1);
        }
        return t;
    }

    /** A random sign direction of {@code n} coordinates from {@code random}. */
    public static double[] randomSigns(int n, Random random) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = random.nextBoolean() ? 1 : -1;
        }
        return s;
    }

    /** The FGSM direction {@code −sign(∇F_k(x))} for the class {@code k} predicted at {@code x}. */
    public static double[] gradientSigns(Network network, double[] x) {
        double[] g = network.gradient(x, Vectors.argmax(network.evaluate(x)));
        double[] s = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            s[i] = -Math.signum(g[i]);
        }
        return s;
    }

    /**
     * Measures the segment {@code [x, x + ε s]}.
     *
     * @throws BadInputException if ε is not a positive finite number or {@code s} does not fit the input
     */
    public static SegmentLinearity measure(IntegratedGradients ig, double[] x, double[] signs, double epsilon,
            String direction) {
        Network network = ig.network();
        network.checkInput(x, "input");
        network.checkInput(signs, "direction");
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new BadInputException("epsilon must be a positive finite number, got " + epsilon);
        }
        int target = Vectors.argmax(network.evaluate(x));
        double[] end = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            end[i] = x[i] + epsilon * signs[i];
        }
        double[] atX = network.gradient(x, target);
        LinePartition partition = ExactLine.partition(network, x, end);
        PathGradients path = ig.along(partition, target);
        double mean = 0;
        double[] cosines = new double[path.pieceCount()];
        for (int j = 0; j < path.pieceCount(); j++) {
            cosines[j] = cosine(atX, path.gradient(j));
            mean += (partition.ratio(j + 1) - partition.ratio(j)) * cosines[j];
        }
        double[] ratios = profileRatios();
        double[] profile = new double[ratios.length];
        for (int p = 0; p < ratios.length; p++) {
            profile[p] = cosines[path.pieceAt(ratios[p])];
        }
        return new SegmentLinearity(direction, path.pieceCount(), mean, profile);
    }

    static double cosine(double[] a, double[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
