package io.exactline.preconditions;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import io.exactline.core.BadInputException;
import io.exactline.core.layer.Layer;
import io.exactline.core.network.Network;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.bounds.BoundComputer;
import io.exactline.verifier.bounds.BoundNetwork;
import io.exactline.verifier.bounds.LayerBounds;
import io.exactline.verifier.bounds.ObjectiveBound;
import io.exactline.verifier.bounds.PartialPattern;
import io.exactline.verifier.lp.GlopLpSolver;
import io.exactline.verifier.lp.LinearConstraint;
import io.exactline.verifier.lp.LinearProgram;
import io.exactline.verifier.lp.LpResult;
import io.exactline.verifier.lp.LpSolver;
import io.exactline.verifier.lp.SafeBounds;
import io.exactline.verifier.lp.Sense;
import io.exactline.verifier.pattern.DecisionPattern;
import io.exactline.verifier.pattern.Implication;
import io.exactline.verifier.pattern.NeuronState;
import io.exactline.verifier.pattern.OutputProperty;
import io.exactline.verifier.pattern.PatternNetwork;
import io.exactline.verifier.pattern.PatternRegion;
import io.exactline.verifier.property.Box;

/**
 * Decides a layer precondition {@code forall X in D: phi(X) => P(F(X))}, where {@code phi} constrains neurons of one
 * ReLU layer {@code L} only, by branch and bound over input boxes whose inputs are <em>cut</em> by the pattern.
 *
 * <h2>Why cuts</h2>
 * {@link PatternBranchAndBound} fixes the constrained neurons to their pieces when bounding the network over a box
 * {@code B}, but it still bounds {@code P}'s atoms over all of {@code B}: the constraint {@code z_i >= 0} of an on
 * neuron (or {@code z_i <= 0} of an off one) only clips that neuron's own bounds. A tree learns patterns whose
 * boundary runs close to {@code P}'s decision boundary, so along it the boxes must shrink until the two are told
 * apart. Here the constraints also cut the box: for each constrained neuron {@code i} of layer {@code L}, sound
 * back-substitution through the prefix network (the layers before ReLU layer {@code L}, so no pattern is involved)
 * gives over {@code B}
 * <pre>  z_i(x) >= a_i . x + b_i  (used for off: 0 >= z_i, so a_i . x <= -b_i)
 *  -z_i(x) >= a_i . x + b_i  (used for on:  0 >= -z_i, so a_i . x <= -b_i)</pre>
 * in exact real arithmetic, so every input of {@code B} satisfying {@code phi} lies in the polytope
 * {@code C(B) = {x in B : a_i . x <= -b_i for all constrained i}}. For {@code L = 0} the rows are the neurons' own
 * hyperplanes (up to rounding charged to {@code b_i}), so {@code C(B)} is exactly {@code phi}'s region in {@code B}.
 *
 * <h2>A box</h2>
 * The network is bounded over {@code B} with {@code phi}'s neurons fixed ({@link BoundComputer}, void when a fixed
 * neuron cannot reach its piece in {@code B}). An atom {@code e(y) = c . y + d >= 0} is closed when its sound lower
 * bound is {@code >= 0}; if not, its linear lower bound {@code c . F(x) >= g . x + h} (valid on {@code B} and
 * {@code phi}) is minimised over {@code C(B)} by an LP (GLOP) whose optimum is bounded rigorously from its duals
 * ({@link SafeBounds}, Neumaier-Shcherbina): a bound {@code >= -d} closes the atom. An LP that is infeasible with a
 * checked Farkas certificate proves {@code C(B)} empty, so the box is void. A box with an atom still open is searched
 * for a counterexample (its centre, the bounds' minimising corners and the LP's minimiser), then bisected along the
 * input with the largest summed split score of the open atoms.
 *
 * <h2>Answers</h2>
 * {@link Implication.Proven} ({@link Implication.Method#BRANCH_AND_BOUND}) when every box of a cover of {@code D} is
 * closed or void: then {@code phi => P} holds for the real-valued network on its stored weights, since each cut only
 * drops inputs that violate {@code phi}. {@link Implication.Refuted} only for a point that satisfies {@code phi}
 * exactly and violates {@code P} when re-evaluated. {@link Implication.Undecided} when the deadline passes or a box
 * can no longer be bisected. Not thread-safe (it owns bound computers); use one per thread.
 */
