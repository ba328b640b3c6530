package io.exactline.preconditions;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import io.exactline.core.BadInputException;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.bounds.BoundComputer;
import io.exactline.verifier.bounds.BoundNetwork;
import io.exactline.verifier.bounds.LayerBounds;
import io.exactline.verifier.bounds.ObjectiveBound;
import io.exactline.verifier.bounds.PartialPattern;
import io.exactline.verifier.encoding.LinearObjective;
import io.exactline.verifier.pattern.DecisionPattern;
import io.exactline.verifier.pattern.Implication;
import io.exactline.verifier.pattern.OutputProperty;
import io.exactline.verifier.pattern.PatternNetwork;
import io.exactline.verifier.pattern.PatternRegion;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.property.Term;

/**
 * Decides {@code forall X in D: sigma(X) => P(F(X))} by branch and bound over input boxes, with the pattern's
 * constrained neurons fixed to their pieces and the free neurons bounded by sound DeepPoly/CROWN bounds
 * ({@link BoundComputer}).
 *
 * <h2>Method</h2>
 * A sub-problem is a box {@code B} inside {@code D}; it stands for the inputs of {@code B} that satisfy
 * {@code sigma}. {@link BoundComputer#bounds(Box, PartialPattern)} with {@code sigma} as the partial pattern gives
 * bounds valid on exactly those inputs, and proves the sub-problem void when a constrained neuron cannot reach its
 * piece anywhere in {@code B}. Each atom {@code e(y) = c . y + d >= 0} of {@code P} is closed over {@code B} when the
 * sound lower bound of {@code c . F(X)} plus {@code d}, rounded down, is {@code >= 0}; an atom closed over a box stays
 * closed over its halves. An open box is searched for a counterexample (its centre and the corners minimising the
 * open atoms' linear lower bounds), and then bisected along the input with the largest summed split score of the
 * open atoms. The search is depth first, reusing a box's layer bounds for its halves.
 *
 * <h2>Answers</h2>
 * {@link Implication.Proven} ({@link Implication.Method#BRANCH_AND_BOUND}) when every box is closed or void: the
 * boxes cover {@code D}, so the implication holds for the real-valued network on its stored weights.
 * {@link Implication.Refuted} only for a point that satisfies {@code sigma} exactly
 * ({@link PatternRegion#contains}) and violates {@code P} when re-evaluated. {@link Implication.Undecided} when the
 * deadline passes or a box can no longer be bisected. Not thread-safe (it owns a {@link BoundComputer}); use one
 * per thread.
 */
public final class PatternBranchAndBound {
    /** Bisection steps of {@link #boxAround}'s scale; each face gets half as many. */
    private static final int BISECTIONS = 16;

    private final PatternNetwork network;
    private final Box domain;
    private final BoundComputer computer;

    /**
     * @throws BadInputException if the domain does not fit the network, or the network's activation layers are not
     *     its ReLU layers one to one
     */
    public PatternBranchAndBound(PatternNetwork network, Box domain) {
        if (domain.dimension() != network.network().inputSize()) {
            throw new BadInputException("input domain has dimension " + domain.dimension() + " but "
                    + network.network().source() + " takes " + network.network().inputSize() + " inputs");
        }
        BoundNetwork compiled = BoundNetwork.of(network.network());
        if (compiled.activationLayerCount() != network.layerCount()) {
            throw new BadInputException(network.network().source() + " has " + compiled.activationLayerCount()
                    + " activation layers for bounding but " + network.layerCount() + " ReLU layers for patterns");
        }
        this.network = network;
        this.domain = domain;
        this.computer = new BoundComputer(compiled);
    }

    /** The input domain {@code D}. */
    public Box domain() {
        return domain;
    }

