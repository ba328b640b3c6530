package io.exactline.verifier.vnnlib;

import java.math.BigDecimal;
import java.util.Arrays;

import io.exactline.verifier.property.Variable;

/**
 * An exact linear expression {@code sum_k c_k v_k + d} with decimal coefficients, as written in the file.
 * Variables are keyed {@code 2i} for {@code X_i} and {@code 2j + 1} for {@code Y_j}; keys are kept sorted and
 * zero coefficients are dropped, so equal expressions have equal arrays. Immutable.
 */
final class LinearExpression {
    private static final int[] NO_KEYS = new int[0];
    private static final BigDecimal[] NO_COEFFICIENTS = new BigDecimal[0];

    private final int[] keys;
    private final BigDecimal[] coefficients;
    private final BigDecimal constant;

    private LinearExpression(int[] keys, BigDecimal[] coefficients, BigDecimal constant) {
        this.keys = keys;
        this.coefficients = coefficients;
        this.constant = constant;
    }

    static LinearExpression constant(BigDecimal value) {
        return new LinearExpression(NO_KEYS, NO_COEFFICIENTS, value);
    }

    static LinearExpression variable(Variable v) {
        return new LinearExpression(new int[] {key(v)}, new BigDecimal[] {BigDecimal.ONE}, BigDecimal.ZERO);
    }

    static int key(Variable v) {
        return 2 * v.index() + (v.kind() == Variable.Kind.OUTPUT ? 1 : 0);
    }

    static Variable variableOf(int key) {
        return (key & 1) == 0 ? Variable.input(key >>> 1) : Variable.output(key >>> 1);
    }

    int size() {
        return keys.length;
    }

    boolean isConstant() {
        return keys.length == 0;
    }

    Variable variable(int k) {
        return variableOf(keys[k]);
    }

    BigDecimal coefficient(int k) {
        return coefficients[k];
    }

    BigDecimal constant() {
        return constant;
    }

    boolean readsOutputs() {
        for (int key : keys) {
            if ((key & 1) == 1) {
                return true;
            }
        }
        return false;
    }

    LinearExpression plus(LinearExpression other) {
        int[] k = new int[keys.length + other.keys.length];
        BigDecimal[] c = new BigDecimal[k.length];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < keys.length || j < other.keys.length) {
            if (j == other.keys.length || (i < keys.length && keys[i] < other.keys[j])) {
                k[n] = keys[i];
                c[n++] = coefficients[i++];
            } else if (i == keys.length || other.keys[j] < keys[i]) {
                k[n] = other.keys[j];
                c[n++] = other.coefficients[j++];
            } else {
                BigDecimal sum = coefficients[i].add(other.coefficients[j]);
                if (sum.signum() != 0) {
                    k[n] = keys[i];
                    c[n++] = sum;
                }
                i++;
                j++;
            }
        }
        return new LinearExpression(Arrays.copyOf(k, n), Arrays.copyOf(c, n), constant.add(other.constant));
    }

    LinearExpression negate() {
        return times(BigDecimal.ONE.negate());
    }

    LinearExpression minus(LinearExpression other) {
        return plus(other.negate());
    }

    LinearExpression times(BigDecimal factor) {
        if (factor.signum() == 0) {
            return constant(BigDecimal.ZERO);
        }
        BigDecimal[] c = new BigDecimal[coefficients.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = coefficients[i].multiply(factor);
        }
        return new LinearExpression(keys, c, constant.multiply(factor));
    }
}
