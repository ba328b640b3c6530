package io.exactline.verifier.certificate;

import static io.exactline.verifier.certificate.Directed.addDown;
import static io.exactline.verifier.certificate.Directed.addUp;
import static io.exactline.verifier.certificate.Directed.divUp;
import static io.exactline.verifier.certificate.Directed.minProduct;
import static io.exactline.verifier.certificate.Directed.mulDown;
import static io.exactline.verifier.certificate.Directed.mulUp;
import static io.exactline.verifier.certificate.Directed.subDown;
import static io.exactline.verifier.certificate.Directed.subUp;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Sound bounds over one leaf of a split tree: the inputs {@code x} of a box {@code [l, u]} whose ReLU
 * pre-activations lie in the pieces a partial pattern fixes (state 0: {@code z <= 0}, state 1: {@code z >= 0}).
 * Written for the checker alone; it shares no code with the bound propagation of the engines it checks.
 *
 * <h2>Method (DeepPoly)</h2>
 * Tensors are visited from the input. An affine step's outputs get interval bounds from the bounds of its inputs;
 * those whose interval holds 0 strictly inside feed a ReLU and are tightened by back-substitution (below). A ReLU
 * unit that is fixed, or stable by its bounds, passes 0 or its pre-activation; an unstable free unit with bounds
 * {@code lo < 0 < hi} is relaxed by {@code max(0, z) <= mu (z - lo)} with {@code mu >= hi / (hi - lo)} and
 * {@code max(0, z) >= alpha z} with {@code alpha = 1} when {@code hi > -lo}, else 0. A fixed unit whose bounds
 * exclude its piece ({@code lo > 0} for state 0, {@code hi < 0} for state 1) shows the leaf <b>void</b>, as does
 * an affine output whose lower bound exceeds its upper bound (both hold on the leaf, so it has no point). A
 * fixed-active unit whose box bounds still allow {@code lo < 0} passes its pre-activation where its multiplier is
 * negative (exact on the leaf) and the lower line {@code alpha z} where it is positive: on the leaf
 * {@code max(0, z) = z >= alpha z}, and off the leaf the line ignores the negative part of {@code z} that the
 * identity would count.
 *
 * <p>Back-substitution bounds {@code lambda . v + beta} from below, for a tensor {@code v}, by carrying the
 * multipliers back: through an affine step {@code v = W w + b} they become {@code W^T lambda} (and
 * {@code beta += lambda . b}); through a ReLU step the lower relaxation is used where {@code lambda_j >= 0} and the
 * upper one where {@code lambda_j < 0}; at the input the linear function is minimised over the box.
 *
 * <h2>Rounding</h2>
 * Numbers are doubles read exactly as dyadic rationals, and every operation is rounded in the sound direction
 * ({@link Directed}). Where a multiplier is computed inexactly, both a downward and an upward value are kept; the
 * downward one is carried on and the worst effect of the difference on the tensor's bounds is subtracted from
 * {@code beta}; a multiplier that overflows makes the bound NaN, which proves nothing. So every bound holds for the
 * real-valued network on its stored weights.
 */
final class LeafBounds {
    private final ExactNetwork network;
    private final double[] lower;
    private final double[] upper;
    /** Bounds of tensor t, the input of step t (tensor 0 is the network input). */
    private final double[][] tensorLower;
    private final double[][] tensorUpper;
    /** Per ReLU step, the treatment of each unit. */
    private final Relaxation[][] relaxations;
    private final Optional<String> infeasibility;

    /** How back-substitution passes one ReLU unit. */
    private record Relaxation(Kind kind, double slope, double lowerEnd, boolean keepLower) {
        static final Relaxation ZERO = new Relaxation(Kind.ZERO, 0.0, 0.0, false);
        static final Relaxation IDENTITY = new Relaxation(Kind.IDENTITY, 1.0, 0.0, true);
    }

    private enum Kind { ZERO, IDENTITY, RELAXED, ACTIVE }

    /**
     * The lower relaxation {@code max(0, z) >= alpha z} of unstable units: DeepPoly's choice per unit, the same
     * slope for all, or slopes a certificate gives (DeepPoly's choice where it gives none). Any
     * {@code alpha in [0, 1]} is sound; objectives take the best of those tried.
     */
    private enum Alpha { ADAPTIVE, ONE, ZERO, GIVEN }

