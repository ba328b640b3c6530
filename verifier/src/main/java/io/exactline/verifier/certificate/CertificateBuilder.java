package io.exactline.verifier.certificate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import io.exactline.core.network.Network;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.DeadlineExceededException;
import io.exactline.verifier.bab.ClosedLeaf;
import io.exactline.verifier.bounds.LowerSlopes;
import io.exactline.verifier.lp.GlopLpSolver;
import io.exactline.verifier.lp.LinearConstraint;
import io.exactline.verifier.lp.LinearProgram;
import io.exactline.verifier.lp.LpResult;
import io.exactline.verifier.cache.PropertyDigest;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.property.PropertyCase;
import io.exactline.verifier.verdict.NetworkDigest;

/**
 * Turns the closed leaves of a branch-and-bound run that answered unsat ({@link
 * io.exactline.verifier.bab.BabEngine#search}) into a {@link SplitTreeCertificate} that {@link CertificateChecker}
 * accepts.
 *
 * <p>First the split tree is rebuilt from the leaves: a node whose leaves all lie on one side or the other of the
 * midpoint of some input is an input split there (the engine bisects at midpoints); one whose leaves all fix a unit
 * the node leaves free is a split on that unit. Then every leaf is proved with the checker's own bounds
 * ({@link LeafBounds}): void when they show it empty, else per unsafe conjunction the inequality the engine named
 * (or, if the checker's bounds cannot show that one positive, the first of the others and their sum that they do)
 * with the checker's lower bound as the claim, adding the engine's lower relaxation slopes where the checker's own
 * slopes fall short. A leaf the engine found void but the checker's bounds do not gets, if GLOP finds its
 * {@link LeafProgram} infeasible, the Farkas multipliers of GLOP's certificate, kept when the checker's own test
 * accepts them. The engine's bounds can be tighter than the
 * checker's (they optimise relaxations); a leaf the checker cannot prove is bisected further along its
 * relatively widest input, up to {@value #MAX_REFINEMENT} levels and {@value #REFINEMENT_BUDGET} leaf bounds per
 * branch-and-bound leaf in all.
 */
public final class CertificateBuilder {
    /** Most extra bisection levels below a branch-and-bound leaf. */
    public static final int MAX_REFINEMENT = 18;
    /** Leaf bounds computed at most per branch-and-bound leaf, over all refinements, before building fails. */
    public static final int REFINEMENT_BUDGET = 64;

    /** The outcome of {@link #build}. */
    public sealed interface Outcome {
        /**
         * @param certificate the certificate
         * @param engineLeaves the branch-and-bound leaves it was built from
         * @param refinedLeaves how many of them the checker's bounds could not prove directly and were bisected
         */
        record Built(SplitTreeCertificate certificate, long engineLeaves, long refinedLeaves) implements Outcome {
        }

        /** @param reason why no certificate could be built */
        record Failed(String reason) implements Outcome {
        }
    }

    private final ExactNetwork network;
    private final Property property;
    private final Deadline deadline;
    private final AtomicLong budget = new AtomicLong();

    private CertificateBuilder(ExactNetwork network, Property property, Deadline deadline) {
        this.network = network;
        this.property = property;
        this.deadline = deadline;
    }

    /** {@link #build(Network, Property, List, Deadline)} without a time limit. */
    public static Outcome build(Network network, Property property, List<ClosedLeaf> leaves) {
        return build(network, property, leaves, Deadline.unlimited());
    }

