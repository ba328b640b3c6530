package io.exactline.preconditions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.function.Consumer;

import io.exactline.core.BadInputException;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.Engine;
import io.exactline.verifier.bounds.ActivationUnit;
import io.exactline.verifier.bounds.BoundComputer;
import io.exactline.verifier.bounds.BoundNetwork;
import io.exactline.verifier.bounds.LayerBounds;
import io.exactline.verifier.bounds.PartialPattern;
import io.exactline.verifier.pattern.DecisionPattern;
import io.exactline.verifier.pattern.NeuronState;
import io.exactline.verifier.pattern.OutputProperty;
import io.exactline.verifier.pattern.PatternNetwork;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.property.PropertyCase;
import io.exactline.verifier.verdict.Sat;
import io.exactline.verifier.verdict.Unknown;
import io.exactline.verifier.verdict.Unsat;
import io.exactline.verifier.verdict.Verdict;

/**
 * A decomposed proof of {@code A(X) => B(F(X))} through proven preconditions as interpolants: {@code A => OR_i
 * phi_i} is shown box by box, and each {@code phi_i => B} is an {@link Interpolant} (proved once, reused for every
 * region).
 *
 * <h2>Method</h2>
 * The region and the requirement come as a verifier {@link Property}: {@code A} is the union of its cases' boxes,
 * and {@code B} fails where a case's unsafe output condition holds. For each case only the interpolants that
 * {@link Interpolant#refutes refute} its unsafe condition are used. When the case's box sticks out of the domain of
 * those interpolants that overlaps it most, the slabs outside that domain are left over at once.
 *
 * <p>The rest is cut into sub-problems: a box, with some neurons fixed to a closed piece. A sub-problem is
 * <em>covered</em> by an interpolant when its box lies inside the interpolant's domain and sound pre-activation
 * bounds over the sub-problem ({@link BoundComputer}, outward-rounded) put every constrained neuron in the piece the
 * pattern requires, or the sub-problem fixes it there ({@link BoxPlacement#INSIDE}): then every input of the
 * sub-problem satisfies {@code phi_i} and so {@code B}. A sub-problem the bounds prove void needs no cover. One that
 * is not covered, with some interpolant that may still cover part of it (its pattern not ruled out,
 * {@link BoxPlacement#OUTSIDE}, and its domain meeting the box), is split, reusing its bounds for the parts, until it
 * is {@code splitDepth} splits deep. Take the open interpolant with the fewest undecided neurons: when every neuron of
 * the layers before its first undecided neuron is stable, that neuron's pre-activation is affine in the input on the
 * sub-problem, its bounds are tight, and only a split on the neuron itself decides it, so the sub-problem is split
 * into the neuron's two closed pieces (which together hold every input of it); otherwise its box is bisected along
 * its widest side (relative to its case's box).
 *
 * <p>What is not covered at the depth limit is left over. A sub-problem left over with neurons fixed is first tried
 * on the spot: its fixed neurons, as a pattern over its box, are proved to imply the interpolants' property by
 * {@link PatternBranchAndBound} (five seconds at most), which covers it when the margin refutes the unsafe condition.
 * A sub-problem none of whose parts was covered or proved void is left over whole, as one box. The boxes left over
 * go to the direct verifier, if one is given, one property per box with the case's input constraints and unsafe
 * condition (the whole box, a superset of the sub-problem: its unsat covers the sub-problem, its counterexample lies
 * in {@code A}).
 *
 * <h2>Answers</h2>
 * {@link DecomposedProofResult.Proven} when every box is covered or answered unsat by a verifier whose unsat is
 * sound under floating point ({@link io.exactline.verifier.Guarantee#soundInFloatingPoint()}) and not
 * {@link Unsat#unchecked() unchecked}; {@link DecomposedProofResult.Violated} with the verifier's checked
 * counterexample (no further boxes are asked); {@link DecomposedProofResult.Undecided} otherwise. A box is never
 * counted covered on the strength of a point: only bounds valid on the whole box count. Not thread-safe (it owns a
 * {@link BoundComputer}).
 */
public final class DecomposedProof {
    /** Time limit of the proof of one sub-problem left over with neurons fixed. */
    private static final Duration LOCAL_PROOF_LIMIT = Duration.ofSeconds(5);

    private final PatternNetwork network;
    private final List<Interpolant> interpolants;
    private final int splitDepth;
    private final Optional<Engine> fallback;
    private final BoundComputer computer;

