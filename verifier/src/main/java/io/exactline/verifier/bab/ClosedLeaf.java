package io.exactline.verifier.bab;

import java.util.List;

import io.exactline.verifier.bounds.LowerSlopes;
import io.exactline.verifier.bounds.PartialPattern;
import io.exactline.verifier.property.Box;

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
     * @param inequality the index of the inequality proven positive in the conjunction; the conjunction's size
     *     for the sum of its inequalities ({@link io.exactline.verifier.falsify.UnsafeConjunction#sum()}); the
     *     size plus 1 for their combination with {@code multipliers}
     *     ({@link io.exactline.verifier.falsify.UnsafeConjunction#combination})
     * @param lowerBound a sound lower bound of that inequality's left side over the leaf, positive
     * @param closedAbove whether an ancestor of the leaf already proved it (then {@code lowerBound} is that
     *     ancestor's)
     * @param multipliers the nonnegative multiplier of each inequality of the conjunction, in order, when
     *     {@code inequality} is the size plus 1; empty otherwise
     * @param lowerSlopes the lower relaxation slopes of the bound of the inequality's output part (alpha-CROWN's),
     *     {@link LowerSlopes#NONE} when it reads no outputs; a certificate checker may bound with them
     */
    public record Witness(int inequality, double lowerBound, boolean closedAbove, List<Double> multipliers,
            LowerSlopes lowerSlopes) {
        public Witness {
            multipliers = List.copyOf(multipliers);
        }

        /** A witness without slopes. */
        public Witness(int inequality, double lowerBound, boolean closedAbove, List<Double> multipliers) {
            this(inequality, lowerBound, closedAbove, multipliers, LowerSlopes.NONE);
        }

        /** A witness by one inequality or by the sum (no multipliers, no slopes). */
        public Witness(int inequality, double lowerBound, boolean closedAbove) {
            this(inequality, lowerBound, closedAbove, List.of());
        }
    }
}
