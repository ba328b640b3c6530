package io.exactline.verifier.bounds;

/**
 * An affine map {@code y = A x + b} with the three operations bound propagation needs, each sound for the
 * real-arithmetic map with the stored coefficients (see {@link Rounding}).
 *
 * <p>The rounding error of every operation is charged through <i>slack weights</i>: for an input known to
 * satisfy {@code |x_k| <= M_k}, {@link #slackWeights} writes {@code B_j >= sum_k |A_jk| M_k + |b_j|} (rounded up),
 * one per output. A back-substitution row {@code mu} over the outputs then owes at most
 * {@code kappa_n sum_j |mu_j| B_j + tiny} for the dot products it performs, where {@code tiny} (passed in by the
 * caller, see {@link BoundComputer}) covers products that underflow.
 */
sealed interface LinearOp extends Op permits DenseOp, DiagonalOp, PermutationOp, LayerAffineOp {

    /** Plain floating-point evaluation {@code out = A x + b}, for heuristics that need no soundness. */
    void apply(double[] x, double[] out);

    /**
     * Writes the slack weights {@code B_j} given bounds {@code inAbs[k] >= |x_k|} on the input; {@code inAbsMax}
     * is their maximum.
     */
    void slackWeights(double[] inAbs, double inAbsMax, double[] weights);

    /**
     * The interval image: {@code outLo_j <= y_j <= outHi_j} for every {@code x} with {@code lo <= x <= hi}.
     * {@code weights} are this op's slack weights for the input bounds.
     */
    void interval(double[] lo, double[] hi, double[] weights, double tiny, double[] outLo, double[] outHi);

    /**
     * Back-substitution of {@code count} rows: row {@code r} of {@code rows} (stride {@link #outputSize()})
     * holds {@code mu} with the invariant {@code objective >= mu . y + constants[r]}; on return row {@code r} of
     * {@code next} (stride {@link #inputSize()}) holds {@code nu ~ A^T mu} and {@code constants[r]} is lowered
     * so that {@code objective >= nu . x + constants[r]} holds exactly for every admissible input.
     */
    void backward(double[] rows, double[] next, int count, double[] constants, double[] weights, double tiny);

    /**
     * Forward propagation of symbolic bounds over the network input (see {@link SymbolicBounds}): given
     * {@code in} valid for this op's input, writes bounds valid for its output into {@code out}.
     * {@code weights} are this op's slack weights for the magnitudes of {@code in}'s linear forms
     * ({@link SymbolicBounds#magnitudes}).
     */
    void forward(SymbolicBounds in, SymbolicBounds out, double[] weights, double tiny);
}