    /**
     * Bounds every tensor over the box {@code [lower, upper]} under {@code states} ({@code states[k][j]} the fixed
     * piece of unit {@code j} of ReLU layer {@code k}, or -1 when free).
     */
    LeafBounds(ExactNetwork network, double[] lower, double[] upper, int[][] states) {
        this.network = network;
        this.lower = lower.clone();
        this.upper = upper.clone();
        int steps = network.steps().size();
        this.tensorLower = new double[steps + 1][];
        this.tensorUpper = new double[steps + 1][];
        this.relaxations = new Relaxation[steps][];
        this.infeasibility = forward(states);
    }

    /**
     * Lower bounds of tensor {@code t} (the input of step {@code t}; tensor 0 is the network input) over the leaf;
     * read only.
     */
    double[] tensorLower(int t) {
        return tensorLower[t];
    }

    /** Upper bounds of tensor {@code t} over the leaf, as {@link #tensorLower}; read only. */
    double[] tensorUpper(int t) {
        return tensorUpper[t];
    }

    /** Why no input of the box follows the pattern, if a fixed unit's bounds exclude its piece. */
    Optional<String> infeasibility() {
        return infeasibility;
    }

    /**
     * A lower bound of {@code c . f(x) + e . x + d} over the leaf; NaN or negative infinity when the arithmetic
     * overflowed.
     *
     * @param outputs {@code c}, one per network output
     * @param inputs {@code e}, one per network input
     * @param constant {@code d}
     * @throws IllegalStateException if the leaf is void (there is no bound to give)
     */
    double lowerBound(double[] outputs, double[] inputs, double constant) {
        return lowerBound(outputs, inputs, constant, List.of());
    }

    /**
     * As {@link #lowerBound(double[], double[], double)}, trying also the lower slopes {@code slopes} for the
     * units they name where the lower line is in use (unstable free units and fixed-active ones with
     * {@code lo < 0}).
     *
     * @param slopes each naming an existing ReLU unit at most once, with a slope in {@code [0, 1]}
     * @throws IllegalArgumentException if a slope names no unit, a unit twice, or lies outside {@code [0, 1]}
     */
    double lowerBound(double[] outputs, double[] inputs, double constant, List<ProofNode.Slope> slopes) {
        if (infeasibility.isPresent()) {
            throw new IllegalStateException("the leaf is void: " + infeasibility.get());
        }
        double[][] given = given(slopes);
        double bound = Double.NaN;
        for (Alpha alpha : Alpha.values()) {
            if (alpha == Alpha.GIVEN && slopes.isEmpty()) {
                continue;
            }
            double candidate = backSubstitute(network.steps().size(), outputs.clone(), constant, alpha, given);
            bound = candidate > bound || Double.isNaN(bound) ? candidate : bound;
        }
        for (int i = 0; i < inputs.length; i++) {
            bound = addDown(bound, minProduct(inputs[i], lower[i], upper[i]));
        }
        return bound;
    }

    /** Per ReLU layer, per unit, the slope {@code slopes} give, NaN where they give none. */
    private double[][] given(List<ProofNode.Slope> slopes) {
        double[][] given = new double[network.reluLayerCount()][];
        for (int k = 0; k < given.length; k++) {
            given[k] = new double[network.reluSize(k)];
            Arrays.fill(given[k], Double.NaN);
        }
        for (ProofNode.Slope slope : slopes) {
            if (slope.layer() < 0 || slope.layer() >= given.length || slope.unit() < 0
                    || slope.unit() >= given[slope.layer()].length) {
                throw new IllegalArgumentException("a slope names unit " + slope.unit() + " of ReLU layer "
                        + slope.layer() + ", which the network does not have");
            }
            if (!(slope.alpha() >= 0.0 && slope.alpha() <= 1.0)) {
                throw new IllegalArgumentException("the slope " + slope.alpha() + " of unit " + slope.unit()
                        + " of ReLU layer " + slope.layer() + " lies outside [0, 1], so max(0, z) >= alpha z does"
                        + " not hold for every z");
            }
            if (!Double.isNaN(given[slope.layer()][slope.unit()])) {
                throw new IllegalArgumentException("unit " + slope.unit() + " of ReLU layer " + slope.layer()
                        + " has two slopes");
            }
            given[slope.layer()][slope.unit()] = slope.alpha();
        }
        return given;
    }

