package io.exactline.verifier.bounds;

import java.util.Optional;

import io.exactline.verifier.property.Box;

/**
 * A sound lower bound on a linear objective {@code c . f(x)} of the network outputs over a sub-problem (a box
 * and a partial activation pattern), with what branch and bound needs to act on it.
 *
 * <p>The bound comes with the linear function it was concretised from: for every input {@code x} of the
 * sub-problem, {@code c . f(x) >= a . x + b} with {@code a = }{@link #inputCoefficients()} and
 * {@code b = }{@link #constant()} (exactly, in real arithmetic), and {@link #lower()} {@code <= min} of
 * {@code a . x + b} over the box. The box corner attaining that minimum, {@link #candidate()}, is a natural point
 * to try as a counterexample.
 */
public final class ObjectiveBound {
    private final double lower;
    private final double[] inputCoefficients;
    private final double constant;
    private final double[] candidate;
    private final double[] inputSplitScores;
    private final double[][] unitScores;
    private final LowerSlopes lowerSlopes;

    ObjectiveBound(double lower, double[] inputCoefficients, double constant, double[] candidate,
            double[] inputSplitScores, double[][] unitScores, LowerSlopes lowerSlopes) {
        this.lower = lower;
        this.inputCoefficients = inputCoefficients;
        this.constant = constant;
        this.candidate = candidate;
        this.inputSplitScores = inputSplitScores;
        this.unitScores = unitScores;
        this.lowerSlopes = lowerSlopes;
    }

    /** The lower bound: {@code c . f(x) >= lower()} for every input of the sub-problem. */
    public double lower() {
        return lower;
    }

    /** A copy of {@code a}, the input coefficients of the linear lower bound {@code a . x + b}. */
    public double[] inputCoefficients() {
        return inputCoefficients.clone();
    }

    /** The constant {@code b} of the linear lower bound {@code a . x + b}. */
    public double constant() {
        return constant;
    }

    /** A copy of the box corner minimising {@code a . x} (lower corner where {@code a_i > 0}, else upper). */
    public double[] candidate() {
        return candidate.clone();
    }

    double[] candidateView() {
        return candidate;
    }

    /**
     * A copy of the input split scores: for input {@code i}, {@code |a_i| (upper_i - lower_i)} (its share of the
     * linear function's variation over the box, the smear heuristic of ReluVal on the bound's own gradient) plus
     * its share of the relaxation costs ({@link #unitScore}) of the unstable units, each cost split over the
     * inputs in proportion to their contribution to that unit's pre-activation range. Inputs that cannot be
     * bisected any further ({@link Box#canBisect}) score 0.
     */
    public double[] inputSplitScores() {
        return inputSplitScores.clone();
    }

    /** The input with the largest {@link #inputSplitScores() split score}, lowest index on ties. */
    public int bestInputSplit() {
        int best = 0;
        for (int i = 1; i < inputSplitScores.length; i++) {
            if (inputSplitScores[i] > inputSplitScores[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * How much the relaxation of unit {@code unit} of activation layer {@code k} costs this bound through its
     * offset: {@code |mu_j t_j|} for the line the back-substitution used (the intercept score of BaBSR/FSB);
     * 0 for stable units. Fixing the unit removes that term.
     */
    public double unitScore(int k, int unit) {
        return unitScores[k][unit];
    }

    /** The unit with the largest positive {@link #unitScore}, or empty when no relaxation costs anything. */
    public Optional<ActivationUnit> bestUnitSplit() {
        ActivationUnit best = null;
        double score = 0.0;
        for (int k = 0; k < unitScores.length; k++) {
            for (int u = 0; u < unitScores[k].length; u++) {
                if (unitScores[k][u] > score) {
                    score = unitScores[k][u];
                    best = new ActivationUnit(k, u);
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The lower relaxation slopes this bound was computed with, for the unstable free units whose lower line the
     * back-substitution used: a witness that lets an independent checker re-derive a bound this tight.
     */
    public LowerSlopes lowerSlopes() {
        return lowerSlopes;
    }

    @Override
    public String toString() {
        return "ObjectiveBound(lower=" + lower + ")";
    }
}
