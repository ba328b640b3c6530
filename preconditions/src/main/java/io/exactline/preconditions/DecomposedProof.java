package io.exactline.preconditions;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.exactline.core.BadInputException;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.Engine;
import io.exactline.verifier.bounds.BoundComputer;
import io.exactline.verifier.bounds.BoundNetwork;
import io.exactline.verifier.bounds.LayerBounds;
import io.exactline.verifier.bounds.PartialPattern;
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
 * {@link Interpolant#refutes refute} its unsafe condition are used. A box is <em>covered</em> by an interpolant when
 * the box lies inside the interpolant's domain and sound pre-activation bounds over the whole box
 * ({@link BoundComputer}, outward-rounded, no unit fixed) put every constrained neuron in the piece the pattern
 * requires ({@link BoxPlacement#INSIDE}): then every input of the box satisfies {@code phi_i} and so {@code B}. A
 * box that is not covered is bisected along its widest side (relative to its case's box), reusing its bounds for the
 * halves, as long as it is less than {@code splitDepth} bisections deep and some interpolant may still cover part of
 * it (one whose pattern the bounds do not rule out, {@link BoxPlacement#OUTSIDE}, and whose domain meets the box).
 * The boxes left over go to the direct verifier, if one is given, one property per box with the case's input
 * constraints and unsafe condition.
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
    private final PatternNetwork network;
    private final List<Interpolant> interpolants;
    private final int splitDepth;
    private final Optional<Engine> fallback;
    private final BoundComputer computer;

    /**
     * @param network the network, with its ReLU layers as the patterns see them
     * @param interpolants the proven preconditions, in the order they are tried
     * @param splitDepth how many bisections deep a box may be cut while looking for cover ({@code >= 0})
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
        List<DecomposedProofResult.CoveredBox> covered = new ArrayList<>();
        List<Leftover> leftover = new ArrayList<>();
        int bounded = 0;
        boolean expired = false;
        for (int c = 0; c < property.cases().size(); c++) {
            PropertyCase pc = property.cases().get(c);
            BitSet usable = new BitSet();
            for (int i = 0; i < interpolants.size(); i++) {
                usable.set(i, interpolants.get(i).refutes(pc.outputCondition()));
            }
            Deque<Node> stack = new ArrayDeque<>();
            stack.push(new Node(pc.box(), 0, Optional.empty(), usable));
            while (!stack.isEmpty()) {
                Node node = stack.pop();
                if (expired || deadline.expired()) {
                    expired = true;
                    leftover.add(new Leftover(c, node.box()));
                    continue;
                }
                progress.accept(new Progress(Phase.COVER, bounded, bounded + stack.size() + 1));
                Optional<LayerBounds> bounds = node.parent().isPresent()
                        ? computer.bounds(node.box(), PartialPattern.free(computer.network()), node.parent().get())
                        : computer.bounds(node.box(), PartialPattern.free(computer.network()));
                bounded++;
                if (bounds.isEmpty()) {
                    leftover.add(new Leftover(c, node.box()));
                    continue;
                }
                BitSet open = new BitSet();
                int cover = -1;
                for (int i = node.usable().nextSetBit(0); i >= 0 && cover < 0; i = node.usable().nextSetBit(i + 1)) {
                    Interpolant interpolant = interpolants.get(i);
                    if (!meets(interpolant.domain(), node.box())) {
                        continue;
                    }
                    BoxPlacement placement = BoxPlacement.of(interpolant.pattern(), bounds.get());
                    if (placement == BoxPlacement.INSIDE && interpolant.domain().contains(node.box())) {
                        cover = i;
                    } else if (placement != BoxPlacement.OUTSIDE) {
                        open.set(i);
                    }
                }
                if (cover >= 0) {
                    covered.add(new DecomposedProofResult.CoveredBox(c, node.box(), cover));
                    continue;
                }
                int split = widestSide(node.box(), pc.box());
                if (open.isEmpty() || node.depth() >= splitDepth || split < 0) {
                    leftover.add(new Leftover(c, node.box()));
                    continue;
                }
                Box[] halves = node.box().bisect(split);
                stack.push(new Node(halves[1], node.depth() + 1, bounds, open));
                stack.push(new Node(halves[0], node.depth() + 1, bounds, open));
            }
        }
        long coverEnd = System.nanoTime();
        List<DecomposedProofResult.FallbackBox> fallbackBoxes = new ArrayList<>();
        DecomposedProofResult.Outcome outcome = expired
                ? new DecomposedProofResult.Undecided("time limit " + deadline.budget() + " passed while covering")
                : new DecomposedProofResult.Proven();
        for (int b = 0; b < leftover.size(); b++) {
            Leftover left = leftover.get(b);
            if (fallback.isEmpty() || expired || outcome instanceof DecomposedProofResult.Violated) {
                fallbackBoxes.add(new DecomposedProofResult.FallbackBox(left.regionCase(), left.box(),
                        Optional.empty()));
                continue;
            }
            progress.accept(new Progress(Phase.FALLBACK, b, leftover.size()));
            PropertyCase pc = property.cases().get(left.regionCase());
            Property part = new Property(property.source() + ", leftover box " + (b + 1) + " of " + leftover.size(),
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
            outcome = new DecomposedProofResult.Undecided(leftover.size() + " boxes not covered by any interpolant "
                    + "within " + splitDepth + " bisections, and no direct verifier was given");
        }
        progress.accept(new Progress(Phase.DONE, leftover.size(), leftover.size()));
        long end = System.nanoTime();
        return new DecomposedProofResult(outcome, covered, fallbackBoxes, bounded,
                Duration.ofNanos(coverEnd - start), Duration.ofNanos(end - coverEnd));
    }

    /** Whether {@code verdict} is an unsat that proves its box: sound in floating point and checked. */
    private boolean accepted(Verdict verdict) {
        return verdict instanceof Unsat u && !u.unchecked() && fallback.orElseThrow().guarantee().soundInFloatingPoint();
    }

    private static String describe(Verdict verdict) {
        return verdict instanceof Unsat u ? u.label() + ", which does not count as a proof here" : verdict.status()
                + (verdict instanceof Unknown u ? " (" + u.reason() + ")" : "");
    }

    /** Whether two boxes share a point. */
    private static boolean meets(Box a, Box b) {
        for (int j = 0; j < a.dimension(); j++) {
            if (a.upper(j) < b.lower(j) || b.upper(j) < a.lower(j)) {
                return false;
            }
        }
        return true;
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
     * How far a decomposed proof got: in {@link Phase#COVER}, {@code done} boxes bounded of {@code total} bounded or
     * waiting; in {@link Phase#FALLBACK}, {@code done} of {@code total} leftover boxes decided.
     */
    public record Progress(Phase phase, int done, int total) {
    }

    private record Node(Box box, int depth, Optional<LayerBounds> parent, BitSet usable) {
    }

    private record Leftover(int regionCase, Box box) {
    }
}
