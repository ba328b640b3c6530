package io.exactline.verifier.certificate;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import io.exactline.verifier.verdict.Certificate;

/**
 * A certificate of an unsat answer: per property case a split tree whose leaves each carry a reason why no unsafe
 * input lies in their region, bound to one network and one property by their digests.
 *
 * @param networkDigest the network's weight digest ({@link io.exactline.verifier.verdict.NetworkDigest#of})
 * @param propertyDigest the digest of the property's content ({@link io.exactline.verifier.cache.PropertyDigest#of})
 * @param cases one root per property case, in order
 */
public record SplitTreeCertificate(String networkDigest, String propertyDigest, List<ProofNode> cases)
        implements Certificate {
    /** The kind, as {@link #kind()} gives it. */
    public static final String KIND = "split-tree";

    public SplitTreeCertificate {
        cases = List.copyOf(cases);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String summary() {
        long[] counts = new long[4];
        Deque<ProofNode> todo = new ArrayDeque<>(cases);
        while (!todo.isEmpty()) {
            ProofNode node = todo.pop();
            if (node instanceof ProofNode.InputSplit s) {
                counts[0]++;
                todo.push(s.below());
                todo.push(s.above());
            } else if (node instanceof ProofNode.UnitSplit s) {
                counts[1]++;
                todo.push(s.inactive());
                todo.push(s.active());
            } else if (node instanceof ProofNode.Proven) {
                counts[2]++;
            } else {
                counts[3]++;
            }
        }
        return (counts[2] + counts[3]) + " leaves (" + counts[3] + " void), " + counts[0] + " input splits, "
                + counts[1] + " unit splits over " + cases.size() + (cases.size() == 1 ? " case" : " cases");
    }
}
