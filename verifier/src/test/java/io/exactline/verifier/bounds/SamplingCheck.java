package io.exactline.verifier.bounds;

import static org.assertj.core.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.exactline.core.network.Network;
import io.exactline.verifier.property.Box;

/**
 * Holds layer and objective bounds against sampled inputs. Sampled values are computed in floating point; a
 * value outside a bound is re-evaluated exactly ({@link ExactEvaluator}) and only an exact violation fails, with
 * the input, the unit and both values in the message. Box corners are always checked exactly.
 */
final class SamplingCheck {
    private final Network network;
    private final BoundNetwork bounds;

    SamplingCheck(BoundNetwork bounds) {
        this.bounds = bounds;
        this.network = bounds.network();
    }

    /** Random points of the box (a quarter of them on its faces), then its corners (up to 2^12 of them). */
    static double[][] samples(Box box, int count, Random random) {
        int d = box.dimension();
        int corners = d <= 12 ? 1 << d : 0;
        double[][] xs = new double[count + corners][d];
        for (int s = 0; s < count; s++) {
            for (int i = 0; i < d; i++) {
                double t = random.nextDouble();
                if (s % 4 == 0 && random.nextInt(3) == 0) {
                    t = random.nextBoolean() ? 0.0 : 1.0;
                }
                xs[s][i] = Math.min(box.upper(i), box.lower(i) + t * (box.upper(i) - box.lower(i)));
            }
        }
        for (int c = 0; c < corners; c++) {
            for (int i = 0; i < d; i++) {
                xs[count + c][i] = ((c >> i) & 1) == 0 ? box.lower(i) : box.upper(i);
            }
        }
        return xs;
    }

    /** Whether the point's pre-activations lie in the pieces the pattern fixes (closed intervals). */
    boolean follows(double[] x, PartialPattern pattern) {
        List<double[]> values = network.activations(x);
        for (int k = 0; k < bounds.activationLayerCount(); k++) {
            double[] z = values.get(bounds.networkLayerIndex(k));
            ActivationOp op = bounds.activation(k);
            for (int u = 0; u < z.length; u++) {
                int s = pattern.state(k, u);
                if (s != PartialPattern.FREE && (z[u] < op.pieceStart(s) || z[u] > op.pieceEnd(s))) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Checks every pre-activation and output bound at the points; returns how many points were checked. Points
     * that do not follow the bounds' pattern are skipped (they are outside the sub-problem).
     */
    int checkLayers(LayerBounds lb, double[][] xs, int exactCorners) {
        int checked = 0;
        boolean free = lb.pattern().fixedCount() == 0;
        for (int s = 0; s < xs.length; s++) {
            double[] x = xs[s];
            if (!free && !follows(x, lb.pattern())) {
                continue;
            }
            checked++;
            boolean exact = s >= xs.length - exactCorners;
            List<double[]> values = network.activations(x);
            if (exact || outside(lb, values)) {
                checkExact(lb, x);
            }
        }
        return checked;
    }

    private boolean outside(LayerBounds lb, List<double[]> values) {
        for (int k = 0; k < bounds.activationLayerCount(); k++) {
            double[] z = values.get(bounds.networkLayerIndex(k));
            for (int u = 0; u < z.length; u++) {
                if (z[u] < lb.preActivationLower(k, u) || z[u] > lb.preActivationUpper(k, u)) {
                    return true;
                }
            }
        }
        double[] y = values.get(values.size() - 1);
        for (int i = 0; i < y.length; i++) {
            if (y[i] < lb.outputLower(i) || y[i] > lb.outputUpper(i)) {
                return true;
            }
        }
        return false;
    }

    private void checkExact(LayerBounds lb, double[] x) {
        List<Dyadic[]> values = ExactEvaluator.activations(network, x);
        for (int k = 0; k < bounds.activationLayerCount(); k++) {
            Dyadic[] z = values.get(bounds.networkLayerIndex(k));
            for (int u = 0; u < z.length; u++) {
                within(x, z[u], lb.preActivationLower(k, u), lb.preActivationUpper(k, u),
                        "pre-activation of activation layer " + k + " unit " + u);
            }
        }
        Dyadic[] y = values.get(values.size() - 1);
        for (int i = 0; i < y.length; i++) {
            within(x, y[i], lb.outputLower(i), lb.outputUpper(i), "output " + i);
        }
    }

    private static void within(double[] x, Dyadic v, double lo, double hi, String what) {
        if (v.compareTo(Dyadic.of(lo)) < 0 || v.compareTo(Dyadic.of(hi)) > 0) {
            fail("%s at x = %s is exactly %s, outside the claimed bounds [%s, %s]", what, Arrays.toString(x), v,
                    lo, hi);
        }
    }

    /** Checks {@code c . f(x) >= bound} at every point that follows the pattern. */
    void checkObjective(double[] c, double bound, PartialPattern pattern, double[][] xs) {
        for (double[] x : xs) {
            if (pattern.fixedCount() > 0 && !follows(x, pattern)) {
                continue;
            }
            double[] y = network.evaluate(x);
            double v = 0.0;
            for (int i = 0; i < y.length; i++) {
                v += c[i] * y[i];
            }
            if (v < bound) {
                Dyadic[] exact = ExactEvaluator.evaluate(network, x);
                Dyadic e = Dyadic.ZERO;
                for (int i = 0; i < exact.length; i++) {
                    e = e.add(Dyadic.of(c[i]).multiply(exact[i]));
                }
                if (e.compareTo(Dyadic.of(bound)) < 0) {
                    fail("objective %s at x = %s is exactly %s, below the claimed lower bound %s",
                            Arrays.toString(c), Arrays.toString(x), e, bound);
                }
            }
        }
    }
}
