package io.exactline.verifier.bounds;

import java.util.ArrayList;
import java.util.List;

import io.exactline.core.layer.AffineLayer;
import io.exactline.core.layer.AveragePool2d;
import io.exactline.core.layer.Conv2d;
import io.exactline.core.layer.Dense;
import io.exactline.core.layer.ElementwiseAffine;
import io.exactline.core.layer.HardTanh;
import io.exactline.core.layer.Layer;
import io.exactline.core.layer.LeakyRelu;
import io.exactline.core.layer.MaxPool2d;
import io.exactline.core.layer.Relu;
import io.exactline.core.layer.Reshape;
import io.exactline.core.layer.Transpose;
import io.exactline.core.layer.Window2d;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;

/**
 * Evaluates a network in exact arithmetic on its stored doubles: every double is a dyadic rational, and sums and
 * products of dyadic rationals are computed exactly ({@link Dyadic}). The independent truth the soundness tests
 * hold bounds against.
 */
final class ExactEvaluator {
    private ExactEvaluator() {
    }

    /** Every tensor at {@code x}, exactly: element 0 is {@code x}, element {@code i + 1} layer {@code i}'s output. */
    static List<Dyadic[]> activations(Network network, double[] x) {
        List<Dyadic[]> values = new ArrayList<>();
        Dyadic[] v = new Dyadic[x.length];
        for (int i = 0; i < x.length; i++) {
            v[i] = Dyadic.of(x[i]);
        }
        values.add(v);
        for (Layer layer : network.layers()) {
            v = apply(layer, v);
            values.add(v);
        }
        return values;
    }

    /** The exact output at {@code x}. */
    static Dyadic[] evaluate(Network network, double[] x) {
        List<Dyadic[]> all = activations(network, x);
        return all.get(all.size() - 1);
    }

    static Dyadic[] apply(Layer layer, Dyadic[] in) {
        if (layer instanceof Dense dense) {
            double[][] w = dense.weights();
            double[] b = dense.bias();
            Dyadic[] out = new Dyadic[w.length];
            for (int j = 0; j < w.length; j++) {
                Dyadic s = Dyadic.of(b[j]);
                for (int k = 0; k < in.length; k++) {
                    s = s.add(Dyadic.of(w[j][k]).multiply(in[k]));
                }
                out[j] = s;
            }
            return out;
        }
        if (layer instanceof ElementwiseAffine affine) {
            double[] scale = affine.scale();
            double[] shift = affine.shift();
            Dyadic[] out = new Dyadic[in.length];
            for (int j = 0; j < in.length; j++) {
                out[j] = Dyadic.of(scale[j]).multiply(in[j]).add(Dyadic.of(shift[j]));
            }
            return out;
        }
        if (layer instanceof Reshape) {
            return in.clone();
        }
        if (layer instanceof Transpose transpose) {
            double[] index = new double[in.length];
            for (int i = 0; i < index.length; i++) {
                index[i] = i;
            }
            double[] moved = transpose.apply(index);
            Dyadic[] out = new Dyadic[in.length];
            for (int o = 0; o < out.length; o++) {
                out[o] = in[(int) moved[o]];
            }
            return out;
        }
        Dyadic[] out = new Dyadic[in.length];
        for (int j = 0; j < in.length; j++) {
            out[j] = activate(layer, in[j]);
        }
        return out;
    }

    private static Dyadic activate(Layer layer, Dyadic z) {
        if (layer instanceof Relu) {
            return z.signum() > 0 ? z : Dyadic.ZERO;
        }
        if (layer instanceof LeakyRelu leaky) {
            return z.signum() > 0 ? z : Dyadic.of(leaky.alpha()).multiply(z);
        }
        if (layer instanceof HardTanh clip) {
            Dyadic min = Dyadic.of(clip.min());
            Dyadic max = Dyadic.of(clip.max());
            return z.compareTo(min) <= 0 ? min : z.min(max);
        }
        throw new IllegalArgumentException("no exact evaluation for " + layer.describe());
    }
}