    /**
     * Builds the certificate of an unsat answer from its closed leaves (in any order); fails when the deadline
     * passes first.
     *
     * @throws io.exactline.core.BadInputException if the network has layers the checker does not support
     */
    public static Outcome build(Network network, Property property, List<ClosedLeaf> leaves, Deadline deadline) {
        CertificateBuilder builder = new CertificateBuilder(ExactNetwork.of(network), property, deadline);
        List<Pending> pending = new ArrayList<>();
        List<Skeleton> roots = new ArrayList<>();
        for (int k = 0; k < property.cases().size(); k++) {
            int caseIndex = k;
            List<ClosedLeaf> mine = leaves.stream().filter(l -> l.caseIndex() == caseIndex).toList();
            PropertyCase c = property.cases().get(k);
            Optional<Skeleton> root = builder.rebuild(k, c.box().lower(), c.box().upper(), builder.freeStates(), mine,
                    pending);
            if (root.isEmpty()) {
                return new Outcome.Failed("the closed leaves of case " + (k + 1) + " do not form a split tree of"
                        + " midpoint bisections and unit splits");
            }
            roots.add(root.get());
        }
        builder.budget.set((long) REFINEMENT_BUDGET * pending.size());
        List<Optional<ProofNode>> proofs;
        try {
            proofs = pending.parallelStream().map(builder::prove).toList();
        } catch (DeadlineExceededException e) {
            return new Outcome.Failed("the time limit of " + e.budget().toSeconds() + " s passed while the leaves"
                    + " were re-proved with the checker's bounds");
        }
        for (int i = 0; i < proofs.size(); i++) {
            if (proofs.get(i).isEmpty()) {
                Pending p = pending.get(i);
                return new Outcome.Failed("the checker's bounds cannot prove the leaf with box "
                        + CertificateChecker.box(p.lower(), p.upper()) + " of case " + (p.caseIndex() + 1) + " within"
                        + " " + MAX_REFINEMENT + " more bisections and " + REFINEMENT_BUDGET + " bounds per leaf");
            }
        }
        List<ProofNode> cases = roots.stream().map(r -> r.toProof(proofs)).toList();
        long refined = IntStream.range(0, proofs.size())
                .filter(i -> proofs.get(i).orElseThrow() instanceof ProofNode.InputSplit).count();
        return new Outcome.Built(new SplitTreeCertificate(NetworkDigest.of(network), PropertyDigest.of(property), cases),
                pending.size(), refined);
    }

    /** A branch-and-bound leaf waiting for its proof. */
    private record Pending(int caseIndex, double[] lower, double[] upper, int[][] states, List<ClosedLeaf.Witness> hints) {
    }

    /** The rebuilt split tree, with leaves referring to their pending proofs. */
    private sealed interface Skeleton {
        ProofNode toProof(List<Optional<ProofNode>> proofs);
    }

    private record InputSkeleton(int input, double at, Skeleton below, Skeleton above) implements Skeleton {
        @Override
        public ProofNode toProof(List<Optional<ProofNode>> proofs) {
            return new ProofNode.InputSplit(input, at, below.toProof(proofs), above.toProof(proofs));
        }
    }

    private record UnitSkeleton(int layer, int unit, Skeleton inactive, Skeleton active) implements Skeleton {
        @Override
        public ProofNode toProof(List<Optional<ProofNode>> proofs) {
            return new ProofNode.UnitSplit(layer, unit, inactive.toProof(proofs), active.toProof(proofs));
        }
    }

    private record LeafSkeleton(int pending) implements Skeleton {
        @Override
        public ProofNode toProof(List<Optional<ProofNode>> proofs) {
            return proofs.get(pending).orElseThrow();
        }
    }

    private int[][] freeStates() {
        int[][] states = new int[network.reluLayerCount()][];
        for (int k = 0; k < states.length; k++) {
            states[k] = new int[network.reluSize(k)];
            Arrays.fill(states[k], -1);
        }
        return states;
    }

