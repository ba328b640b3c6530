package io.exactline.verifier.certificate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.exactline.core.BadInputException;
import io.exactline.core.network.Network;
import io.exactline.verifier.cache.PropertyDigest;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.property.PropertyCase;
import io.exactline.verifier.verdict.NetworkDigest;

/**
 * Checks a {@link SplitTreeCertificate} against a network and a property, independently of the engine that wrote
 * it, with every rounding directed so that the check holds for the real-valued network ({@link LeafBounds}).
 *
 * <p>The certificate is accepted exactly when
 * <ol>
 * <li>its digests are those of the network's weights ({@link NetworkDigest}) and of the property's content
 * ({@link PropertyDigest}: boxes, constraints and conditions, not the file's name or layout), and it has one tree per
 * case;
 * <li>every split is well formed, so that the children of a node cover it: an input cut lies strictly inside the
 * node's box (the two halves {@code x_i <= v} and {@code x_i >= v} cover the box), a unit split fixes a unit that
 * is still free (every input has {@code z <= 0} or {@code z >= 0}). Hence the leaves of a tree cover its case's
 * box;
 * <li>every {@code void} leaf is shown empty by {@link LeafBounds} (a fixed unit whose exact bounds exclude its
 * piece) or by its Farkas multipliers: they combine the rows of the leaf's linear relaxation
 * ({@link LeafProgram}, built by the checker from the leaf and its own bounds) into a row that no point within the
 * variable bounds satisfies;
 * <li>every other leaf has one claim per unsafe conjunction of the case, each with a positive bound {@code B}, and
 * the lower bound {@link LeafBounds} re-derives for the claimed inequality over the leaf is at least {@code B}, so
 * the inequality is violated everywhere on the leaf. A claim may give lower relaxation slopes for some ReLU units;
 * each must name a unit of the network once and lie in {@code [0, 1]} (then {@code max(0, z) >= alpha z} holds
 * for every {@code z}), and the bound is re-derived with them as well as with the checker's own choices. (A leaf
 * that {@link LeafBounds} finds empty passes too.)
 * </ol>
 * Then no input of any case satisfies its unsafe condition: the property is unsat for the real-valued network on
 * its stored weights. The case's input constraints are part of each conjunction, so a claim may also rest on them.
 */
public final class CertificateChecker {
    private CertificateChecker() {
    }

    /**
     * Checks {@code certificate}.
     *
     * @throws BadInputException if the network has layers the checker does not support (only affine and ReLU) or
     *     does not fit the property
     */
    public static CheckResult check(Network network, Property property, SplitTreeCertificate certificate) {
        property.requireCompatible(network);
        String digest = NetworkDigest.of(network);
        String propertyDigest = PropertyDigest.of(property);
        if (!certificate.networkDigest().equals(digest)) {
            return new CheckResult.Invalid("the certificate is for the network with digest "
                    + certificate.networkDigest() + " but " + network.source() + " has digest " + digest);
        }
        if (!certificate.propertyDigest().equals(propertyDigest)) {
            return new CheckResult.Invalid("the certificate is for the property with digest "
                    + certificate.propertyDigest() + " but " + property.source() + " has digest " + propertyDigest);
        }
        if (certificate.cases().size() != property.cases().size()) {
            return new CheckResult.Invalid("the certificate has " + certificate.cases().size() + " cases but "
                    + property.source() + " has " + property.cases().size());
        }
        Walk walk = new Walk(ExactNetwork.of(network), property);
        for (int k = 0; k < property.cases().size(); k++) {
            Optional<String> failure = walk.checkCase(k, certificate.cases().get(k));
            if (failure.isPresent()) {
                return new CheckResult.Invalid(failure.get());
            }
        }
        Optional<String> failure = walk.leaves.parallelStream().map(walk::checkLeaf).flatMap(Optional::stream)
                .findFirst();
        if (failure.isPresent()) {
            return new CheckResult.Invalid(failure.get());
        }
        long voidLeaves = walk.leaves.stream().filter(l -> l.node() instanceof ProofNode.Infeasible).count();
        return new CheckResult.Valid(walk.leaves.size(), voidLeaves, walk.splits);
    }

    /** A leaf with its region, waiting to be checked. */
    private record Leaf(ProofNode node, int caseIndex, double[] lower, double[] upper, int[][] states, String path) {
    }

    /**
     * The check of the trees' structure, which collects the leaves in tree order; then the check of each leaf (they
     * are independent, so they run in parallel).
     */
    private static final class Walk {
        private final ExactNetwork network;
        private final Property property;
        private final List<List<List<ExactInequality>>> conjunctions = new ArrayList<>();
        private final List<Leaf> leaves = new ArrayList<>();
        private long splits;

        Walk(ExactNetwork network, Property property) {
            this.network = network;
            for (PropertyCase c : property.cases()) {
                List<List<ExactInequality>> perCase = new ArrayList<>();
                for (int d = 0; d < c.outputCondition().disjuncts().size(); d++) {
                    perCase.add(ExactInequality.conjunction(c, d, property.inputCount(), property.outputCount()));
                }
                conjunctions.add(perCase);
            }
            this.property = property;
        }

        Optional<String> checkCase(int k, ProofNode root) {
            PropertyCase c = property.cases().get(k);
            int[][] states = new int[network.reluLayerCount()][];
            for (int layer = 0; layer < states.length; layer++) {
                states[layer] = new int[network.reluSize(layer)];
                Arrays.fill(states[layer], -1);
            }
            return node(root, k, c.box().lower(), c.box().upper(), states, "case " + (k + 1));
        }

