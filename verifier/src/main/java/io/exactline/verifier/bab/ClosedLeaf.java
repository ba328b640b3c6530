package io.exactline.verifier.bab;

import java.util.List;

import io.exactline.verifier.property.Box;
import io.exactline.verifier.bounds.PartialPattern;

/**
 * A leaf of the branch-and-bound tree that was proven safe: no input of {@code box} following {@code pattern}
 * satisfies case {@code caseIndex} of the property. This is what a certificate of an unsat answer records per leaf,
 * and what a checker re-proves.
 *
 * @param caseIndex the property case
 * @param box the leaf's input box
 * @param pattern the activation units fixed on the way to the leaf
 * @param witnesses per unsafe conjunction of the case (in order), the inequality proven violated over the leaf;
 *     empty when the leaf is void (no input of the box follows the pattern)
 */
public record ClosedLeaf(int caseIndex, Box box, PartialPattern pattern, List<Witness> witnesses) {
    public ClosedLeaf {
        witnesses = List.copyOf(witnesses);
    }

    /**
     * Why one unsafe conjunction is empty on the leaf.
     *
     * @param inequality the index of the inequality proven positive in the conjunction, or the conjunction's size
     *     for the sum of its inequalities ({@link io.exactline.verifier.falsify.UnsafeConjunction#sum()})
     * @param lowerBound a sound lower bound of that inequality's left side over the leaf, positive
     * @param closedAbove whether an ancestor of the leaf already proved it (then {@code lowerBound} is that
     *     ancestor's)
     */
    public record Witness(int inequality, double lowerBound, boolean closedAbove) {
    }
}