    /**
     * A lower bound of {@code lambda . v + beta} for tensor {@code v} number {@code tensor}; {@code given} holds
     * the slopes of {@link Alpha#GIVEN}.
     */
    private double backSubstitute(int tensor, double[] lambda, double beta, Alpha alpha, double[][] given) {
        List<ExactNetwork.Step> steps = network.steps();
        double[] multipliers = lambda;
        double bias = beta;
        for (int s = tensor - 1; s >= 0; s--) {
            double[] inLower = tensorLower[s];
            if (steps.get(s) instanceof ExactNetwork.Affine a) {
                double[] down = new double[a.inputSize()];
                double[] up = new double[a.inputSize()];
                for (int r = 0; r < multipliers.length; r++) {
                    double m = multipliers[r];
                    if (m == 0.0) {
                        continue;
                    }
                    bias = addDown(bias, mulDown(m, a.offset()[r]));
                    int[] cols = a.columns()[r];
                    double[] w = a.weights()[r];
                    for (int k = 0; k < cols.length; k++) {
                        down[cols[k]] = addDown(down[cols[k]], mulDown(m, w[k]));
                        up[cols[k]] = addUp(up[cols[k]], mulUp(m, w[k]));
                    }
                }
                for (int j = 0; j < down.length; j++) {
                    if (!Double.isFinite(down[j]) || !Double.isFinite(up[j])) {
                        return Double.NaN;
                    }
                    bias = addDown(bias, slack(down[j], up[j], inLower[j]));
                }
                multipliers = down;
            } else {
                Relaxation[] units = relaxations[s];
                double[] slopes = alpha == Alpha.GIVEN ? given[((ExactNetwork.ReluStep) steps.get(s)).layer()] : null;
                double[] back = new double[multipliers.length];
                for (int j = 0; j < back.length; j++) {
                    Relaxation u = units[j];
                    double m = multipliers[j];
                    if (Double.isNaN(m)) {
                        return Double.NaN;
                    }
                    if (m == 0.0 || u.kind() == Kind.ZERO) {
                        continue;
                    }
                    if (u.kind() == Kind.IDENTITY || (u.kind() == Kind.ACTIVE && m < 0.0)) {
                        back[j] = m;
                    } else if (m > 0.0) {
                        double a = lowerSlope(u, alpha, slopes, j);
                        double down = a == 1.0 ? m : mulDown(m, a);
                        back[j] = down;
                        bias = addDown(bias, slack(down, a == 1.0 ? m : mulUp(m, a), inLower[j]));
                    } else {
                        double down = mulDown(m, u.slope());
                        if (!Double.isFinite(down)) {
                            return Double.NaN;
                        }
                        back[j] = down;
                        bias = addDown(bias, slack(down, mulUp(m, u.slope()), inLower[j]));
                        bias = addDown(bias, mulDown(mulUp(-m, u.slope()), u.lowerEnd()));
                    }
                }
                multipliers = back;
            }
        }
        for (int i = 0; i < multipliers.length; i++) {
            bias = addDown(bias, minProduct(multipliers[i], lower[i], upper[i]));
        }
        return bias;
    }

    /**
     * The slope {@code alpha} of the lower line {@code max(0, z) >= alpha z} of a relaxed or fixed-active unit
     * {@code j} whose multiplier is positive: the given one, 1, 0, or DeepPoly's choice.
     */
    private static double lowerSlope(Relaxation u, Alpha alpha, double[] slopes, int j) {
        if (slopes != null && !Double.isNaN(slopes[j])) {
            return slopes[j];
        }
        return switch (alpha) {
            case ONE -> 1.0;
            case ZERO -> 0.0;
            case ADAPTIVE, GIVEN -> u.keepLower() ? 1.0 : 0.0;
        };
    }

    /**
     * A lower bound of {@code (m - down) v} for an exact multiplier {@code m} in {@code [down, up]} and a value
     * {@code v >= low}: 0 when {@code low >= 0}, else {@code (up - down) low}.
     */
    private static double slack(double down, double up, double low) {
        if (down == up) {
            return 0.0;
        }
        if (low >= 0.0) {
            return 0.0;
        }
        return mulDown(subUp(up, down), low);
    }

