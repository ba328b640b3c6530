package io.exactline.verifier.bounds;

import java.util.Arrays;
import java.util.Optional;

import io.exactline.core.BadInputException;
import io.exactline.verifier.property.Box;

/**
 * Sound bound propagation for piecewise-linear networks: interval bounds, forward symbolic bounds and
 * DeepPoly/CROWN back-substitution with optional alpha-CROWN slope optimisation, over an input {@link Box} and a
 * {@link PartialPattern} of fixed activation units (the sub-problems of branch and bound).
 *
 * <h2>What is computed</h2>
 * {@link #bounds} walks the ops of the {@link BoundNetwork} forward. Every tensor gets interval bounds from the
 * previous one; with {@link BoundOptions#forwardSymbolic()} also the concretisation of linear bounds in terms of
 * the input, propagated alongside. Before an activation or max-pooling layer and at the output, the bounds are
 * intersected with a parent's (a sub-problem's bounds hold on its children) and with the parent's input-level
 * linear bounds concretised over the new box, clipped to the fixed pieces, and with
 * {@link BoundOptions#backSubstitution()} every unit still unstable is tightened by back-substitution: the
 * linear forms {@code z_j} and {@code -z_j} are pushed back op by op to the input, each activation replaced by
 * the line of its relaxation ({@link ActivationOp}, {@link MaxPoolOp}) that bounds it from the needed side, and
 * concretised over the box. On the way the rows are also concretised over each earlier pre-activation tensor;
 * a unit whose best bounds so far settle it on one piece is not pushed further. Units the parent settled are
 * never back-substituted again. {@link #lowerBound} back-substitutes an objective {@code c . y} against given
 * layer bounds, optionally improving the lower slopes of unstable ReLUs by alpha-CROWN steps.
 *
 * <h2>Soundness in floating point</h2>
 * Every returned bound holds for the network evaluated in exact real arithmetic on its stored doubles. Each
 * propagation step keeps an <i>exact</i> invariant: for back-substitution, {@code objective >= nu . v + beta} for
 * every admissible value {@code v} of the current tensor; for forward symbolic bounds,
 * {@code L . x + l <= v <= U . x + u}; for intervals, {@code lo <= v <= hi}. A step computes its new
 * coefficients in plain floating point, which makes them some doubles, not the exact products; the invariant
 * for the new doubles then holds up to the error of the dot products involved, and that error is bounded by
 * {@link Rounding#slack} ({@code |fl(s) - s| <= gamma_n sum |a_i b_i|}, Higham's Lemma 3.1) from the magnitudes
 * of the coefficients and of the tensor's known bounds (the <i>slack weights</i> of {@link LinearOp}; for
 * activations {@code B_j >= max(|sL_j| M_j + |tL_j|, |sU_j| M_j + |tU_j|)} with {@code M_j >= |z_j|}). The
 * constant ({@code beta}, {@code l}, {@code lo}) is moved outward by that slack with directed rounding
 * ({@code Math.nextDown}/{@code nextUp} after each operation). So the rounding of the coefficients is never
 * trusted, only charged. Relaxation lines are made valid by computing their offsets over the vertices with
 * outward rounding, whatever (rounded) slopes were chosen; intermediate concretisations use a box that contains
 * the known bounds. Underflow is charged by an absolute term ({@link Rounding#underflow}); NaN bounds, possible
 * only after overflow, are replaced by infinities. Heuristic choices (slopes, alpha steps, which units to
 * tighten, when to stop) only ever affect tightness.
 *
 * <h2>Use</h2>
 * One computer per thread: it owns reusable work arrays and is not thread-safe. The {@link BoundNetwork} is
 * shared. Results ({@link LayerBounds}, {@link ObjectiveBound}) are immutable.
 */
public final class BoundComputer {
    /**
     * At most this many doubles in each back-substitution row buffer (64 MB): units are back-substituted in batches
     * that fit, so wide convolutional layers (thousands of unstable units over tensors of thousands of elements)
     * need neither gigabytes of heap nor give other bounds. Each row is independent, so batching changes nothing.
     */
    private static final int MAX_ROW_CELLS = 1 << 23;

    private final BoundNetwork net;
    private final int maxRowCells;
    private final BoundOptions options;
    private final int opCount;
    private final long width;
    private final double[][] weights;
    private final double[] tiny;
    private final double[][] sL;
    private final double[][] tL;
    private final double[][] sU;
    private final double[][] tU;
    private final double[][] abs;
    private final double[] absMax;
    private final SymbolicBounds symbolicA;
    private final SymbolicBounds symbolicB;
    private final double[] magnitudes;
    private final double[] forwardWeights;
    private final double[] scratchLo;
    private final double[] scratchHi;
    private final int[] units;
    private final double[] pair = new double[2];
    private final int[][] poolChoice;
    private final double[][] poolTop;
    private final boolean[][] poolStable;
    private final int[][] irregular;
    private final int[] irregularCount;
    private final double[][] center;
    private final double[][] spread;
    private int[] origin = new int[0];
    private double[] stage = new double[0];
    private double[] rowsA = new double[0];
    private double[] rowsB = new double[0];
    private double[] constants = new double[0];
    private double[] results = new double[0];
    private LayerBounds prepared;

    /** A computer with {@link BoundOptions#FORWARD_BACKWARD}. */
    public BoundComputer(BoundNetwork network) {
        this(network, BoundOptions.FORWARD_BACKWARD);
    }

