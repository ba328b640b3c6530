package io.exactline.verifier.encoding;

import org.apache.commons.numbers.fraction.BigFraction;

import io.exactline.core.layer.Dense;
import io.exactline.core.layer.HardTanh;
import io.exactline.core.layer.Layer;
import io.exactline.core.layer.LeakyRelu;
import io.exactline.core.layer.Relu;
import io.exactline.core.network.Network;

/**
 * Exact rational evaluation of a network written directly over the core layers, independent of
 * {@link PiecewiseAffineNetwork}, as truth for solver tests (Dense, Relu, LeakyRelu, HardTanh only).
 */
public final class ExactReference {
    private ExactReference() {
    }

    public static BigFraction[] evaluate(Network network, BigFraction[] x) {
        BigFraction[] v = x.clone();
        for (Layer layer : network.layers()) {
            if (layer instanceof Dense dense) {
                double[][] w = dense.weights();
                double[] b = dense.bias();
                BigFraction[] out = new BigFraction[b.length];
                for (int i = 0; i < b.length; i++) {
                    BigFraction sum = BigFraction.from(b[i]);
                    for (int j = 0; j < v.length; j++) {
                        sum = sum.add(BigFraction.from(w[i][j]).multiply(v[j]));
                    }
                    out[i] = sum;
                }
                v = out;
            } else {
                BigFraction[] out = new BigFraction[v.length];
                for (int i = 0; i < v.length; i++) {
                    out[i] = activate(layer, v[i]);
                }
                v = out;
            }
        }
        return v;
    }

    private static BigFraction activate(Layer layer, BigFraction z) {
        if (layer instanceof Relu) {
            return z.signum() > 0 ? z : BigFraction.ZERO;
        }
        if (layer instanceof LeakyRelu leaky) {
            return z.signum() > 0 ? z : z.multiply(BigFraction.from(leaky.alpha()));
        }
        if (layer instanceof HardTanh clip) {
            BigFraction min = BigFraction.from(clip.min());
            BigFraction max = BigFraction.from(clip.max());
            if (z.subtract(min).signum() <= 0) {
                return min;
            }
            return z.subtract(max).signum() >= 0 ? max : z;
        }
        throw new IllegalArgumentException("no exact reference for " + layer.describe());
    }
}
