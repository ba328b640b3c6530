package io.exactline.verifier.falsify;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.exactline.core.network.Network;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.property.Conjunction;
import io.exactline.verifier.property.LinearInequality;
import io.exactline.verifier.property.PropertyCase;
import io.exactline.verifier.property.Term;
import io.exactline.verifier.property.Variable;

/**
 * One way for an input to be unsafe, in array form: the conjunction {@code AND_q (c_q . y + e_q . x + d_q <= 0)}
 * of a case's input constraints with one disjunct of its output condition. The case holds at {@code (x, y)} with
 * {@code x} in its box exactly when one of its unsafe conjunctions does.
 *
 * <p>The <i>margin</i> {@code max_q (c_q . y + e_q . x + d_q)} is at most 0 exactly where the conjunction holds
 * (up to the rounding of its floating-point evaluation); searches minimise it, proofs bound it from below.
 */
public final class UnsafeConjunction {
    private final double[][] outputRows;
    private final double[][] inputRows;
    private final double[] constants;
    private final boolean[] readsOutputs;

    private UnsafeConjunction(double[][] outputRows, double[][] inputRows, double[] constants,
            boolean[] readsOutputs) {
        this.outputRows = outputRows;
        this.inputRows = inputRows;
        this.constants = constants;
        this.readsOutputs = readsOutputs;
    }

    private UnsafeConjunction(List<LinearInequality> inequalities, int inputs, int outputs) {
        int n = inequalities.size();
        this.outputRows = new double[n][outputs];
        this.inputRows = new double[n][inputs];
        this.constants = new double[n];
        this.readsOutputs = new boolean[n];
        for (int q = 0; q < n; q++) {
            LinearInequality inequality = inequalities.get(q);
            constants[q] = inequality.constant();
            readsOutputs[q] = inequality.readsOutputs();
            for (Term t : inequality.terms()) {
                double[] row = t.variable().kind() == Variable.Kind.OUTPUT ? outputRows[q] : inputRows[q];
                row[t.variable().index()] = t.coefficient();
            }
        }
    }

    /**
     * The sum of this conjunction's inequalities, {@code (sum_q c_q) . y + (sum_q e_q) . x + sum_q d_q <= 0}, as a
     * conjunction of that one inequality, when it has at least two inequalities and every coefficient of the sum is
     * exactly representable (checked in exact arithmetic). The sum holds wherever the conjunction does, so a proof
     * that the sum is positive everywhere proves the conjunction infeasible; it often succeeds where no single
     * inequality's bound does.
     */
    public Optional<UnsafeConjunction> sum() {
        if (constants.length < 2) {
            return Optional.empty();
        }
        double[] ones = new double[constants.length];
        Arrays.fill(ones, 1.0);
        return combination(ones);
    }

    /**
     * The nonnegative combination {@code sum_q m_q (c_q . y + e_q . x + d_q) <= 0} of this conjunction's
     * inequalities with multipliers {@code m}, as a conjunction of that one inequality, when every product and
     * every sum of its coefficients is exactly a double (checked in exact arithmetic). It holds wherever the
     * conjunction does (a Lagrangian relaxation), so a proof that its left side is positive on a region proves the
     * conjunction empty there.
     *
     * @param multipliers one per inequality, each finite and {@code >= 0}
     */
    public Optional<UnsafeConjunction> combination(double[] multipliers) {
        int n = constants.length;
        if (multipliers.length != n) {
            throw new IllegalArgumentException("need " + n + " multipliers, got " + multipliers.length);
        }
        for (double m : multipliers) {
            if (!(m >= 0.0) || Double.isInfinite(m)) {
                throw new IllegalArgumentException("multipliers must be finite and >= 0, got "
                        + Arrays.toString(multipliers));
            }
        }
        double[][] out = {new double[outputRows[0].length]};
        double[][] in = {new double[inputRows[0].length]};
        double[] constant = {exactCombination(multipliers, constants)};
        double[] column = new double[n];
        for (int j = 0; j < out[0].length; j++) {
            for (int q = 0; q < n; q++) {
                column[q] = outputRows[q][j];
            }
            out[0][j] = exactCombination(multipliers, column);
        }
        for (int i = 0; i < in[0].length; i++) {
            for (int q = 0; q < n; q++) {
                column[q] = inputRows[q][i];
            }
            in[0][i] = exactCombination(multipliers, column);
        }
        boolean exact = Double.isFinite(constant[0]) && Arrays.stream(out[0]).allMatch(Double::isFinite)
                && Arrays.stream(in[0]).allMatch(Double::isFinite);
        if (!exact) {
            return Optional.empty();
        }
        boolean reads = Arrays.stream(out[0]).anyMatch(v -> v != 0.0);
        return Optional.of(new UnsafeConjunction(out, in, constant, new boolean[] {reads}));
    }