    public BoundComputer(BoundNetwork network, BoundOptions options) {
        this(network, options, MAX_ROW_CELLS);
    }

    /**
     * As {@link #BoundComputer(BoundNetwork, BoundOptions)}, with at most {@code maxRowCells} doubles per row buffer.
     */
    BoundComputer(BoundNetwork network, BoundOptions options, int maxRowCells) {
        this.maxRowCells = maxRowCells;
        this.net = network;
        this.options = options;
        this.opCount = network.opCount();
        this.width = network.maxSize() + 1L;
        int max = network.maxSize();
        this.weights = new double[opCount][];
        this.tiny = new double[opCount];
        this.sL = new double[opCount][];
        this.tL = new double[opCount][];
        this.sU = new double[opCount][];
        this.tU = new double[opCount][];
        this.poolChoice = new int[opCount][];
        this.poolTop = new double[opCount][];
        this.poolStable = new boolean[opCount][];
        this.irregular = new int[opCount][];
        this.irregularCount = new int[opCount];
        this.center = new double[opCount][];
        this.spread = new double[opCount][];
        for (int i = 0; i < opCount; i++) {
            Op op = network.op(i);
            weights[i] = new double[op.outputSize()];
            if (op instanceof ActivationOp) {
                int n = op.inputSize();
                sL[i] = new double[n];
                tL[i] = new double[n];
                sU[i] = new double[n];
                tU[i] = new double[n];
                irregular[i] = new int[n];
                center[i] = new double[n];
                spread[i] = new double[n];
            } else if (op instanceof MaxPoolOp) {
                int n = op.outputSize();
                poolChoice[i] = new int[n];
                poolTop[i] = new double[n];
                poolStable[i] = new boolean[n];
            }
        }
        this.abs = new double[opCount + 1][];
        for (int t = 0; t <= opCount; t++) {
            abs[t] = new double[network.tensorSize(t)];
        }
        this.absMax = new double[opCount + 1];
        this.symbolicA = new SymbolicBounds(network.inputSize(), max);
        this.symbolicB = new SymbolicBounds(network.inputSize(), max);
        this.magnitudes = new double[max];
        this.forwardWeights = new double[max];
        this.scratchLo = new double[max];
        this.scratchHi = new double[max];
        this.units = new int[max];
    }

    /** The network bounded. */
    public BoundNetwork network() {
        return net;
    }

    /** The options in use. */
    public BoundOptions options() {
        return options;
    }

    /**
     * Bounds on every tensor over the inputs of {@code box} that follow {@code pattern}.
     *
     * @return the bounds, or empty when they prove that no input of the box follows the pattern (some unit's
     *     lower bound exceeds its upper bound), so the sub-problem is void
     */
    public Optional<LayerBounds> bounds(Box box, PartialPattern pattern) {
        return compute(box, pattern, null);
    }

    /**
     * As {@link #bounds(Box, PartialPattern)}, reusing the bounds of a parent sub-problem: {@code parent} must
     * have been computed for a box containing {@code box} and a pattern whose fixed units {@code pattern} also
     * fixes the same way; its bounds are intersected with the new ones, and units it proved stable are not
     * back-substituted again.
     */
    public Optional<LayerBounds> bounds(Box box, PartialPattern pattern, LayerBounds parent) {
        if (parent.network() != net) {
            throw new IllegalArgumentException("parent bounds belong to another network");
        }
        if (!parent.box().contains(box)) {
            throw new IllegalArgumentException("the parent's box " + parent.box() + " does not contain " + box);
        }
        checkPattern(pattern);
        PartialPattern before = parent.pattern();
        for (int k = 0; k < net.activationLayerCount(); k++) {
            for (int u = 0; u < net.unitCount(k); u++) {
                if (before.isFixed(k, u) && before.state(k, u) != pattern.state(k, u)) {
                    throw new IllegalArgumentException("the parent fixes unit " + u + " of activation layer " + k
                            + " to state " + before.state(k, u) + " but the pattern has " + pattern.state(k, u));
                }
            }
        }
        return compute(box, pattern, parent);
    }

    /**
     * A sound lower bound on {@code objective . f(x)} over the sub-problem of {@code bounds}, by back-substitution
     * (with alpha-CROWN steps if the options ask for them).
     *
     * @param objective one coefficient per network output, e.g. {@code e_0 - e_j} for {@code Y_0 - Y_j}
     */
    public ObjectiveBound lowerBound(LayerBounds bounds, double[] objective) {
        checkObjective(objective);
        prepare(bounds);
        double[][] mu = newMu();
        ObjectiveBound plain = objectiveBound(bounds, objective, mu);
        if (options.alphaSteps() == 0) {
            return plain;
        }
        return optimiseAlpha(bounds, objective, plain, mu);
    }

    /** A sound upper bound on {@code objective . f(x)} over the sub-problem of {@code bounds}. */
    public double upperBound(LayerBounds bounds, double[] objective) {
        double[] negated = new double[objective.length];
        for (int i = 0; i < negated.length; i++) {
            negated[i] = -objective[i];
        }
        return -lowerBound(bounds, negated).lower();
    }

    /**
     * Bounds the sub-problem and then the objective; empty when the sub-problem is void (then every value is a
     * lower bound).
     */
    public Optional<ObjectiveBound> lowerBound(Box box, PartialPattern pattern, double[] objective) {
        checkObjective(objective);
        return bounds(box, pattern).map(b -> lowerBound(b, objective));
    }

