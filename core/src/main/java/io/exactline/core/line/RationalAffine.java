package io.exactline.core.line;

import java.math.BigInteger;
import java.util.Arrays;

import org.apache.commons.numbers.fraction.BigFraction;

import io.exactline.core.layer.AffineLayer;
import io.exactline.core.layer.Conv2d;
import io.exactline.core.layer.Dense;
import io.exactline.core.layer.ElementwiseAffine;
import io.exactline.core.layer.Reshape;
import io.exactline.core.layer.Transpose;
import io.exactline.core.network.UnsupportedNetworkException;

/**
 * {@code y = A x + c} with the non-zero entries of {@code A} and {@code c} held exactly, row by row, as integers
 * over one power of two (doubles are dyadic rationals), so that applying the layer takes integer arithmetic only.
 *
 * <p>Dense and element-wise layers are read from their parameters. Reshapes, transposes and convolutions are read
 * by probing: column {@code j} of {@code A} is {@code applyLinear(e_j)} and {@code c} is {@code offset()}. Probing
 * is exact for them because each output is a sum of products of a stored weight with an input, at most one of
 * them non-zero for a unit vector (a product with 1 or 0 and a sum with zeros are exact in floating point); it
 * costs one application of the layer per input element, fine for the small networks exact mode is for. Average
 * pooling divides by the window size, which is no dyadic rational in general, and is refused.
 */
final class RationalAffine implements RationalLayer {
    private final int[][] columns;
    private final BigInteger[][] weights;
    private final BigInteger[] offset;
    private final int shift;

    /**
     * @param columns for each output, the inputs with a non-zero weight
     * @param weights those weights times {@code 2^shift}, integers
     * @param offset the offset times {@code 2^shift}, integers
     */
    private RationalAffine(int[][] columns, BigInteger[][] weights, BigInteger[] offset, int shift) {
        this.columns = columns;
        this.weights = weights;
        this.offset = offset;
        this.shift = shift;
    }

    static RationalAffine of(AffineLayer layer) {
        int in = layer.inputShape().size();
        int out = layer.outputShape().size();
        Row[] rows = new Row[out];
        for (int i = 0; i < out; i++) {
            rows[i] = new Row();
        }
        if (layer instanceof Dense dense) {
            for (int i = 0; i < out; i++) {
                for (int j = 0; j < in; j++) {
                    rows[i].add(j, dense.weight(i, j));
                }
            }
        } else if (layer instanceof ElementwiseAffine elementwise) {
            double[] scale = elementwise.scale();
            for (int i = 0; i < out; i++) {
                rows[i].add(i, scale[i]);
            }
        } else if (layer instanceof Reshape || layer instanceof Transpose || layer instanceof Conv2d) {
            layer.forEachColumn((column, j) -> {
                for (int i = 0; i < out; i++) {
                    rows[i].add(j, column[i]);
                }
            });
        } else {
            throw new UnsupportedNetworkException("exact ExactLine has no rational form of " + layer.describe()
                    + " (its weights are not all doubles, e.g. 1/9 for a 3x3 average); only the double-precision"
                    + " ExactLine handles it");
        }
        double[] c = layer.offset();
        int shift = 0;
        BigFraction[] offset = new BigFraction[out];
        BigFraction[][] weights = new BigFraction[out][];
        for (int i = 0; i < out; i++) {
            offset[i] = BigFraction.from(c[i]);
            shift = Math.max(shift, Dyadic.exponent(offset[i]));
            weights[i] = new BigFraction[rows[i].size];
            for (int k = 0; k < rows[i].size; k++) {
                weights[i][k] = BigFraction.from(rows[i].values[k]);
                shift = Math.max(shift, Dyadic.exponent(weights[i][k]));
            }
        }
        int[][] columns = new int[out][];
        BigInteger[][] scaledWeights = new BigInteger[out][];
        BigInteger[] scaledOffset = new BigInteger[out];
        for (int i = 0; i < out; i++) {
            columns[i] = Arrays.copyOf(rows[i].columns, rows[i].size);
            scaledWeights[i] = new BigInteger[rows[i].size];
            for (int k = 0; k < rows[i].size; k++) {
                scaledWeights[i][k] = Dyadic.scaled(weights[i][k], shift);
            }
            scaledOffset[i] = Dyadic.scaled(offset[i], shift);
        }
        return new RationalAffine(columns, scaledWeights, scaledOffset, shift);
    }

    @Override
    public ExactVector apply(ExactVector x) {
        BigInteger denominator = x.denominator();
        BigInteger[] y = new BigInteger[offset.length];
        for (int i = 0; i < y.length; i++) {
            BigInteger sum = offset[i].multiply(denominator);
            int[] js = columns[i];
            BigInteger[] w = weights[i];
            for (int k = 0; k < js.length; k++) {
                BigInteger xj = x.numerator(js[k]);
                if (xj.signum() != 0) {
                    sum = sum.add(w[k].multiply(xj));
                }
            }
            y[i] = sum;
        }
        return ExactVector.of(y, denominator, shift);
    }

    /** The non-zero entries of one row of {@code A}, in column order. */
    private static final class Row {
        private int[] columns = new int[4];
        private double[] values = new double[4];
        private int size;

        void add(int column, double value) {
            if (value == 0.0) {
                return;
            }
            if (size == columns.length) {
                columns = Arrays.copyOf(columns, 2 * size);
                values = Arrays.copyOf(values, 2 * size);
            }
            columns[size] = column;
            values[size++] = value;
        }
    }
}