    /** {@code sum_q m_q v_q} if it is exactly a double (every term and partial sum exact), else NaN. */
    private static double exactCombination(double[] multipliers, double[] values) {
        double sum = 0.0;
        BigDecimal exact = BigDecimal.ZERO;
        for (int q = 0; q < values.length; q++) {
            if (multipliers[q] == 0.0 || values[q] == 0.0) {
                continue;
            }
            double product = multipliers[q] * values[q];
            sum += product;
            exact = exact.add(new BigDecimal(multipliers[q]).multiply(new BigDecimal(values[q])));
        }
        return Double.isFinite(sum) && new BigDecimal(sum).compareTo(exact) == 0 ? sum : Double.NaN;
    }

    /**
     * The unsafe conjunctions of {@code c}, one per disjunct of its output condition, each with the case's input
     * constraints added, over a network of {@code inputs} inputs and {@code outputs} outputs.
     */
    public static List<UnsafeConjunction> of(PropertyCase c, int inputs, int outputs) {
        List<UnsafeConjunction> result = new ArrayList<>();
        for (Conjunction disjunct : c.outputCondition().disjuncts()) {
            List<LinearInequality> all = new ArrayList<>(c.inputConstraints().inequalities());
            all.addAll(disjunct.inequalities());
            result.add(new UnsafeConjunction(all, inputs, outputs));
        }
        return result;
    }

    /** Number of inequalities. */
    public int size() {
        return constants.length;
    }

    /** A copy of {@code c_q}, the output coefficients of inequality {@code q}. */
    public double[] outputRow(int q) {
        return outputRows[q].clone();
    }

    /** {@code e_q[i]}, the coefficient of input {@code i} in inequality {@code q}. */
    public double inputCoefficient(int q, int i) {
        return inputRows[q][i];
    }

    /** {@code d_q}, the constant of inequality {@code q}. */
    public double constant(int q) {
        return constants[q];
    }

    /** Whether inequality {@code q} has a term over an output. */
    public boolean readsOutputs(int q) {
        return readsOutputs[q];
    }

    /** {@code c_q . y + e_q . x + d_q} in floating point. */
    public double value(int q, double[] x, double[] y) {
        double sum = constants[q];
        for (int j = 0; j < y.length; j++) {
            sum += outputRows[q][j] * y[j];
        }
        for (int i = 0; i < x.length; i++) {
            sum += inputRows[q][i] * x[i];
        }
        return sum;
    }

    /** The margin {@code max_q (c_q . y + e_q . x + d_q)}; negative infinity for the empty conjunction. */
    public double margin(double[] x, double[] y) {
        double worst = Double.NEGATIVE_INFINITY;
        for (int q = 0; q < constants.length; q++) {
            worst = Math.max(worst, value(q, x, y));
        }
        return worst;
    }

    /** Index of an inequality attaining the margin at {@code (x, y)}; 0 for the empty conjunction. */
    public int worstInequality(double[] x, double[] y) {
        int worst = 0;
        double value = Double.NEGATIVE_INFINITY;
        for (int q = 0; q < constants.length; q++) {
            double v = value(q, x, y);
            if (v > value) {
                value = v;
                worst = q;
            }
        }
        return worst;
    }

    /**
     * The gradient with respect to {@code x} of inequality {@code q}'s left side, {@code J(x)^T c_q + e_q}, where
     * {@code J} is the network's Jacobian (on the piece below at breakpoints).
     */
    public double[] gradient(Network network, int q, double[] x) {
        double[] g = readsOutputs[q] ? network.vectorJacobian(x, outputRows[q]) : new double[x.length];
        for (int i = 0; i < g.length; i++) {
            g[i] += inputRows[q][i];
        }
        return g;
    }

    /**
     * A sound lower bound, over the inputs {@code lower <= x <= upper}, of inequality {@code q}'s left side, given
     * a sound lower bound {@code outputPartLower} of {@code c_q . f(x)} over them (ignored when {@code c_q = 0}):
     * the input part {@code min e_q . x} and the constant are added with every operation rounded down.
     */
    public double lowerBound(int q, double outputPartLower, double[] lower, double[] upper) {
        double sum = readsOutputs[q] ? outputPartLower : 0.0;
        for (int i = 0; i < lower.length; i++) {
            double e = inputRows[q][i];
            if (e != 0.0) {
                double product = Math.min(e * lower[i], e * upper[i]);
                sum = Math.nextDown(sum + Math.nextDown(product));
            }
        }
        return Math.nextDown(sum + constants[q]);
    }
}