    /**
     * Whether {@code sigma(X) => P(F(X))} for every {@code X} of the domain (see the class description).
     *
     * @throws BadInputException if the pattern belongs to another network or the property does not fit it
     */
    public Implication implies(DecisionPattern pattern, OutputProperty property, Deadline deadline) {
        if (pattern.network() != network) {
            throw new BadInputException("the pattern belongs to another network than " + network);
        }
        if (property.outputCount() != network.network().outputSize()) {
            throw new BadInputException("property " + property.description() + " is over " + property.outputCount()
                    + " outputs but " + network.network().source() + " has " + network.network().outputSize());
        }
        PartialPattern fixed = fixedUnits(pattern);
        PatternRegion region = new PatternRegion(pattern, domain);
        List<LinearObjective> atoms = property.atoms();
        double[][] objectives = atoms.stream().map(e -> coefficients(e, property.outputCount()))
                .toArray(double[][]::new);
        double margin = Double.POSITIVE_INFINITY;
        long nodes = 0;
        Deque<Node> stack = new ArrayDeque<>();
        boolean[] allOpen = new boolean[atoms.size()];
        java.util.Arrays.fill(allOpen, true);
        stack.push(new Node(domain, Optional.empty(), allOpen));
        while (!stack.isEmpty()) {
            if (deadline.expired()) {
                return new Implication.Undecided("time limit " + deadline.budget() + " passed after " + nodes
                        + " boxes, " + stack.size() + " still open");
            }
            Node node = stack.pop();
            nodes++;
            Optional<LayerBounds> bounds = node.parent().isPresent()
                    ? computer.bounds(node.box(), fixed, node.parent().get())
                    : computer.bounds(node.box(), fixed);
            if (bounds.isEmpty()) {
                continue;
            }
            boolean[] open = node.open().clone();
            boolean anyOpen = false;
            ObjectiveBound[] openBounds = new ObjectiveBound[atoms.size()];
            for (int a = 0; a < atoms.size(); a++) {
                if (!open[a]) {
                    continue;
                }
                ObjectiveBound b = computer.lowerBound(bounds.get(), objectives[a]);
                double value = Math.nextDown(b.lower() + atoms.get(a).constant());
                if (value >= 0.0) {
                    open[a] = false;
                    margin = Math.min(margin, value);
                    continue;
                }
                anyOpen = true;
                openBounds[a] = b;
            }
            if (!anyOpen) {
                continue;
            }
            Optional<Implication> refuted = refute(region, property, node.box().midpoint());
            for (int a = 0; a < atoms.size() && refuted.isEmpty(); a++) {
                if (openBounds[a] != null) {
                    refuted = refute(region, property, openBounds[a].candidate());
                }
            }
            if (refuted.isPresent()) {
                return refuted.get();
            }
            int split = splitInput(node.box(), open, openBounds);
            if (split < 0) {
                return new Implication.Undecided("a box too small to bisect in double precision is not decided: "
                        + node.box());
            }
            Box[] halves = node.box().bisect(split);
            stack.push(new Node(halves[1], bounds, open));
            stack.push(new Node(halves[0], bounds, open));
        }
        return new Implication.Proven(Implication.Method.BRANCH_AND_BOUND, margin);
    }

    /**
     * Whether every input of {@code box} satisfies {@code pattern}: sound pre-activation bounds over the box (no unit
     * fixed) put every constrained neuron in its closed piece (lower bound {@code >= 0} when on, upper bound
     * {@code <= 0} when off). A true answer is a proof; a false one may come from loose bounds.
     */
    public boolean containsBox(DecisionPattern pattern, Box box) {
        Optional<LayerBounds> bounds = computer.bounds(box, PartialPattern.free(computer.network()));
        return bounds.isPresent() && BoxPlacement.of(pattern, bounds.get()) == BoxPlacement.INSIDE;
    }