public final class LayerPatternProver {
    private final PatternNetwork network;
    private final Box domain;
    private final int layer;
    private final BoundComputer full;
    private final BoundComputer prefix;
    private final LpSolver solver;

    /**
     * @param layer the ReLU layer {@code L} whose neurons the patterns constrain (0 = first hidden layer)
     * @throws BadInputException if the domain does not fit the network, {@code L} is not one of its ReLU layers, or
     *     its activation layers are not its ReLU layers one to one
     */
    public LayerPatternProver(PatternNetwork network, Box domain, int layer) {
        if (domain.dimension() != network.network().inputSize()) {
            throw new BadInputException("input domain has dimension " + domain.dimension() + " but "
                    + network.network().source() + " takes " + network.network().inputSize() + " inputs");
        }
        if (layer < 0 || layer >= network.layerCount()) {
            throw new BadInputException("layer " + layer + " is not a hidden ReLU layer of " + network.network()
                    .source() + ", which has layers 0 to " + (network.layerCount() - 1));
        }
        BoundNetwork compiled = BoundNetwork.of(network.network());
        if (compiled.activationLayerCount() != network.layerCount()) {
            throw new BadInputException(network.network().source() + " has " + compiled.activationLayerCount()
                    + " activation layers for bounding but " + network.layerCount() + " ReLU layers for patterns");
        }
        int cut = network.encoding().activations().get(layer).networkLayer();
        List<Layer> layers = network.network().layers();
        this.network = network;
        this.domain = domain;
        this.layer = layer;
        this.full = new BoundComputer(compiled);
        this.prefix = new BoundComputer(BoundNetwork.of(new Network(layers.subList(0, cut),
                network.network().source() + " up to ReLU layer " + layer)));
        this.solver = new GlopLpSolver();
    }

    /** The input domain {@code D}. */
    public Box domain() {
        return domain;
    }

