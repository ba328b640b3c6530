package io.exactline.verifier.certificate;

import static io.exactline.verifier.certificate.Directed.addDown;
import static io.exactline.verifier.certificate.Directed.addUp;
import static io.exactline.verifier.certificate.Directed.divUp;
import static io.exactline.verifier.certificate.Directed.mulDown;
import static io.exactline.verifier.certificate.Directed.mulUp;
import static io.exactline.verifier.certificate.Directed.subDown;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The linear relaxation of one leaf of a split tree (a box and a partial activation pattern), written for the
 * certificate checker, and the check of a Farkas witness that it is empty.
 *
 * <h2>The program</h2>
 * One variable per element of every tensor of the {@link ExactNetwork} (tensor 0 is the input), bounded by the
 * leaf's {@link LeafBounds} (which hold on the leaf). Rows, each {@code a . v <= b} or {@code a . v = b}, in this
 * order, step by step from the input:
 * <ul>
 * <li>affine step {@code w = W v + c}: per output {@code r} the row {@code w_r - W_r . v = c_r};
 * <li>ReLU step {@code y = max(0, z)}, per unit: fixed inactive: {@code z <= 0} ({@code y} is bounded to 0);
 * fixed active: {@code -z <= 0} and {@code y - z = 0}; free and stable by its bounds: {@code y - z = 0} when
 * {@code lo >= 0} (else {@code y} is bounded to 0, no row); free and unstable ({@code lo < 0 < hi}): the triangle,
 * {@code z - y <= 0} and {@code y - mu z <= mu (-lo)} with {@code mu >= hi / (hi - lo)} and the right side rounded
 * up.
 * </ul>
 * Every row holds for every input of the leaf, so the program's feasible set contains the leaf's image.
 *
 * <h2>The witness</h2>
 * Multipliers {@code m_i}, nonnegative on inequality rows, make {@code (sum_i m_i a_i) . v <= sum_i m_i b_i} hold on
 * the leaf. If the least value of the left side over the variable bounds exceeds the right side, no input follows
 * the leaf's pattern in its box: the leaf is void. Both sides are evaluated in directed rounding.
 */
final class LeafProgram {
    /** A row {@code a . v <= b} (or {@code = b}) over variable indices {@code vars}. */
    record Row(int[] vars, double[] coefficients, boolean equality, double bound) {
    }

    private final double[] lower;
    private final double[] upper;
    private final List<Row> rows;

    private LeafProgram(double[] lower, double[] upper, List<Row> rows) {
        this.lower = lower;
        this.upper = upper;
        this.rows = List.copyOf(rows);
    }

