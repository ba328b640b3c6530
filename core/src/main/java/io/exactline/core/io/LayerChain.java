package io.exactline.core.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.exactline.core.layer.Dense;
import io.exactline.core.layer.ElementwiseAffine;
import io.exactline.core.layer.Layer;
import io.exactline.core.layer.Reshape;
import io.exactline.core.layer.Transpose;

/**
 * Merges neighbouring layers of a loaded chain where the result is the same function and the merge is simple:
 * reshapes disappear into each other and into a following dense layer, a transpose before a dense layer becomes
 * a permutation of its columns, element-wise affine maps fold into each other and into the dense layer next to
 * them (an ONNX MatMul followed by Add becomes one dense layer with a bias). Every merge is exact in real
 * arithmetic; in floating point a folded scale or shift may round differently in the last bits.
 */
final class LayerChain {
    private LayerChain() {
    }

    /** The simplified chain; never empty when {@code layers} is not. */
    static List<Layer> simplify(List<Layer> layers) {
        List<Layer> chain = new ArrayList<>(layers);
        int i = 0;
        while (i < chain.size()) {
            if (chain.size() > 1 && chain.get(i) instanceof Reshape r && r.inputShape().equals(r.outputShape())) {
                chain.remove(i);
                i = Math.max(0, i - 1);
                continue;
            }
            if (i + 1 < chain.size()) {
                Optional<Layer> merged = merge(chain.get(i), chain.get(i + 1));
                if (merged.isPresent()) {
                    chain.set(i, merged.get());
                    chain.remove(i + 1);
                    i = Math.max(0, i - 1);
                    continue;
                }
            }
            i++;
        }
        return chain;
    }

    /** The single layer computing {@code second o first}, where a simple exact one exists. */
    private static Optional<Layer> merge(Layer first, Layer second) {
        if (first instanceof Reshape a && second instanceof Reshape b) {
            return Optional.of(new Reshape(a.inputShape(), b.outputShape()));
        }
        if (first instanceof Reshape a && second instanceof Dense d) {
            return Optional.of(new Dense(d.weights(), d.bias(), a.inputShape()));
        }
        if (first instanceof Transpose t && second instanceof Dense d) {
            return Optional.of(permuteColumns(t, d));
        }
        if (first instanceof ElementwiseAffine e && second instanceof Dense d) {
            return Optional.of(foldBefore(e, d));
        }
        if (first instanceof Dense d && second instanceof ElementwiseAffine e) {
            return Optional.of(foldAfter(d, e));
        }
        if (first instanceof ElementwiseAffine a && second instanceof ElementwiseAffine b) {
            double[] sa = a.scale();
            double[] ca = a.shift();
            double[] sb = b.scale();
            double[] cb = b.shift();
            double[] scale = new double[sa.length];
            double[] shift = new double[sa.length];
            for (int i = 0; i < sa.length; i++) {
                scale[i] = sb[i] * sa[i];
                shift[i] = sb[i] * ca[i] + cb[i];
            }
            return Optional.of(new ElementwiseAffine(a.inputShape(), scale, shift));
        }
        return Optional.empty();
    }

    /** {@code W (P x) + b} as {@code W' x + b}: column {@code o} of W moves to the input element P reads. */
    private static Dense permuteColumns(Transpose t, Dense d) {
        int n = t.inputShape().size();
        double[] index = new double[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        double[] source = t.apply(index);
        double[][] w = d.weights();
        double[][] permuted = new double[w.length][n];
        for (int row = 0; row < w.length; row++) {
            for (int o = 0; o < n; o++) {
                permuted[row][(int) source[o]] = w[row][o];
            }
        }
        return new Dense(permuted, d.bias(), t.inputShape());
    }

    /** {@code W (s x + c) + b = (W diag(s)) x + (W c + b)}. */
    private static Dense foldBefore(ElementwiseAffine e, Dense d) {
        double[] s = e.scale();
        double[] c = e.shift();
        double[][] w = d.weights();
        double[] bias = d.bias();
        for (int row = 0; row < w.length; row++) {
            double extra = 0;
            for (int j = 0; j < s.length; j++) {
                extra += w[row][j] * c[j];
                w[row][j] *= s[j];
            }
            bias[row] += extra;
        }
        return new Dense(w, bias, e.inputShape());
    }

    /** {@code s (W x + b) + c = (diag(s) W) x + (s b + c)}. */
    private static Dense foldAfter(Dense d, ElementwiseAffine e) {
        double[] s = e.scale();
        double[] c = e.shift();
        double[][] w = d.weights();
        double[] bias = d.bias();
        for (int row = 0; row < w.length; row++) {
            for (int j = 0; j < w[row].length; j++) {
                w[row][j] *= s[row];
            }
            bias[row] = s[row] * bias[row] + c[row];
        }
        return new Dense(w, bias, d.inputShape());
    }
}