    /**
     * Whether {@code phi(X) => P(F(X))} for every {@code X} of the domain (see the class description).
     *
     * @throws BadInputException if the pattern belongs to another network, constrains neurons outside layer
     *     {@code L}, or the property does not fit the network
     */
    public Implication implies(DecisionPattern phi, OutputProperty property, Deadline deadline) {
        if (phi.network() != network) {
            throw new BadInputException("the pattern belongs to another network than " + network);
        }
        if (phi.constrainedCount() != phi.constrainedCount(layer)) {
            throw new BadInputException("pattern " + phi.encode() + " constrains neurons outside layer " + layer);
        }
        if (property.outputCount() != network.network().outputSize()) {
            throw new BadInputException("property " + property.description() + " is over " + property.outputCount()
                    + " outputs but " + network.network().source() + " has " + network.network().outputSize());
        }
        PartialPattern fixed = phi.toPartialPattern();
        PartialPattern none = PartialPattern.free(prefix.network());
        double[][] cutObjectives = cutObjectives(phi);
        PatternRegion region = new PatternRegion(phi, domain);
        int atoms = property.atoms().size();
        double[][] objectives = property.atoms().stream()
                .map(e -> PatternBranchAndBound.coefficients(e, property.outputCount())).toArray(double[][]::new);
        double margin = Double.POSITIVE_INFINITY;
        long nodes = 0;
        Deque<Node> stack = new ArrayDeque<>();
        boolean[] allOpen = new boolean[atoms];
        Arrays.fill(allOpen, true);
        stack.push(new Node(domain, Optional.empty(), Optional.empty(), allOpen));
        while (!stack.isEmpty()) {
            if (deadline.expired()) {
                return new Implication.Undecided("time limit " + deadline.budget() + " passed after " + nodes
                        + " boxes, " + stack.size() + " still open");
            }
            Node node = stack.pop();
            nodes++;
            Box box = node.box();
            Optional<LayerBounds> bounds = node.parent().isPresent()
                    ? full.bounds(box, fixed, node.parent().get()) : full.bounds(box, fixed);
            if (bounds.isEmpty()) {
                continue;
            }
            boolean[] open = node.open().clone();
            ObjectiveBound[] openBounds = new ObjectiveBound[atoms];
            for (int a = 0; a < atoms; a++) {
                if (!open[a]) {
                    continue;
                }
                ObjectiveBound b = full.lowerBound(bounds.get(), objectives[a]);
                double value = Math.nextDown(b.lower() + property.atoms().get(a).constant());
                if (value >= 0.0) {
                    open[a] = false;
                    margin = Math.min(margin, value);
                } else {
                    openBounds[a] = b;
                }
            }
            if (allClosed(open)) {
                continue;
            }
            Optional<LayerBounds> prefixBounds = node.prefixParent().isPresent()
                    ? prefix.bounds(box, none, node.prefixParent().get()) : prefix.bounds(box, none);
            if (prefixBounds.isEmpty()) {
                continue;
            }
            List<LinearConstraint> cuts = cuts(prefixBounds.get(), cutObjectives);
            List<double[]> tries = new ArrayList<>();
            tries.add(box.midpoint());
            boolean isVoid = false;
            for (int a = 0; a < atoms && !isVoid; a++) {
                if (!open[a]) {
                    continue;
                }
                tries.add(openBounds[a].candidate());
                LinearProgram.Builder builder = LinearProgram.builder(box.dimension())
                        .bounds(box.lower(), box.upper())
                        .objective(openBounds[a].inputCoefficients(), openBounds[a].constant(), Sense.MINIMIZE);
                cuts.forEach(builder::add);
                LinearProgram lp = builder.build();
                LpResult r = solver.solve(lp, deadline);
                if (r instanceof LpResult.Optimal o) {
                    tries.add(box.clamp(o.x()));
                    double value = Math.nextDown(SafeBounds.objectiveBound(lp, o.duals())
                            + property.atoms().get(a).constant());
                    if (value >= 0.0) {
                        open[a] = false;
                        margin = Math.min(margin, value);
                    }
                } else if (r instanceof LpResult.Infeasible inf && inf.certificate().isPresent()
                        && inf.certificate().get().provesInfeasible(lp)) {
                    isVoid = true;
                }
            }
            if (isVoid || allClosed(open)) {
                continue;
            }
            for (double[] x : tries) {
                Optional<Implication> refuted = PatternBranchAndBound.refute(region, property, x);
                if (refuted.isPresent()) {
                    return refuted.get();
                }
            }
            int split = PatternBranchAndBound.splitInput(box, open, openBounds);
            if (split < 0) {
                return new Implication.Undecided("a box too small to bisect in double precision is not decided: "
                        + box);
            }
            Box[] halves = box.bisect(split);
            stack.push(new Node(halves[1], bounds, prefixBounds, open));
            stack.push(new Node(halves[0], bounds, prefixBounds, open));
        }
        return new Implication.Proven(Implication.Method.BRANCH_AND_BOUND, margin);
    }

    /**
     * The objective over the prefix's outputs whose lower bound gives each constrained neuron's cut: {@code -e_i}
     * for an on neuron, {@code e_i} for an off one.
     */
    private double[][] cutObjectives(DecisionPattern phi) {
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < network.layerSize(layer); i++) {
            NeuronState s = phi.state(layer, i);
            if (s != NeuronState.FREE) {
                double[] e = new double[network.layerSize(layer)];
                e[i] = s == NeuronState.ON ? -1.0 : 1.0;
                rows.add(e);
            }
        }
        return rows.toArray(double[][]::new);
    }

    /** The rows {@code a_i . x <= -b_i} of the class description, one per constrained neuron. */
    private List<LinearConstraint> cuts(LayerBounds prefixBounds, double[][] cutObjectives) {
        List<LinearConstraint> rows = new ArrayList<>(cutObjectives.length);
        for (double[] e : cutObjectives) {
            ObjectiveBound b = prefix.lowerBound(prefixBounds, e);
            rows.add(LinearConstraint.lessOrEqual(b.inputCoefficients(), -b.constant()));
        }
        return rows;
    }

    private static boolean allClosed(boolean[] open) {
        for (boolean o : open) {
            if (o) {
                return false;
            }
        }
        return true;
    }

    /**
     * A box still to decide, the full network's and the prefix's bounds of the box it was cut from, and which
     * atoms are still open on it.
     */
    private record Node(Box box, Optional<LayerBounds> parent, Optional<LayerBounds> prefixParent, boolean[] open) {
    }
}