    /**
     * The program of a leaf whose bounds are {@code bounds}.
     *
     * @throws IllegalStateException if {@code bounds} show the leaf void (then there is no program to write)
     */
    static LeafProgram of(ExactNetwork network, LeafBounds bounds, int[][] states) {
        if (bounds.infeasibility().isPresent()) {
            throw new IllegalStateException("the leaf is void: " + bounds.infeasibility().get());
        }
        List<ExactNetwork.Step> steps = network.steps();
        int[] offset = new int[steps.size() + 2];
        for (int t = 0; t <= steps.size(); t++) {
            offset[t + 1] = offset[t] + bounds.tensorLower(t).length;
        }
        double[] lower = new double[offset[steps.size() + 1]];
        double[] upper = new double[lower.length];
        for (int t = 0; t <= steps.size(); t++) {
            System.arraycopy(bounds.tensorLower(t), 0, lower, offset[t], bounds.tensorLower(t).length);
            System.arraycopy(bounds.tensorUpper(t), 0, upper, offset[t], bounds.tensorUpper(t).length);
        }
        List<Row> rows = new ArrayList<>();
        for (int s = 0; s < steps.size(); s++) {
            int in = offset[s];
            int out = offset[s + 1];
            if (steps.get(s) instanceof ExactNetwork.Affine a) {
                for (int r = 0; r < a.outputSize(); r++) {
                    int[] cols = a.columns()[r];
                    int[] vars = new int[cols.length + 1];
                    double[] coefficients = new double[cols.length + 1];
                    for (int k = 0; k < cols.length; k++) {
                        vars[k] = in + cols[k];
                        coefficients[k] = -a.weights()[r][k];
                    }
                    vars[cols.length] = out + r;
                    coefficients[cols.length] = 1.0;
                    rows.add(new Row(vars, coefficients, true, a.offset()[r]));
                }
            } else {
                ExactNetwork.ReluStep relu = (ExactNetwork.ReluStep) steps.get(s);
                double[] lo = bounds.tensorLower(s);
                double[] hi = bounds.tensorUpper(s);
                for (int j = 0; j < relu.size(); j++) {
                    int state = states[relu.layer()][j];
                    int z = in + j;
                    int y = out + j;
                    if (state == 0) {
                        rows.add(new Row(new int[] {z}, new double[] {1.0}, false, 0.0));
                    } else if (state == 1) {
                        rows.add(new Row(new int[] {z}, new double[] {-1.0}, false, 0.0));
                        rows.add(new Row(new int[] {z, y}, new double[] {-1.0, 1.0}, true, 0.0));
                    } else if (lo[j] >= 0.0) {
                        rows.add(new Row(new int[] {z, y}, new double[] {-1.0, 1.0}, true, 0.0));
                    } else if (hi[j] > 0.0) {
                        double mu = divUp(hi[j], subDown(hi[j], lo[j]));
                        rows.add(new Row(new int[] {z, y}, new double[] {1.0, -1.0}, false, 0.0));
                        rows.add(new Row(new int[] {z, y}, new double[] {-mu, 1.0}, false, mulUp(mu, -lo[j])));
                    }
                }
            }
        }
        return new LeafProgram(lower, upper, rows);
    }

    /** The rows, in order. */
    List<Row> rows() {
        return rows;
    }

    /** Number of variables. */
    int variableCount() {
        return lower.length;
    }

    /** Lower bound of variable {@code v}. */
    double lower(int v) {
        return lower[v];
    }

    /** Upper bound of variable {@code v}. */
    double upper(int v) {
        return upper[v];
    }

    /**
     * Why {@code multipliers} (row index and multiplier) do not show the program empty, or empty when they do.
     * Each row may appear once; inequality rows need a nonnegative multiplier.
     */
    Optional<String> refutation(List<ProofNode.RowMultiplier> multipliers) {
        double[] down = new double[lower.length];
        double[] up = new double[lower.length];
        boolean[] seen = new boolean[rows.size()];
        double right = 0.0;
        for (ProofNode.RowMultiplier m : multipliers) {
            if (m.row() < 0 || m.row() >= rows.size()) {
                return Optional.of("a Farkas multiplier names row " + m.row() + " but the leaf's program has "
                        + rows.size() + " rows");
            }
            if (seen[m.row()]) {
                return Optional.of("row " + m.row() + " has two Farkas multipliers");
            }
            seen[m.row()] = true;
            Row row = rows.get(m.row());
            double w = m.multiplier();
            if (!row.equality() && !(w >= 0.0)) {
                return Optional.of("inequality row " + m.row() + " has the multiplier " + w
                        + "; only a nonnegative one keeps its direction");
            }
            right = addUp(right, mulUp(w, row.bound()));
            for (int k = 0; k < row.vars().length; k++) {
                int v = row.vars()[k];
                down[v] = addDown(down[v], mulDown(w, row.coefficients()[k]));
                up[v] = addUp(up[v], mulUp(w, row.coefficients()[k]));
            }
        }
        double left = 0.0;
        for (int v = 0; v < lower.length; v++) {
            if (down[v] == 0.0 && up[v] == 0.0) {
                continue;
            }
            left = addDown(left, Math.min(Math.min(mulDown(down[v], lower[v]), mulDown(down[v], upper[v])),
                    Math.min(mulDown(up[v], lower[v]), mulDown(up[v], upper[v]))));
        }
        return left > right ? Optional.empty()
                : Optional.of("the combined row's least value over the variable bounds, " + left
                        + ", does not exceed its right side, " + right);
    }
}