    private Optional<String> forward(int[][] states) {
        List<ExactNetwork.Step> steps = network.steps();
        tensorLower[0] = lower.clone();
        tensorUpper[0] = upper.clone();
        for (int s = 0; s < steps.size(); s++) {
            double[] inLower = tensorLower[s];
            double[] inUpper = tensorUpper[s];
            if (steps.get(s) instanceof ExactNetwork.Affine a) {
                double[] lo = new double[a.outputSize()];
                double[] hi = new double[a.outputSize()];
                boolean feedsRelu = s + 1 < steps.size() && steps.get(s + 1) instanceof ExactNetwork.ReluStep;
                for (int r = 0; r < lo.length; r++) {
                    double l = a.offset()[r];
                    double h = a.offset()[r];
                    int[] cols = a.columns()[r];
                    double[] w = a.weights()[r];
                    for (int k = 0; k < cols.length; k++) {
                        int j = cols[k];
                        l = addDown(l, w[k] > 0 ? mulDown(w[k], inLower[j]) : mulDown(w[k], inUpper[j]));
                        h = addUp(h, w[k] > 0 ? mulUp(w[k], inUpper[j]) : mulUp(w[k], inLower[j]));
                    }
                    if (feedsRelu && l < 0.0 && h > 0.0) {
                        double[] row = new double[a.inputSize()];
                        double[] negated = new double[a.inputSize()];
                        for (int k = 0; k < cols.length; k++) {
                            row[cols[k]] = w[k];
                            negated[cols[k]] = -w[k];
                        }
                        double tighterLower = backSubstitute(s, row, a.offset()[r], Alpha.ADAPTIVE, null);
                        double tighterUpper = -backSubstitute(s, negated, -a.offset()[r], Alpha.ADAPTIVE, null);
                        l = tighterLower > l ? tighterLower : l;
                        h = tighterUpper < h ? tighterUpper : h;
                    }
                    lo[r] = Double.isNaN(l) ? Double.NEGATIVE_INFINITY : l;
                    hi[r] = Double.isNaN(h) ? Double.POSITIVE_INFINITY : h;
                    if (lo[r] > hi[r]) {
                        return Optional.of("element " + r + " of the output of step " + s + " is at least " + lo[r]
                                + " and at most " + hi[r] + " on the leaf");
                    }
                }
                tensorLower[s + 1] = lo;
                tensorUpper[s + 1] = hi;
            } else {
                ExactNetwork.ReluStep relu = (ExactNetwork.ReluStep) steps.get(s);
                Relaxation[] units = new Relaxation[relu.size()];
                double[] lo = new double[relu.size()];
                double[] hi = new double[relu.size()];
                for (int j = 0; j < relu.size(); j++) {
                    int state = states[relu.layer()][j];
                    double l = inLower[j];
                    double h = inUpper[j];
                    if (state == 0 && l > 0.0) {
                        return Optional.of("unit " + j + " of ReLU layer " + relu.layer() + " is fixed inactive but"
                                + " its pre-activation is at least " + l + " > 0 on the box");
                    }
                    if (state == 1 && h < 0.0) {
                        return Optional.of("unit " + j + " of ReLU layer " + relu.layer() + " is fixed active but"
                                + " its pre-activation is at most " + h + " < 0 on the box");
                    }
                    if (state == 0 || (state < 0 && h <= 0.0)) {
                        units[j] = Relaxation.ZERO;
                    } else if (state == 1 && l < 0.0) {
                        units[j] = new Relaxation(Kind.ACTIVE, 1.0, 0.0, h > -l);
                        hi[j] = h;
                    } else if (state == 1 || l >= 0.0) {
                        units[j] = Relaxation.IDENTITY;
                        lo[j] = Math.max(l, 0.0);
                        hi[j] = h;
                    } else {
                        units[j] = new Relaxation(Kind.RELAXED, divUp(h, subDown(h, l)), l, h > -l);
                        hi[j] = h;
                    }
                }
                relaxations[s] = units;
                tensorLower[s + 1] = lo;
                tensorUpper[s + 1] = hi;
            }
        }
        return Optional.empty();
    }
}