    /**
     * @param network the network, with its ReLU layers as the patterns see them
     * @param interpolants the proven preconditions, in the order they are tried
     * @param splitDepth how many splits (box bisections and neuron splits) deep a sub-problem may be cut while
     *     looking for cover ({@code >= 0})
     * @param fallback the direct verifier for the boxes left over, or empty to report them undecided
     * @throws BadInputException if an interpolant belongs to another network, the depth is negative, or the
     *     network's activation layers are not its ReLU layers one to one
     */
    public DecomposedProof(PatternNetwork network, List<Interpolant> interpolants, int splitDepth,
            Optional<Engine> fallback) {
        if (splitDepth < 0) {
            throw new BadInputException("the split depth must be >= 0, got " + splitDepth);
        }
        for (Interpolant i : interpolants) {
            if (i.pattern().network() != network) {
                throw new BadInputException("interpolant " + i.origin() + " belongs to another network than "
                        + network.network().source());
            }
        }
        BoundNetwork compiled = BoundNetwork.of(network.network());
        if (compiled.activationLayerCount() != network.layerCount()) {
            throw new BadInputException(network.network().source() + " has " + compiled.activationLayerCount()
                    + " activation layers for bounding but " + network.layerCount() + " ReLU layers for patterns");
        }
        this.network = network;
        this.interpolants = List.copyOf(interpolants);
        this.splitDepth = splitDepth;
        this.fallback = fallback;
        this.computer = new BoundComputer(compiled);
    }

    /** The interpolants, in the order they are tried (their positions name them in the result). */
    public List<Interpolant> interpolants() {
        return interpolants;
    }

    /**
     * Proves that no input of {@code property}'s region reaches its unsafe set (see the class description).
     *
     * @param progress told when each phase starts and how far it got
     * @throws BadInputException if the property does not fit the network
     */
    public DecomposedProofResult prove(Property property, Deadline deadline, Consumer<Progress> progress) {
        property.requireCompatible(network.network());
        long start = System.nanoTime();
        Covering run = new Covering(deadline, progress);
        for (int c = 0; c < property.cases().size(); c++) {
            PropertyCase pc = property.cases().get(c);
            BitSet usable = new BitSet();
            for (int i = 0; i < interpolants.size(); i++) {
                usable.set(i, interpolants.get(i).refutes(pc.outputCondition()));
            }
            Box root = pc.box();
            Optional<Box> domain = largestOverlap(root, usable);
            if (domain.isPresent() && !domain.get().contains(root)) {
                root = root.intersection(domain.get()).orElseThrow();
                for (Box sliver : outside(pc.box(), domain.get())) {
                    run.leftover.add(new Leftover(c, sliver));
                }
            }
            run.cover(c, pc, new Node(root, PartialPattern.free(computer.network()), 0, Optional.empty(),
                    usable));
        }
        List<DecomposedProofResult.CoveredBox> covered = run.covered;
        Set<Leftover> leftover = new LinkedHashSet<>(run.leftover);
        int bounded = run.bounded;
        int voids = run.voids;
        int local = run.provedOnTheSpot;
        boolean expired = run.expired;
        long coverEnd = System.nanoTime();
        List<DecomposedProofResult.FallbackBox> fallbackBoxes = new ArrayList<>();
        DecomposedProofResult.Outcome outcome = expired
                ? new DecomposedProofResult.Undecided("time limit " + deadline.budget() + " passed while covering")
                : new DecomposedProofResult.Proven();
        List<Leftover> boxes = List.copyOf(leftover);
        for (int b = 0; b < boxes.size(); b++) {
            Leftover left = boxes.get(b);
            if (fallback.isEmpty() || expired || outcome instanceof DecomposedProofResult.Violated) {
                fallbackBoxes.add(new DecomposedProofResult.FallbackBox(left.regionCase(), left.box(),
                        Optional.empty()));
                continue;
            }
            progress.accept(new Progress(Phase.FALLBACK, b, boxes.size()));
            PropertyCase pc = property.cases().get(left.regionCase());
            Property part = new Property(property.source() + ", leftover box " + (b + 1) + " of " + boxes.size(),
                    property.inputCount(), property.outputCount(),
                    List.of(new PropertyCase(left.box(), pc.inputConstraints(), pc.outputCondition())));
            Verdict verdict = fallback.get().verify(network.network(), part, deadline);
            fallbackBoxes.add(new DecomposedProofResult.FallbackBox(left.regionCase(), left.box(),
                    Optional.of(verdict)));
            if (verdict instanceof Sat sat) {
                outcome = new DecomposedProofResult.Violated(sat.counterexample());
            } else if (!accepted(verdict) && outcome instanceof DecomposedProofResult.Proven) {
                outcome = new DecomposedProofResult.Undecided("leftover box " + (b + 1) + " " + left.box()
                        + ": the direct verifier answered " + describe(verdict));
            }
        }
        if (!leftover.isEmpty() && fallback.isEmpty()) {
            outcome = new DecomposedProofResult.Undecided(boxes.size() + " boxes not covered by any interpolant "
                    + "within " + splitDepth + " splits, and no direct verifier was given");
        }
        progress.accept(new Progress(Phase.DONE, boxes.size(), boxes.size()));
        long end = System.nanoTime();
        return new DecomposedProofResult(outcome, covered, fallbackBoxes, bounded, voids, local,
                Duration.ofNanos(coverEnd - start), Duration.ofNanos(end - coverEnd));
    }

