package io.exactline.verifier.bounds;

/**
 * Input-level linear bounds {@code a_j . x + b_j <= v_j <= c_j . x + e_j} for some units of one tensor, as
 * back-substitution found them; valid (exactly) on the sub-problem they were computed for and hence on every
 * sub-problem inside it. Unit {@code j}'s forms occupy {@code 2 (d + 1)} entries from {@code j * 2 (d + 1)}:
 * lower coefficients, lower constant, upper coefficients, upper constant. Written once while its
 * {@link LayerBounds} is made, never changed afterwards.
 */
final class LinearBounds {
    final int inputs;
    final double[] forms;
    final boolean[] present;

    LinearBounds(int inputs, int units) {
        this.inputs = inputs;
        this.forms = new double[units * 2 * (inputs + 1)];
        this.present = new boolean[units];
    }

    private int lowerAt(int j) {
        return j * 2 * (inputs + 1);
    }

    private int upperAt(int j) {
        return lowerAt(j) + inputs + 1;
    }

    /** Stores unit {@code j}'s forms: {@code lowerRow} with {@code lowerConstant}; the upper form as its negation. */
    void set(int j, double[] rows, int lowerRow, double lowerConstant, int negatedUpperRow, double negatedConstant) {
        int d = inputs;
        int lo = lowerAt(j);
        int hi = upperAt(j);
        System.arraycopy(rows, lowerRow * d, forms, lo, d);
        forms[lo + d] = lowerConstant;
        for (int k = 0; k < d; k++) {
            forms[hi + k] = -rows[negatedUpperRow * d + k];
        }
        forms[hi + d] = -negatedConstant;
        present[j] = true;
    }

    /** Copies unit {@code j}'s forms from {@code other}. */
    void copy(int j, LinearBounds other) {
        int at = lowerAt(j);
        System.arraycopy(other.forms, at, forms, at, 2 * (inputs + 1));
        present[j] = true;
    }

    /**
     * Distributes {@code looseness} (what unit {@code j}'s relaxation costs a bound) over the inputs in
     * proportion to {@code |g_k| (hi_k - lo_k)}, {@code g} the mean of the unit's lower and upper coefficients:
     * each input's share of the unit's pre-activation range, which splitting that input shrinks.
     */
    void shareLooseness(int j, double[] lo, double[] hi, double looseness, double[] scores) {
        int d = inputs;
        int l = lowerAt(j);
        int u = upperAt(j);
        double total = 0.0;
        for (int k = 0; k < d; k++) {
            total += Math.abs(forms[l + k] + forms[u + k]) * (hi[k] - lo[k]);
        }
        if (total > 0.0) {
            for (int k = 0; k < d; k++) {
                scores[k] += looseness * Math.abs(forms[l + k] + forms[u + k]) * (hi[k] - lo[k]) / total;
            }
        }
    }

    /**
     * Concretises unit {@code j}'s forms over the box {@code [lo, hi]} ({@code abs} bounding its magnitudes):
     * {@code out[0] <= min a . x + b}, {@code out[1] >= max c . x + e}.
     */
    void concretize(int j, double[] lo, double[] hi, double[] abs, double tiny, double[] out) {
        int d = inputs;
        int l = lowerAt(j);
        int u = upperAt(j);
        double vl = 0.0;
        double vu = 0.0;
        double sl = 0.0;
        double su = 0.0;
        for (int k = 0; k < d; k++) {
            double a = forms[l + k];
            double c = forms[u + k];
            vl += a >= 0 ? a * lo[k] : a * hi[k];
            vu += c >= 0 ? c * hi[k] : c * lo[k];
            sl += Math.abs(a) * abs[k];
            su += Math.abs(c) * abs[k];
        }
        double kappa = Rounding.kappa(d + 1L);
        out[0] = Rounding.saneLower(Rounding.addDown(forms[l + d], vl, Rounding.slack(kappa, tiny, sl)));
        out[1] = Rounding.saneUpper(Rounding.addUp(forms[u + d], vu, Rounding.slack(kappa, tiny, su)));
    }
}