    /**
     * An under-approximation box of {@code pattern} around {@code seed}: the largest box {@code seed +- t w / 2}
     * ({@code w} the domain's widths, clipped to the domain) that {@link #containsBox} proves inside the pattern,
     * found by bisection on {@code t}, then each face pushed outward in turn as far as the proof allows. Empty when
     * not even a tiny box around the seed is proved inside.
     */
    public Optional<Box> boxAround(DecisionPattern pattern, double[] seed) {
        int n = seed.length;
        double[] lower = new double[n];
        double[] upper = new double[n];
        double low = 0.0;
        double high = 1.0;
        for (int step = 0; step < BISECTIONS; step++) {
            double t = step == 0 ? high : (low + high) / 2;
            if (containsBox(pattern, scaled(seed, t))) {
                low = t;
                if (step == 0) {
                    break;
                }
            } else {
                high = t;
            }
        }
        if (low == 0.0) {
            return Optional.empty();
        }
        Box start = scaled(seed, low);
        System.arraycopy(start.lower(), 0, lower, 0, n);
        System.arraycopy(start.upper(), 0, upper, 0, n);
        for (int j = 0; j < n; j++) {
            for (int side = 0; side < 2; side++) {
                double inner = side == 0 ? lower[j] : upper[j];
                double outer = side == 0 ? domain.lower(j) : domain.upper(j);
                for (int step = 0; step < BISECTIONS / 2; step++) {
                    double[] l = lower.clone();
                    double[] u = upper.clone();
                    double trial = step == 0 ? outer : inner + (outer - inner) / 2;
                    if (side == 0) {
                        l[j] = trial;
                    } else {
                        u[j] = trial;
                    }
                    if (containsBox(pattern, new Box(l, u))) {
                        inner = trial;
                        lower[j] = l[j];
                        upper[j] = u[j];
                        if (step == 0) {
                            break;
                        }
                    } else {
                        outer = trial;
                    }
                }
            }
        }
        return Optional.of(new Box(lower, upper));
    }

    private Box scaled(double[] seed, double t) {
        double[] l = new double[seed.length];
        double[] u = new double[seed.length];
        for (int j = 0; j < seed.length; j++) {
            double r = t * domain.width(j) / 2;
            l[j] = Math.max(domain.lower(j), seed[j] - r);
            u[j] = Math.min(domain.upper(j), seed[j] + r);
        }
        return new Box(l, u);
    }

    /** The pattern's constrained neurons as fixed units of the bounding network (ReLU state 1 on, 0 off). */
    private PartialPattern fixedUnits(DecisionPattern pattern) {
        PartialPattern p = PartialPattern.free(computer.network());
        for (int k = 0; k < network.layerCount(); k++) {
            for (int i = 0; i < network.layerSize(k); i++) {
                p = switch (pattern.state(k, i)) {
                    case ON -> p.with(k, i, 1);
                    case OFF -> p.with(k, i, 0);
                    case FREE -> p;
                };
            }
        }
        return p;
    }

    /** The bisectable input with the largest summed split score over the open atoms (widest on ties), or -1. */
    static int splitInput(Box box, boolean[] open, ObjectiveBound[] bounds) {
        double[] scores = new double[box.dimension()];
        for (int a = 0; a < open.length; a++) {
            if (open[a]) {
                double[] s = bounds[a].inputSplitScores();
                for (int i = 0; i < s.length; i++) {
                    scores[i] += s[i];
                }
            }
        }
        int split = -1;
        for (int i = 0; i < scores.length; i++) {
            if (box.canBisect(i) && (split < 0 || scores[i] > scores[split]
                    || scores[i] == scores[split] && box.width(i) > box.width(split))) {
                split = i;
            }
        }
        return split;
    }

    /** A checked counterexample at {@code x}: cheap floating-point filters first, then the exact check. */
    static Optional<Implication> refute(PatternRegion region, OutputProperty property, double[] x) {
        if (!region.pattern().satisfiedBy(x)
                || property.holdsAt(region.pattern().network().network().evaluate(x))) {
            return Optional.empty();
        }
        return Implication.Refuted.confirm(region, property, x);
    }

    /** The coefficients of an atom over the outputs ({@link OutputProperty} atoms read outputs only). */
    static double[] coefficients(LinearObjective e, int outputs) {
        double[] c = new double[outputs];
        for (Term t : e.terms()) {
            c[t.variable().index()] = t.coefficient();
        }
        return c;
    }

    /** A box still to decide, the layer bounds of the box it was cut from, and which atoms are still open on it. */
    private record Node(Box box, Optional<LayerBounds> parent, boolean[] open) {
    }
}