        private Optional<String> node(ProofNode node, int k, double[] lower, double[] upper, int[][] states,
                String path) {
            if (node instanceof ProofNode.InputSplit s) {
                splits++;
                int i = s.input();
                if (i < 0 || i >= lower.length) {
                    return Optional.of(path + ": cut on input X_" + i + ", but the network has " + lower.length
                            + " inputs");
                }
                if (!(lower[i] < s.at() && s.at() < upper[i])) {
                    return Optional.of(path + ": cut X_" + i + " at " + s.at() + " does not lie strictly inside the"
                            + " node's side [" + lower[i] + ", " + upper[i] + "]");
                }
                double[] belowUpper = upper.clone();
                belowUpper[i] = s.at();
                double[] aboveLower = lower.clone();
                aboveLower[i] = s.at();
                Optional<String> below = node(s.below(), k, lower, belowUpper, states,
                        path + " / X_" + i + "<=" + s.at());
                return below.isPresent() ? below
                        : node(s.above(), k, aboveLower, upper, states, path + " / X_" + i + ">=" + s.at());
            }
            if (node instanceof ProofNode.UnitSplit s) {
                splits++;
                if (s.layer() < 0 || s.layer() >= states.length || s.unit() < 0
                        || s.unit() >= states[s.layer()].length) {
                    return Optional.of(path + ": split on unit " + s.unit() + " of ReLU layer " + s.layer()
                            + ", which the network does not have");
                }
                if (states[s.layer()][s.unit()] != -1) {
                    return Optional.of(path + ": split on unit " + s.unit() + " of ReLU layer " + s.layer()
                            + ", which is already fixed on this path");
                }
                String unit = " / relu " + s.layer() + ":" + s.unit();
                Optional<String> inactive = node(s.inactive(), k, lower, upper, fix(states, s, 0), path + unit + " off");
                return inactive.isPresent() ? inactive
                        : node(s.active(), k, lower, upper, fix(states, s, 1), path + unit + " on");
            }
            leaves.add(new Leaf(node, k, lower, upper, states, path));
            return Optional.empty();
        }

        Optional<String> checkLeaf(Leaf leaf) {
            LeafBounds bounds = new LeafBounds(network, leaf.lower(), leaf.upper(), leaf.states());
            String where = "leaf at " + leaf.path() + " (box " + box(leaf.lower(), leaf.upper()) + ")";
            if (leaf.node() instanceof ProofNode.Infeasible v) {
                if (bounds.infeasibility().isPresent()) {
                    return Optional.empty();
                }
                if (v.farkas().isEmpty()) {
                    return Optional.of("void " + where + ": no fixed unit's bounds exclude its piece, so the leaf is"
                            + " not shown empty");
                }
                return LeafProgram.of(network, bounds, leaf.states()).refutation(v.farkas())
                        .map(why -> "void " + where + ": its Farkas multipliers do not show the leaf's linear"
                                + " relaxation empty: " + why);
            }
            List<ProofNode.Claim> claims = ((ProofNode.Proven) leaf.node()).claims();
            List<List<ExactInequality>> perCase = conjunctions.get(leaf.caseIndex());
            if (claims.size() != perCase.size()) {
                return Optional.of(where + " has " + claims.size() + " claims but the case has " + perCase.size()
                        + " unsafe conjunctions");
            }
            if (bounds.infeasibility().isPresent()) {
                return Optional.empty();
            }
            for (int d = 0; d < perCase.size(); d++) {
                ProofNode.Claim claim = claims.get(d);
                List<ExactInequality> inequalities = perCase.get(d);
                if (claim.inequality() < 0 || claim.inequality() >= inequalities.size()) {
                    return Optional.of(where + ": conjunction " + (d + 1) + " has no inequality " + claim.inequality());
                }
                if (!(claim.lowerBound() > 0.0)) {
                    return Optional.of(where + ": conjunction " + (d + 1) + " claims bound " + claim.lowerBound()
                            + ", which is not positive and so proves nothing");
                }
                ExactInequality q = inequalities.get(claim.inequality());
                double recomputed;
                try {
                    recomputed = bounds.lowerBound(q.outputs(), q.inputs(), q.constant(), claim.slopes());
                } catch (IllegalArgumentException e) {
                    return Optional.of(where + ": conjunction " + (d + 1) + ": " + e.getMessage());
                }
                if (!(recomputed >= claim.lowerBound())) {
                    return Optional.of(where + ": conjunction " + (d + 1) + ", inequality " + claim.inequality()
                            + " claims lower bound " + claim.lowerBound() + " but the recomputed bound is only "
                            + recomputed);
                }
            }
            return Optional.empty();
        }

        private static int[][] fix(int[][] states, ProofNode.UnitSplit s, int state) {
            int[][] copy = states.clone();
            copy[s.layer()] = states[s.layer()].clone();
            copy[s.layer()][s.unit()] = state;
            return copy;
        }
    }

    static String box(double[] lower, double[] upper) {
        StringBuilder s = new StringBuilder("[");
        int shown = Math.min(lower.length, 8);
        for (int i = 0; i < shown; i++) {
            s.append(i == 0 ? "" : ", ").append('[').append(lower[i]).append(", ").append(upper[i]).append(']');
        }
        return s.append(shown < lower.length ? ", ...]" : "]").toString();
    }
}