    private Optional<Skeleton> rebuild(int caseIndex, double[] lower, double[] upper, int[][] states,
            List<ClosedLeaf> leaves, List<Pending> pending) {
        if (leaves.isEmpty()) {
            return Optional.empty();
        }
        if (leaves.size() == 1 && matches(leaves.get(0), lower, upper, states)) {
            pending.add(new Pending(caseIndex, lower, upper, states, leaves.get(0).witnesses()));
            return Optional.of(new LeafSkeleton(pending.size() - 1));
        }
        for (int d = 0; d < lower.length; d++) {
            double m = Math.min(upper[d], Math.max(lower[d], lower[d] + 0.5 * (upper[d] - lower[d])));
            if (!(lower[d] < m && m < upper[d])) {
                continue;
            }
            List<ClosedLeaf> below = new ArrayList<>();
            List<ClosedLeaf> above = new ArrayList<>();
            boolean separates = true;
            for (ClosedLeaf leaf : leaves) {
                if (leaf.box().upper(d) <= m) {
                    below.add(leaf);
                } else if (leaf.box().lower(d) >= m) {
                    above.add(leaf);
                } else {
                    separates = false;
                    break;
                }
            }
            if (separates && !below.isEmpty() && !above.isEmpty()) {
                double[] belowUpper = upper.clone();
                belowUpper[d] = m;
                double[] aboveLower = lower.clone();
                aboveLower[d] = m;
                Optional<Skeleton> b = rebuild(caseIndex, lower, belowUpper, states, below, pending);
                Optional<Skeleton> a = b.isEmpty() ? Optional.empty()
                        : rebuild(caseIndex, aboveLower, upper, states, above, pending);
                return a.isEmpty() ? Optional.empty() : Optional.of(new InputSkeleton(d, m, b.get(), a.get()));
            }
        }
        ClosedLeaf first = leaves.get(0);
        for (int layer = 0; layer < states.length; layer++) {
            for (int unit = 0; unit < states[layer].length; unit++) {
                if (states[layer][unit] != -1 || !first.pattern().isFixed(layer, unit)) {
                    continue;
                }
                int l = layer;
                int u = unit;
                if (leaves.stream().allMatch(leaf -> leaf.pattern().isFixed(l, u))) {
                    List<ClosedLeaf> off = leaves.stream().filter(leaf -> leaf.pattern().state(l, u) == 0).toList();
                    List<ClosedLeaf> on = leaves.stream().filter(leaf -> leaf.pattern().state(l, u) == 1).toList();
                    Optional<Skeleton> inactive = rebuild(caseIndex, lower, upper, fixed(states, l, u, 0), off, pending);
                    Optional<Skeleton> active = inactive.isEmpty() ? Optional.empty()
                            : rebuild(caseIndex, lower, upper, fixed(states, l, u, 1), on, pending);
                    return active.isEmpty() ? Optional.empty()
                            : Optional.of(new UnitSkeleton(l, u, inactive.get(), active.get()));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean matches(ClosedLeaf leaf, double[] lower, double[] upper, int[][] states) {
        if (!Arrays.equals(leaf.box().lower(), lower) || !Arrays.equals(leaf.box().upper(), upper)
                || leaf.pattern().layerCount() != states.length) {
            return false;
        }
        for (int layer = 0; layer < states.length; layer++) {
            for (int unit = 0; unit < states[layer].length; unit++) {
                if (leaf.pattern().state(layer, unit) != states[layer][unit]) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int[][] fixed(int[][] states, int layer, int unit, int state) {
        int[][] copy = states.clone();
        copy[layer] = states[layer].clone();
        copy[layer][unit] = state;
        return copy;
    }

    private Optional<ProofNode> prove(Pending p) {
        return prove(p, p.lower(), p.upper(), 0);
    }

    private Optional<ProofNode> prove(Pending p, double[] lower, double[] upper, int depth) {
        deadline.check();
        if (budget.decrementAndGet() < 0) {
            return Optional.empty();
        }
        LeafBounds bounds = new LeafBounds(network, lower, upper, p.states());
        if (bounds.infeasibility().isPresent()) {
            return Optional.of(new ProofNode.Infeasible());
        }
        PropertyCase c = property.cases().get(p.caseIndex());
        List<ProofNode.Claim> claims = new ArrayList<>();
        for (int d = 0; d < c.outputCondition().disjuncts().size(); d++) {
            List<ExactInequality> inequalities = ExactInequality.conjunction(c, d, property.inputCount(),
                    property.outputCount());
            Optional<ClosedLeaf.Witness> hint = d < p.hints().size()
                    && p.hints().get(d).inequality() < inequalities.size()
                    ? Optional.of(p.hints().get(d)) : Optional.empty();
            Optional<ProofNode.Claim> claim = hint.flatMap(h -> claim(bounds, inequalities, h.inequality(), List.of()));
            if (claim.isEmpty() && hint.isPresent() && hint.get().lowerSlopes().count() > 0) {
                claim = claim(bounds, inequalities, hint.get().inequality(), slopes(hint.get().lowerSlopes()));
            }
            for (int q = 0; q < inequalities.size() && claim.isEmpty(); q++) {
                claim = claim(bounds, inequalities, q, List.of());
            }
            if (claim.isEmpty()) {
                Optional<ProofNode.Infeasible> farkas = p.hints().isEmpty()
                        ? farkas(network, bounds, p.states(), deadline) : Optional.empty();
                return farkas.isPresent() ? Optional.of(farkas.get()) : refine(p, lower, upper, depth);
            }
            claims.add(claim.get());
        }
        return Optional.of(new ProofNode.Proven(claims));
    }

    /**
     * A void leaf with Farkas multipliers for a leaf branch and bound found void but the checker's bounds do not:
     * GLOP's Farkas certificate for the leaf's {@link LeafProgram}, kept when the checker's own test accepts it.
     */
    static Optional<ProofNode.Infeasible> farkas(ExactNetwork network, LeafBounds bounds, int[][] states,
            Deadline deadline) {
        LeafProgram program = LeafProgram.of(network, bounds, states);
        LinearProgram.Builder lp = LinearProgram.builder(program.variableCount());
        for (int v = 0; v < program.variableCount(); v++) {
            lp.bounds(v, program.lower(v), program.upper(v));
        }
        for (LeafProgram.Row row : program.rows()) {
            lp.add(LinearConstraint.sparse(row.vars(), row.coefficients(), row.equality()
                    ? LinearConstraint.Relation.EQUAL : LinearConstraint.Relation.LESS_OR_EQUAL, row.bound()));
        }
        if (!(new GlopLpSolver().solve(lp.build(), deadline) instanceof LpResult.Infeasible infeasible)
                || infeasible.certificate().isEmpty()) {
            return Optional.empty();
        }
        double[] z = infeasible.certificate().get().multipliers();
        List<ProofNode.RowMultiplier> multipliers = new ArrayList<>();
        for (int i = 0; i < z.length; i++) {
            double m = program.rows().get(i).equality() ? z[i] : Math.max(z[i], 0.0);
            if (m != 0.0) {
                multipliers.add(new ProofNode.RowMultiplier(i, m));
            }
        }
        return program.refutation(multipliers).isEmpty()
                ? Optional.of(new ProofNode.Infeasible(multipliers)) : Optional.empty();
    }

    private static Optional<ProofNode.Claim> claim(LeafBounds bounds, List<ExactInequality> inequalities, int q,
            List<ProofNode.Slope> slopes) {
        ExactInequality inequality = inequalities.get(q);
        double bound = bounds.lowerBound(inequality.outputs(), inequality.inputs(), inequality.constant(), slopes);
        return bound > 0.0 ? Optional.of(new ProofNode.Claim(q, bound, slopes)) : Optional.empty();
    }

    /** The engine's slopes as a certificate states them. */
    private static List<ProofNode.Slope> slopes(LowerSlopes slopes) {
        List<ProofNode.Slope> result = new ArrayList<>(slopes.count());
        for (int i = 0; i < slopes.count(); i++) {
            result.add(new ProofNode.Slope(slopes.layer(i), slopes.unit(i), slopes.slope(i)));
        }
        return result;
    }

    private Optional<ProofNode> refine(Pending p, double[] lower, double[] upper, int depth) {
        if (depth >= MAX_REFINEMENT) {
            return Optional.empty();
        }
        double[] root = property.cases().get(p.caseIndex()).box().lower();
        double[] rootUpper = property.cases().get(p.caseIndex()).box().upper();
        int best = -1;
        double bestRatio = 0.0;
        for (int i = 0; i < lower.length; i++) {
            double m = lower[i] + 0.5 * (upper[i] - lower[i]);
            if (lower[i] < m && m < upper[i]) {
                double ratio = (upper[i] - lower[i]) / (rootUpper[i] - root[i]);
                if (best < 0 || ratio > bestRatio) {
                    best = i;
                    bestRatio = ratio;
                }
            }
        }
        if (best < 0) {
            return Optional.empty();
        }
        double m = lower[best] + 0.5 * (upper[best] - lower[best]);
        double[] belowUpper = upper.clone();
        belowUpper[best] = m;
        double[] aboveLower = lower.clone();
        aboveLower[best] = m;
        Optional<ProofNode> below = prove(p, lower, belowUpper, depth + 1);
        Optional<ProofNode> above = below.isEmpty() ? Optional.empty() : prove(p, aboveLower, upper, depth + 1);
        return above.isEmpty() ? Optional.empty() : Optional.of(new ProofNode.InputSplit(best, m, below.get(), above.get()));
    }
}