    private void checkObjective(double[] objective) {
        if (objective.length != net.outputSize()) {
            throw new BadInputException("objective has " + objective.length + " coefficients but "
                    + net.network().source() + " has " + net.outputSize() + " outputs");
        }
        for (int i = 0; i < objective.length; i++) {
            if (!Double.isFinite(objective[i])) {
                throw new BadInputException("objective coefficient " + i + " is " + objective[i]
                        + "; coefficients must be finite");
            }
        }
    }

    private void checkPattern(PartialPattern pattern) {
        int layers = net.activationLayerCount();
        if (pattern.layerCount() != layers) {
            throw new IllegalArgumentException("pattern covers " + pattern.layerCount() + " activation layers, "
                    + net + " has " + layers);
        }
        for (int k = 0; k < layers; k++) {
            if (pattern.unitCount(k) != net.unitCount(k)) {
                throw new IllegalArgumentException("pattern layer " + k + " has " + pattern.unitCount(k)
                        + " units, the network's activation layer " + k + " has " + net.unitCount(k));
            }
            int pieces = net.stateCount(k);
            for (int s : pattern.layerStates(k)) {
                if (s >= pieces) {
                    throw new IllegalArgumentException("pattern fixes a unit of activation layer " + k
                            + " to state " + s + " but its units have " + pieces + " states");
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Layer bounds

    private Optional<LayerBounds> compute(Box box, PartialPattern pattern, LayerBounds parent) {
        if (box.dimension() != net.inputSize()) {
            throw new BadInputException("input box has " + box.dimension() + " dimensions but "
                    + net.network().source() + " takes " + net.inputSize() + " inputs");
        }
        checkPattern(pattern);
        prepared = null;
        double[][] lower = new double[opCount + 1][];
        double[][] upper = new double[opCount + 1][];
        LinearBounds[] linearBounds = new LinearBounds[opCount + 1];
        lower[0] = box.lower();
        upper[0] = box.upper();
        setAbs(0, lower[0], upper[0]);
        SymbolicBounds current = symbolicA;
        SymbolicBounds next = symbolicB;
        if (options.forwardSymbolic()) {
            current.identity();
        }
        for (int i = 0; i < opCount; i++) {
            Op op = net.op(i);
            int n = op.outputSize();
            double[] lo = new double[n];
            double[] hi = new double[n];
            lower[i + 1] = lo;
            upper[i + 1] = hi;
            tiny[i] = Rounding.underflow(width, Math.max(absMax[i], absMax[0]));
            if (op instanceof LinearOp linear) {
                linear.slackWeights(abs[i], absMax[i], weights[i]);
                linear.interval(lower[i], upper[i], weights[i], tiny[i], lo, hi);
                if (options.forwardSymbolic()) {
                    double maxMagnitude = current.magnitudes(abs[0], magnitudes);
                    linear.slackWeights(magnitudes, maxMagnitude, forwardWeights);
                    double forwardTiny = Rounding.underflow(width, Math.max(maxMagnitude, absMax[0]));
                    linear.forward(current, next, forwardWeights, forwardTiny);
                }
            } else if (op instanceof MaxPoolOp pool) {
                relaxPool(i, pool, lower[i], upper[i], lo, hi);
                if (options.forwardSymbolic()) {
                    forwardPool(i, current, next);
                }
            } else {
                ActivationOp activation = (ActivationOp) op;
                int k = net.activationIndexOfOp(i);
                relaxLayer(i, activation, lower[i], upper[i], pattern.layerStates(k));
                for (int j = 0; j < n; j++) {
                    activation.interval(j, lower[i][j], upper[i][j], lo, hi);
                }
                if (options.forwardSymbolic()) {
                    forwardActivation(i, current, next);
                }
            }
            if (options.forwardSymbolic()) {
                SymbolicBounds swap = current;
                current = next;
                next = swap;
                current.concretize(lower[0], upper[0], abs[0], tiny[0], scratchLo, scratchHi);
                intersect(lo, hi, scratchLo, scratchHi, n);
            }
            Op consumer = i + 1 < opCount ? net.op(i + 1) : null;
            if (!(consumer instanceof LinearOp)) {
                if (!tighten(i + 1, lower, upper, box, pattern, parent, consumer, linearBounds)) {
                    return Optional.empty();
                }
            }
            setAbs(i + 1, lo, hi);
        }
        LayerBounds result = new LayerBounds(net, box, pattern, lower, upper, linearBounds);
        prepared = result;
        return Optional.of(result);
    }

    /**
     * Intersects tensor {@code t}'s bounds with the parent's (and with the parent's linear bounds concretised over
     * the new box) and with the pattern's pieces, then back-substitutes the units left unstable, recording their
     * linear bounds in {@code linear[t]}; false when the bounds cross (void sub-problem). {@code consumer} is the
     * op reading tensor {@code t}: an activation (its unstable free units are tightened), a max pool (the
     * elements of its unstable windows) or none for the network output (every unit).
     */
    private boolean tighten(int t, double[][] lower, double[][] upper, Box box, PartialPattern pattern,
            LayerBounds parent, Op consumer, LinearBounds[] linear) {
        boolean beforeActivation = consumer instanceof ActivationOp;
        double[] lo = lower[t];
        double[] hi = upper[t];
        int n = lo.length;
        LinearBounds inherited = parent == null ? null : parent.linearBounds(t);
        boolean reuse = inherited != null && options.reuseParentLinearBounds();
        if (parent != null) {
            intersect(lo, hi, parent.tensorLower(t), parent.tensorUpper(t), n);
        }
        if (options.backSubstitution() || reuse) {
            linear[t] = new LinearBounds(net.inputSize(), n);
        }
        if (inherited != null) {
            double[] boxLo = box.lower();
            double[] boxHi = box.upper();
            for (int j = 0; j < n; j++) {
                if (inherited.present[j]) {
                    inherited.concretize(j, boxLo, boxHi, abs[0], tiny[0], pair);
                    lo[j] = Math.max(lo[j], pair[0]);
                    hi[j] = Math.min(hi[j], pair[1]);
                    if (reuse) {
                        linear[t].copy(j, inherited);
                    }
                }
            }
        }
        ActivationOp activation = beforeActivation ? (ActivationOp) net.op(t) : null;
        int[] states = beforeActivation ? pattern.layerStates(net.activationIndexOfOp(t)) : null;
        if (beforeActivation) {
            clip(activation, states, lo, hi);
        }
        if (crossed(lo, hi)) {
            return false;
        }
        if (!options.backSubstitution()) {
            return true;
        }
        boolean[] contested = consumer instanceof MaxPoolOp pool ? contestedElements(pool, lo, hi) : null;
        int count = 0;
        for (int j = 0; j < n; j++) {
            boolean wanted = beforeActivation
                    ? states[j] == PartialPattern.FREE && activation.pieceOf(lo[j], hi[j]) < 0
                    : contested == null || contested[j];
            if (wanted && !(reuse && inherited.present[j])) {
                units[count++] = j;
            }
        }
        if (count == 0) {
            return true;
        }
        int batch = Math.max(1, maxRowCells / (2 * net.maxSize()));
        int[] wanted = count > batch ? Arrays.copyOf(units, count) : null;
        for (int first = 0; first < count; first += batch) {
            int size = Math.min(batch, count - first);
            if (wanted != null) {
                System.arraycopy(wanted, first, units, 0, size);
            }
            backSubstituteUnits(t, size, box, linear[t], lower, upper);
            for (int q = 0; q < size; q++) {
                int j = units[q];
                lo[j] = Math.max(lo[j], results[2 * q]);
                hi[j] = Math.min(hi[j], -results[2 * q + 1]);
            }
        }
        if (beforeActivation) {
            clip(activation, states, lo, hi);
        }
        return !crossed(lo, hi);
    }

    /** The input elements of the windows that the bounds {@code [lo, hi]} leave unstable. */
    private boolean[] contestedElements(MaxPoolOp pool, double[] lo, double[] hi) {
        int windows = pool.outputSize();
        int[] choice = new int[windows];
        boolean[] stable = new boolean[windows];
        pool.relax(lo, hi, choice, new double[windows], stable, new double[windows], new double[windows]);
        boolean[] contested = new boolean[lo.length];
        for (int u = 0; u < windows; u++) {
            if (!stable[u]) {
                for (int e = pool.windowStart(u); e < pool.windowStart(u + 1); e++) {
                    contested[pool.element(e)] = true;
                }
            }
        }
        return contested;
    }

    /** The relaxation, interval image and slack weights of max-pool op {@code i} from its input bounds. */
    private void relaxPool(int i, MaxPoolOp pool, double[] lo, double[] hi, double[] outLo, double[] outHi) {
        pool.relax(lo, hi, poolChoice[i], poolTop[i], poolStable[i], outLo, outHi);
        double[] w = weights[i];
        for (int u = 0; u < w.length; u++) {
            w[u] = Rounding.up(abs[i][poolChoice[i][u]] + Math.abs(poolTop[i][u]));
        }
    }

    /** Forward symbolic bounds through max-pool op {@code i}: lower form of the chosen element, upper form or top. */
    private void forwardPool(int i, SymbolicBounds in, SymbolicBounds out) {
        int nIn = in.size;
        int n = poolChoice[i].length;
        out.reset(n);
        for (int c = 0; c <= in.inputs; c++) {
            for (int u = 0; u < n; u++) {
                int k = poolChoice[i][u];
                out.lower[c * n + u] = in.lower[c * nIn + k];
                out.upper[c * n + u] = poolStable[i][u] ? in.upper[c * nIn + k] : 0.0;
            }
        }
        for (int u = 0; u < n; u++) {
            if (!poolStable[i][u]) {
                out.upper[in.inputs * n + u] = poolTop[i][u];
            }
        }
    }

    /**
     * Back-substitution through max-pool op {@code i}: {@code mu_u y_u >= mu_u x_k*} for {@code mu_u >= 0} or a
     * stable window, else {@code mu_u y_u >= mu_u top_u}.
     */
    private void poolBackward(int i, MaxPoolOp pool, double[] rows, double[] next, int count) {
        int n = pool.outputSize();
        int nIn = pool.inputSize();
        int[] choice = poolChoice[i];
        double[] top = poolTop[i];
        boolean[] stable = poolStable[i];
        double[] w = weights[i];
        double kappa = Rounding.kappa(pool.terms());
        for (int r = 0; r < count; r++) {
            int in = r * n;
            int out = r * nIn;
            Arrays.fill(next, out, out + nIn, 0.0);
            double c = 0.0;
            double s = 0.0;
            for (int u = 0; u < n; u++) {
                double m = rows[in + u];
                if (m >= 0.0 || stable[u]) {
                    next[out + choice[u]] += m;
                } else {
                    c += m * top[u];
                }
                s += Math.abs(m) * w[u];
            }
            constants[r] = Rounding.addDown(constants[r], c, Rounding.slack(kappa, tiny[i], s));
        }
    }

    private static void clip(ActivationOp activation, int[] states, double[] lo, double[] hi) {
        for (int j = 0; j < lo.length; j++) {
            int s = states[j];
            if (s != PartialPattern.FREE) {
                lo[j] = Math.max(lo[j], activation.pieceStart(s));
                hi[j] = Math.min(hi[j], activation.pieceEnd(s));
            }
        }
    }

    private static boolean crossed(double[] lo, double[] hi) {
        for (int j = 0; j < lo.length; j++) {
            if (lo[j] > hi[j]) {
                return true;
            }
        }
        return false;
    }

    private static void intersect(double[] lo, double[] hi, double[] otherLo, double[] otherHi, int n) {
        for (int j = 0; j < n; j++) {
            lo[j] = Math.max(lo[j], otherLo[j]);
            hi[j] = Math.min(hi[j], otherHi[j]);
        }
    }

    private void setAbs(int t, double[] lo, double[] hi) {
        double[] a = abs[t];
        double max = 0.0;
        for (int j = 0; j < a.length; j++) {
            a[j] = Math.max(Math.abs(lo[j]), Math.abs(hi[j]));
            max = Math.max(max, a[j]);
        }
        absMax[t] = max;
    }

    /** Relaxation lines and slack weights of activation op {@code i} from its input bounds. */
    private void relaxLayer(int i, ActivationOp activation, double[] lo, double[] hi, int[] states) {
        double[] w = weights[i];
        double[] a = abs[i];
        double[] sl = sL[i];
        double[] tl = tL[i];
        double[] su = sU[i];
        double[] tu = tU[i];
        int[] list = irregular[i];
        int count = 0;
        double kappa = Rounding.kappa(lo.length + 1L);
        for (int j = 0; j < lo.length; j++) {
            activation.relax(j, lo[j], hi[j], states[j], Double.NaN, sl, tl, su, tu);
            w[j] = slackWeight(sl[j], tl[j], su[j], tu[j], a[j]);
            if (!(sl[j] == su[j] && w[j] == 0.0)) {
                list[count++] = j;
            }
            double l = lo[j];
            double h = hi[j];
            if (Double.isFinite(l) && Double.isFinite(h)) {
                double c = l + 0.5 * (h - l);
                double radius = Math.max(Rounding.up(h - c), Rounding.up(c - l));
                center[i][j] = c;
                spread[i][j] = Rounding.up(radius + Rounding.up(kappa * a[j]));
            } else {
                center[i][j] = 0.0;
                spread[i][j] = Double.POSITIVE_INFINITY;
            }
        }
        irregularCount[i] = count;
    }

    /** {@code B_j}: 0 when both lines are exact in floating point (slopes 0 or 1, no offset). */
    private static double slackWeight(double sl, double tl, double su, double tu, double m) {
        if (tl == 0.0 && tu == 0.0 && (sl == 0.0 || sl == 1.0) && (su == 0.0 || su == 1.0)) {
            return 0.0;
        }
        return Math.max(Rounding.absAffineUp(sl, m, tl), Rounding.absAffineUp(su, m, tu));
    }

    /** Forward symbolic bounds through activation op {@code i} with its relaxation lines. */
    private void forwardActivation(int i, SymbolicBounds in, SymbolicBounds out) {
        int n = in.size;
        int d = in.inputs;
        out.reset(n);
        double[] sl = sL[i];
        double[] tl = tL[i];
        double[] su = sU[i];
        double[] tu = tU[i];
        double maxMagnitude = in.magnitudes(abs[0], magnitudes);
        double forwardTiny = Rounding.underflow(width, Math.max(maxMagnitude, absMax[0]));
        double kappa = Rounding.kappa(2);
        for (int c = 0; c <= d; c++) {
            int row = c * n;
            for (int j = 0; j < n; j++) {
                double a = sl[j];
                double b = su[j];
                double lowerForm = a >= 0 ? in.lower[row + j] : in.upper[row + j];
                double upperForm = b >= 0 ? in.upper[row + j] : in.lower[row + j];
                out.lower[row + j] = a == 0.0 ? 0.0 : a * lowerForm;
                out.upper[row + j] = b == 0.0 ? 0.0 : b * upperForm;
            }
        }
        int constRow = d * n;
        for (int j = 0; j < n; j++) {
            double a = sl[j];
            double b = su[j];
            double lowerSlack = a == 0.0 || a == 1.0 ? 0.0
                    : Rounding.slack(kappa, forwardTiny, Rounding.up(Math.abs(a) * magnitudes[j]));
            double upperSlack = b == 0.0 || b == 1.0 ? 0.0
                    : Rounding.slack(kappa, forwardTiny, Rounding.up(Math.abs(b) * magnitudes[j]));
            out.lower[constRow + j] = Rounding.addDown(out.lower[constRow + j], tl[j], lowerSlack);
            out.upper[constRow + j] = Rounding.addUp(out.upper[constRow + j], tu[j], upperSlack);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Back-substitution

    private void ensureRows(int rows) {
        int cells = rows * net.maxSize();
        if (rowsA.length < cells) {
            rowsA = new double[cells];
            rowsB = new double[cells];
        }
        if (constants.length < rows) {
            constants = new double[rows];
            results = new double[rows];
            origin = new int[rows];
            stage = new double[rows];
        }
    }

    /**
     * Lower bounds of {@code z_j} and {@code -z_j} for the first {@code count} entries {@code j} of {@link #units}
     * of tensor {@code t}, into {@code results[2q]} and {@code results[2q + 1]}; the input-level linear bounds of
     * the units back-substituted all the way into {@code record}.
     *
     * <p>Each time the rows reach the pre-activations of an earlier activation layer they are also concretised
     * over that tensor's bounds (a valid bound too, DeepPoly's intermediate concretisation); a unit whose best
     * bounds so far already put it on one piece needs no more work, and its two rows are dropped.
     */
    private void backSubstituteUnits(int t, int count, Box box, LinearBounds record, double[][] lower,
            double[][] upper) {
        int rows = 2 * count;
        int n = net.tensorSize(t);
        ensureRows(rows);
        Arrays.fill(rowsA, 0, rows * n, 0.0);
        for (int q = 0; q < count; q++) {
            rowsA[2 * q * n + units[q]] = 1.0;
            rowsA[(2 * q + 1) * n + units[q]] = -1.0;
        }
        Arrays.fill(constants, 0, rows, 0.0);
        Arrays.fill(results, 0, rows, Double.NEGATIVE_INFINITY);
        for (int r = 0; r < rows; r++) {
            origin[r] = r;
        }
        ActivationOp target = t < opCount && net.op(t) instanceof ActivationOp a ? a : null;
        double[] targetLo = lower[t];
        double[] targetHi = upper[t];
        double[] current = rowsA;
        double[] next = rowsB;
        int alive = rows;
        for (int i = t - 1; i >= 0 && alive > 0; i--) {
            Op op = net.op(i);
            boolean settle = op instanceof ActivationOp && target != null && i > 0;
            if (op instanceof LinearOp linear) {
                linear.backward(current, next, alive, constants, weights[i], tiny[i]);
            } else if (op instanceof MaxPoolOp pool) {
                poolBackward(i, pool, current, next, alive);
            } else {
                activationBackward(i, current, next, alive, settle);
            }
            double[] swap = current;
            current = next;
            next = swap;
            if (settle) {
                alive = dropSettled(current, alive, op.inputSize(), target, targetLo, targetHi);
            }
        }
        double[] lo = box.lower();
        double[] hi = box.upper();
        for (int r = 0; r < alive; r++) {
            int o = origin[r];
            results[o] = Math.max(results[o], concretize(current, r, lo, hi));
        }
        for (int r = 0; r + 1 < alive; r += 2) {
            int q = origin[r] / 2;
            record.set(units[q], current, r, constants[r], r + 1, constants[r + 1]);
        }
    }

    /**
     * Takes the {@code alive} rows' concretisations over an intermediate tensor (of {@code n} units) from
     * {@link #stage} into {@link #results}, then drops the row pairs of units the results settle on one piece of
     * {@code target}; returns the number of rows left. Pairs stay adjacent, lower row first.
     */
    private int dropSettled(double[] rows, int alive, int n, ActivationOp target, double[] targetLo,
            double[] targetHi) {
        for (int r = 0; r < alive; r++) {
            int o = origin[r];
            results[o] = Math.max(results[o], stage[r]);
        }
        int kept = 0;
        for (int r = 0; r + 1 < alive; r += 2) {
            int o = origin[r];
            int j = units[o / 2];
            double l = Math.max(targetLo[j], results[o]);
            double u = Math.min(targetHi[j], -results[o + 1]);
            if (target.pieceOf(l, u) >= 0 || l > u) {
                continue;
            }
            if (kept != r) {
                System.arraycopy(rows, r * n, rows, kept * n, 2 * n);
                constants[kept] = constants[r];
                constants[kept + 1] = constants[r + 1];
                origin[kept] = origin[r];
                origin[kept + 1] = origin[r + 1];
            }
            kept += 2;
        }
        return kept;
    }

    /**
     * Pushes {@code rows} rows of {@link #rowsA} (over tensor {@code t}) back to the input; returns the array
     * holding the input-level rows. {@code mu}, when given, receives for each activation op the coefficients on
     * its output (row 0 only), for scores and alpha gradients.
     */
    private double[] backSubstitute(int t, int rows, double[][] mu) {
        double[] current = rowsA;
        double[] next = rowsB;
        for (int i = t - 1; i >= 0; i--) {
            Op op = net.op(i);
            if (op instanceof LinearOp linear) {
                linear.backward(current, next, rows, constants, weights[i], tiny[i]);
            } else if (op instanceof MaxPoolOp pool) {
                if (mu != null) {
                    System.arraycopy(current, 0, mu[i], 0, op.outputSize());
                }
                poolBackward(i, pool, current, next, rows);
            } else {
                if (mu != null) {
                    System.arraycopy(current, 0, mu[i], 0, op.outputSize());
                }
                activationBackward(i, current, next, rows, false);
            }
            double[] swap = current;
            current = next;
            next = swap;
        }
        return current;
    }

    /**
     * Back-substitution through activation op {@code i}: each coefficient {@code mu_j} picks the lower line
     * ({@code mu_j > 0}) or the upper one. Units whose two lines coincide with slope 0 or 1 and no offset (stable
     * ReLUs) just scale exactly; only the others, listed in {@link #irregular}, need the choice, an offset and
     * slack. With {@code settle} set, also concretises each new row over the op's input bounds into
     * {@link #stage}, using the box {@code [center - spread, center + spread]} that contains them (so the sum needs
     * no branches; {@code spread} also carries the dot product's error term).
     */
    private void activationBackward(int i, double[] rows, double[] next, int count, boolean settle) {
        double[] sl = sL[i];
        double[] tl = tL[i];
        double[] su = sU[i];
        double[] tu = tU[i];
        double[] w = weights[i];
        int[] list = irregular[i];
        int listed = irregularCount[i];
        double[] c0 = center[i];
        double[] e = spread[i];
        int n = sl.length;
        double kappa = Rounding.kappa(n + 1L);
        for (int r = 0; r < count; r++) {
            int base = r * n;
            for (int j = 0; j < n; j++) {
                next[base + j] = rows[base + j] * sl[j];
            }
            double c = 0.0;
            double s = 0.0;
            for (int q = 0; q < listed; q++) {
                int j = list[q];
                double m = rows[base + j];
                if (m > 0.0) {
                    c += m * tl[j];
                    s += m * w[j];
                } else if (m < 0.0) {
                    next[base + j] = m * su[j];
                    c += m * tu[j];
                    s -= m * w[j];
                }
            }
            if (s != 0.0 || c != 0.0) {
                constants[r] = Rounding.addDown(constants[r], c, Rounding.slack(kappa, tiny[i], s));
            }
            if (settle) {
                double v0 = 0.0;
                double v1 = 0.0;
                double s0 = 0.0;
                double s1 = 0.0;
                int j = 0;
                for (; j + 1 < n; j += 2) {
                    double nu0 = next[base + j];
                    double nu1 = next[base + j + 1];
                    v0 += nu0 * c0[j];
                    v1 += nu1 * c0[j + 1];
                    s0 += Math.abs(nu0) * e[j];
                    s1 += Math.abs(nu1) * e[j + 1];
                }
                if (j < n) {
                    v0 += next[base + j] * c0[j];
                    s0 += Math.abs(next[base + j]) * e[j];
                }
                double spreadSum = Rounding.up(Rounding.sumUp(s0 + s1, n) + tiny[i]);
                stage[r] = Rounding.saneLower(Rounding.addDown(constants[r], v0 + v1, spreadSum));
            }
        }
    }

    /** A sound lower bound of {@code nu . x + constants[r]} over the box, for row {@code r} of input-level rows. */
    private double concretize(double[] rows, int r, double[] lo, double[] hi) {
        int d = lo.length;
        int base = r * d;
        double v = 0.0;
        double s = 0.0;
        double[] a = abs[0];
        for (int k = 0; k < d; k++) {
            double nu = rows[base + k];
            v += nu >= 0 ? nu * lo[k] : nu * hi[k];
            s += Math.abs(nu) * a[k];
        }
        double slack = Rounding.slack(Rounding.kappa(d + 1L), tiny[0], s);
        return Rounding.saneLower(Rounding.addDown(constants[r], v, slack));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Objectives

    /** Recomputes the per-call state (magnitudes, slack weights, relaxations) for {@code bounds}. */
    private void prepare(LayerBounds bounds) {
        if (bounds.network() != net) {
            throw new IllegalArgumentException("bounds belong to another network");
        }
        if (prepared == bounds) {
            return;
        }
        for (int t = 0; t <= opCount; t++) {
            setAbs(t, bounds.tensorLower(t), bounds.tensorUpper(t));
        }
        for (int i = 0; i < opCount; i++) {
            Op op = net.op(i);
            tiny[i] = Rounding.underflow(width, Math.max(absMax[i], absMax[0]));
            if (op instanceof LinearOp linear) {
                linear.slackWeights(abs[i], absMax[i], weights[i]);
            } else if (op instanceof MaxPoolOp pool) {
                relaxPool(i, pool, bounds.tensorLower(i), bounds.tensorUpper(i), scratchLo, scratchHi);
            } else {
                int k = net.activationIndexOfOp(i);
                relaxLayer(i, (ActivationOp) op, bounds.tensorLower(i), bounds.tensorUpper(i),
                        bounds.pattern().layerStates(k));
            }
        }
        prepared = bounds;
    }

    private double[][] newMu() {
        double[][] mu = new double[opCount][];
        for (int i = 0; i < opCount; i++) {
            if (!(net.op(i) instanceof LinearOp)) {
                mu[i] = new double[net.op(i).outputSize()];
            }
        }
        return mu;
    }

    /** One back-substitution of {@code objective} with the current relaxations. */
    private ObjectiveBound objectiveBound(LayerBounds bounds, double[] objective, double[][] mu) {
        ensureRows(1);
        System.arraycopy(objective, 0, rowsA, 0, objective.length);
        constants[0] = 0.0;
        double[] rows0 = backSubstitute(opCount, 1, mu);
        Box box = bounds.box();
        double[] lo = box.lower();
        double[] hi = box.upper();
        double lower = concretize(rows0, 0, lo, hi);
        int d = lo.length;
        double[] coefficients = Arrays.copyOf(rows0, d);
        double[] candidate = new double[d];
        double[] splitScores = new double[d];
        for (int k = 0; k < d; k++) {
            candidate[k] = coefficients[k] > 0 ? lo[k] : hi[k];
            splitScores[k] = Math.abs(coefficients[k]) * (hi[k] - lo[k]);
        }
        double[][] unitScores = new double[net.activationLayerCount()][];
        double[][] slopes = new double[unitScores.length][];
        boolean[][] sloped = new boolean[unitScores.length][];
        for (int k = 0; k < unitScores.length; k++) {
            int i = net.activationOp(k);
            double[] m = mu[i];
            double[] scores = new double[m.length];
            sloped[k] = new boolean[m.length];
            slopes[k] = sL[i];
            boolean kink = net.activation(k).convexKinkAtOrigin();
            LinearBounds forms = bounds.linearBounds(i);
            for (int j = 0; j < m.length; j++) {
                boolean unstable = sL[i][j] != sU[i][j] || tL[i][j] != tU[i][j];
                if (unstable) {
                    scores[j] = Math.abs(m[j] * (m[j] >= 0 ? tL[i][j] : tU[i][j]));
                    sloped[k][j] = kink && m[j] > 0;
                    if (forms != null && forms.present[j]) {
                        forms.shareLooseness(j, lo, hi, scores[j], splitScores);
                    }
                }
            }
            unitScores[k] = scores;
        }
        for (int k = 0; k < d; k++) {
            if (!box.canBisect(k)) {
                splitScores[k] = 0.0;
            }
        }
        return new ObjectiveBound(lower, coefficients, constants[0], candidate, splitScores, unitScores,
                LowerSlopes.of(slopes, sloped));
    }

    /**
     * alpha-CROWN on the objective's own relaxation: projected gradient ascent of the bound in the lower slopes
     * of the unstable units with {@link ActivationOp#convexKinkAtOrigin()}, the intermediate bounds held fixed.
     * The bound is, up to the slack, the relaxed network evaluated at the minimising corner; its derivative in
     * the slope {@code alpha_j} of a unit whose lower line is in use is {@code mu_j z_j}, with {@code z_j} the
     * relaxed network's pre-activation there. Every iterate is a valid relaxation, so the best bound seen is
     * sound.
     */
    private ObjectiveBound optimiseAlpha(LayerBounds bounds, double[] objective, ObjectiveBound start,
            double[][] mu) {
        ObjectiveBound current = start;
        ObjectiveBound best = start;
        double[][] z = newMu();
        double step = 0.5;
        for (int iteration = 0; iteration < options.alphaSteps(); iteration++) {
            relaxedForward(current.candidateView(), mu, z);
            boolean moved = false;
            for (int i = 0; i < opCount; i++) {
                if (net.op(i) instanceof ActivationOp activation && activation.convexKinkAtOrigin()) {
                    moved |= stepSlopes(i, activation, bounds, mu[i], z[i], step);
                }
            }
            if (!moved) {
                break;
            }
            step *= 0.8;
            current = objectiveBound(bounds, objective, mu);
            if (current.lower() > best.lower()) {
                best = current;
            }
        }
        prepared = null;
        return best;
    }

    /** Moves the lower slopes of op {@code i}'s unstable free units along {@code mu_j z_j}; false if none moved. */
    private boolean stepSlopes(int i, ActivationOp activation, LayerBounds bounds, double[] m, double[] zi,
            double step) {
        int k = net.activationIndexOfOp(i);
        int[] states = bounds.pattern().layerStates(k);
        double[] lo = bounds.tensorLower(i);
        double[] hi = bounds.tensorUpper(i);
        double a0 = activation.slopeBelow();
        double a1 = activation.slopeAbove();
        double scale = 0.0;
        for (int j = 0; j < m.length; j++) {
            if (states[j] == PartialPattern.FREE && lo[j] < 0 && hi[j] > 0 && m[j] > 0) {
                scale = Math.max(scale, Math.abs(m[j] * zi[j]));
            }
        }
        if (scale == 0.0) {
            return false;
        }
        boolean moved = false;
        for (int j = 0; j < m.length; j++) {
            if (states[j] == PartialPattern.FREE && lo[j] < 0 && hi[j] > 0 && m[j] > 0) {
                double g = m[j] * zi[j] / scale;
                double alpha = Math.min(a1, Math.max(a0, sL[i][j] + step * (a1 - a0) * g));
                if (alpha != sL[i][j]) {
                    moved = true;
                    activation.relax(j, lo[j], hi[j], PartialPattern.FREE, alpha, sL[i], tL[i], sU[i], tU[i]);
                    weights[i][j] = slackWeight(sL[i][j], tL[i][j], sU[i][j], tU[i][j], abs[i][j]);
                }
            }
        }
        return moved;
    }

    /**
     * Plain evaluation of the relaxed network at {@code x}: each activation unit replaced by the line its
     * back-substitution coefficient {@code mu} selected; records every activation's input in {@code z}.
     */
    private void relaxedForward(double[] x, double[][] mu, double[][] z) {
        double[] v = x;
        for (int i = 0; i < opCount; i++) {
            Op op = net.op(i);
            double[] out = new double[op.outputSize()];
            if (op instanceof LinearOp linear) {
                linear.apply(v, out);
            } else if (op instanceof MaxPoolOp) {
                for (int u = 0; u < out.length; u++) {
                    out[u] = mu[i][u] >= 0 || poolStable[i][u] ? v[poolChoice[i][u]] : poolTop[i][u];
                }
            } else {
                System.arraycopy(v, 0, z[i], 0, v.length);
                for (int j = 0; j < out.length; j++) {
                    out[j] = mu[i][j] >= 0 ? sL[i][j] * v[j] + tL[i][j] : sU[i][j] * v[j] + tU[i][j];
                }
            }
            v = out;
        }
    }
}
