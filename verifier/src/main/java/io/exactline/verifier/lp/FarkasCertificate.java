package io.exactline.verifier.lp;

import java.util.Arrays;

import org.apache.commons.numbers.fraction.BigFraction;

/**
 * A proof that a {@link LinearProgram}'s feasible set is empty: multipliers {@code z}, one per row, with
 * {@code z_i >= 0} on inequality rows ({@code z_i} free on equality rows).
 *
 * <p>For any feasible {@code x}, summing the rows with these weights gives {@code (A^T z) . x <= z^T b}, and
 * {@code (A^T z) . x >= min over the box l <= x <= u of (A^T z) . x}. So if
 *
 * <pre>
 *   sum_j min((A^T z)_j l_j, (A^T z)_j u_j)  &gt;  z^T b
 * </pre>
 *
 * no feasible {@code x} exists (Farkas' lemma for a box-constrained system). This is the safe bound of
 * {@link SafeBounds} for the zero objective with {@code y = -z}: a lower bound above 0 on {@code min 0}. The
 * objective of the program plays no part. Multipliers of the wrong sign are projected to 0 before checking.
 */
public record FarkasCertificate(double[] multipliers) {
    public FarkasCertificate {
        multipliers = multipliers.clone();
    }

    @Override
    public double[] multipliers() {
        return multipliers.clone();
    }

    /** Whether the inequality above holds when evaluated with outward rounding (so it holds exactly). */
    public boolean provesInfeasible(LinearProgram lp) {
        checkLength(lp);
        return SafeBounds.minimumLowerBound(lp, new double[lp.variableCount()], asDuals(lp)) > 0.0;
    }

    /** Whether the inequality above holds, evaluated in exact rational arithmetic. */
    public boolean provesInfeasibleExactly(LinearProgram lp) {
        checkLength(lp);
        BigFraction[] zero = new BigFraction[lp.variableCount()];
        Arrays.fill(zero, BigFraction.ZERO);
        return SafeBounds.exactMinimumLowerBound(lp, zero, asDuals(lp))
                .map(low -> low.signum() > 0)
                .orElse(false);
    }

    private double[] asDuals(LinearProgram lp) {
        return SafeBounds.projected(lp, multipliers, -1);
    }

    private void checkLength(LinearProgram lp) {
        if (multipliers.length != lp.constraintCount()) {
            throw new IllegalArgumentException("certificate has " + multipliers.length + " multipliers for a program "
                    + "with " + lp.constraintCount() + " rows");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FarkasCertificate f && Arrays.equals(multipliers, f.multipliers);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(multipliers);
    }

    @Override
    public String toString() {
        return "FarkasCertificate" + Arrays.toString(multipliers);
    }
}