    /** Whether {@code verdict} is an unsat that proves its box: sound in floating point and checked. */
    private boolean accepted(Verdict verdict) {
        return verdict instanceof Unsat u && !u.unchecked()
                && fallback.orElseThrow().guarantee().soundInFloatingPoint();
    }

    private static String describe(Verdict verdict) {
        return verdict instanceof Unsat u ? u.label() + ", which does not count as a proof here" : verdict.status()
                + (verdict instanceof Unknown u ? " (" + u.reason() + ")" : "");
    }

    /**
     * Whether every unit of the activation layers before {@code layer} is stable or fixed on the sub-problem: then
     * the pre-activations of {@code layer} are affine in the input there, their bounds are tight, and only a split on
     * the unit itself (not of the box) can decide it.
     */
    private static boolean settledBefore(LayerBounds bounds, int layer) {
        for (int k = 0; k < layer; k++) {
            if (bounds.unstableCount(k) > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Of the domains of the interpolants in {@code usable} that meet {@code box}, the one sharing the most of it (by
     * the product of the overlap's side lengths relative to the box's), if any.
     */
    private Optional<Box> largestOverlap(Box box, BitSet usable) {
        Optional<Box> best = Optional.empty();
        double bestShare = -1.0;
        for (int i = usable.nextSetBit(0); i >= 0; i = usable.nextSetBit(i + 1)) {
            Box domain = interpolants.get(i).domain();
            Optional<Box> common = box.intersection(domain);
            if (common.isEmpty()) {
                continue;
            }
            double share = 1.0;
            for (int j = 0; j < box.dimension(); j++) {
                share *= box.width(j) > 0.0 ? common.get().width(j) / box.width(j) : 1.0;
            }
            if (share > bestShare) {
                best = Optional.of(domain);
                bestShare = share;
            }
        }
        return best;
    }

    /**
     * Boxes that together with {@code box} intersected with {@code domain} cover {@code box}: for each side in turn,
     * the slab of what is left of the box below the domain's lower end and the slab above its upper end (each shares
     * its face with the rest, so no point is lost).
     */
    private static List<Box> outside(Box box, Box domain) {
        List<Box> slabs = new ArrayList<>();
        double[] lower = box.lower();
        double[] upper = box.upper();
        for (int j = 0; j < lower.length; j++) {
            if (lower[j] < domain.lower(j)) {
                double[] u = upper.clone();
                u[j] = domain.lower(j);
                slabs.add(new Box(lower, u));
                lower[j] = domain.lower(j);
            }
            if (upper[j] > domain.upper(j)) {
                double[] l = lower.clone();
                l[j] = domain.upper(j);
                slabs.add(new Box(l, upper));
                upper[j] = domain.upper(j);
            }
        }
        return slabs;
    }

    /** The side of {@code box} widest relative to the same side of {@code whole} that can be bisected, or -1. */
    private static int widestSide(Box box, Box whole) {
        int best = -1;
        double widest = 0.0;
        for (int j = 0; j < box.dimension(); j++) {
            if (whole.width(j) > 0.0 && box.canBisect(j)) {
                double relative = box.width(j) / whole.width(j);
                if (best < 0 || relative > widest) {
                    best = j;
                    widest = relative;
                }
            }
        }
        return best;
    }

    /** The state of the covering phase of one proof. */
    private final class Covering {
        private final Deadline deadline;
        private final Consumer<Progress> progress;
        private final List<DecomposedProofResult.CoveredBox> covered = new ArrayList<>();
        private final List<Leftover> leftover = new ArrayList<>();
        private int bounded;
        private int voids;
        private int provedOnTheSpot;
        private boolean expired;

        Covering(Deadline deadline, Consumer<Progress> progress) {
            this.deadline = deadline;
            this.progress = progress;
        }

        /**
         * Covers the sub-problem {@code node} of case {@code c} ({@code pc}) as far as it can, adding
         * what it covers and what it leaves over; returns whether nothing of it was covered or proved void, so that
         * the caller may leave its parent over as one box instead of the parts.
         */
        boolean cover(int c, PropertyCase pc, Node node) {
            if (expired || deadline.expired()) {
                expired = true;
                leftover.add(new Leftover(c, node.box()));
                return true;
            }
            progress.accept(new Progress(Phase.COVER, bounded, bounded + 1));
            Optional<LayerBounds> bounds = node.parent().isPresent()
                    ? computer.bounds(node.box(), node.fixed(), node.parent().get())
                    : computer.bounds(node.box(), node.fixed());
            bounded++;
            if (bounds.isEmpty()) {
                if (node.fixed().fixedCount() > 0) {
                    voids++;
                    return false;
                }
                leftover.add(new Leftover(c, node.box()));
                return true;
            }
            BitSet open = new BitSet();
            List<ActivationUnit> closest = List.of();
            for (int i = node.usable().nextSetBit(0); i >= 0; i = node.usable().nextSetBit(i + 1)) {
                Interpolant interpolant = interpolants.get(i);
                if (!interpolant.domain().meets(node.box())) {
                    continue;
                }
                BoxPlacement placement = BoxPlacement.of(interpolant.pattern(), bounds.get());
                if (placement == BoxPlacement.INSIDE && interpolant.domain().contains(node.box())) {
                    covered.add(new DecomposedProofResult.CoveredBox(c, node.box(), node.fixed().fixedCount(), i));
                    return false;
                }
                if (placement != BoxPlacement.OUTSIDE) {
                    open.set(i);
                    List<ActivationUnit> undecided = BoxPlacement.undecided(interpolant.pattern(), bounds.get());
                    if (closest.isEmpty() || !undecided.isEmpty() && undecided.size() < closest.size()) {
                        closest = undecided;
                    }
                }
            }
            int split = widestSide(node.box(), pc.box());
            boolean neuronSplit = !closest.isEmpty() && settledBefore(bounds.get(), closest.get(0).layer());
            if (open.isEmpty() || node.depth() >= splitDepth || !neuronSplit && split < 0) {
                if (node.fixed().fixedCount() > 0 && provedOnTheSpot(node, pc)) {
                    return false;
                }
                leftover.add(new Leftover(c, node.box()));
                return true;
            }
            Node[] parts;
            if (neuronSplit) {
                ActivationUnit u = closest.get(0);
                parts = new Node[] {
                    new Node(node.box(), node.fixed().with(u.layer(), u.unit(), 1), node.depth() + 1, bounds, open),
                    new Node(node.box(), node.fixed().with(u.layer(), u.unit(), 0), node.depth() + 1, bounds, open)};
            } else {
                Box[] halves = node.box().bisect(split);
                parts = new Node[] {
                    new Node(halves[0], node.fixed(), node.depth() + 1, bounds, open),
                    new Node(halves[1], node.fixed(), node.depth() + 1, bounds, open)};
            }
            int mark = leftover.size();
            boolean untouched = cover(c, pc, parts[0]);
            untouched &= cover(c, pc, parts[1]);
            if (untouched && !expired) {
                leftover.subList(mark, leftover.size()).clear();
                leftover.add(new Leftover(c, node.box()));
            }
            return untouched;
        }

        /**
         * Whether the sub-problem's own fixed neurons, as a pattern over its box, are proved by
         * {@link PatternBranchAndBound} (within {@link #LOCAL_PROOF_LIMIT}) to imply the property of an interpolant
         * it may use, with a margin that {@link Interpolant#refutes refutes} the case's unsafe condition.
         */
        private boolean provedOnTheSpot(Node node, PropertyCase pc) {
            int any = node.usable().nextSetBit(0);
            if (any < 0) {
                return false;
            }
            OutputProperty property = interpolants.get(any).property();
            DecisionPattern sigma = network.unconstrained();
            for (int k = 0; k < network.layerCount(); k++) {
                for (int i = 0; i < network.layerSize(k); i++) {
                    if (node.fixed().isFixed(k, i)) {
                        sigma = sigma.with(k, i, node.fixed().state(k, i) == 1 ? NeuronState.ON : NeuronState.OFF);
                    }
                }
            }
            Duration limit = deadline.remaining().compareTo(LOCAL_PROOF_LIMIT) < 0 ? deadline.remaining()
                    : LOCAL_PROOF_LIMIT;
            boolean proved = Interpolant.prove(new PatternBranchAndBound(network, node.box()), sigma, property,
                    Deadline.after(limit), "sub-problem").filter(i -> i.refutes(pc.outputCondition())).isPresent();
            provedOnTheSpot += proved ? 1 : 0;
            return proved;
        }
    }

    /** The two phases of a decomposed proof, and its end. */
    public enum Phase {
        /** Bounding and splitting boxes to cover them by interpolants. */
        COVER,
        /** Handing the boxes left over to the direct verifier. */
        FALLBACK,
        /** Finished. */
        DONE
    }

    /**
     * How far a decomposed proof got: in {@link Phase#COVER}, {@code done} sub-problems bounded so far ({@code total}
     * is one more: how many remain is not known); in {@link Phase#FALLBACK}, {@code done} of {@code total} leftover
     * boxes decided.
     */
    public record Progress(Phase phase, int done, int total) {
    }

    private record Node(Box box, PartialPattern fixed, int depth, Optional<LayerBounds> parent, BitSet usable) {
    }

    private record Leftover(int regionCase, Box box) {
    }
}
