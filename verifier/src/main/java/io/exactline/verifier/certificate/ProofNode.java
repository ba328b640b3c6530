package io.exactline.verifier.certificate;

import java.util.List;

/**
 * A node of a certificate's split tree. A node stands for a sub-region of a property case: a box and a partial
 * activation pattern, both given by the splits on the path from the case's root (the case's box, every unit free).
 * A split node's children cover its region; a leaf says why no unsafe input lies in its region.
 */
public sealed interface ProofNode {

    /**
     * The box is cut at {@code x_input = at}: {@code below} covers {@code x_input <= at}, {@code above}
     * {@code x_input >= at}. The cut must lie strictly inside the node's box.
     */
    record InputSplit(int input, double at, ProofNode below, ProofNode above) implements ProofNode {
    }

    /**
     * ReLU unit {@code unit} of ReLU layer {@code layer} (0 nearest the input), free so far, is fixed:
     * {@code inactive} covers the inputs with pre-activation {@code z <= 0}, {@code active} those with {@code z >= 0}.
     */
    record UnitSplit(int layer, int unit, ProofNode inactive, ProofNode active) implements ProofNode {
    }

    /**
     * A leaf where every unsafe conjunction of the case is violated: one claim per conjunction, in order.
     */
    record Proven(List<Claim> claims) implements ProofNode {
        public Proven {
            claims = List.copyOf(claims);
        }
    }

    /**
     * A leaf whose region is empty: no input of its box follows its pattern. {@code farkas} (possibly empty) are
     * multipliers of the rows of the leaf's linear relaxation ({@link LeafProgram}) that combine to a contradiction,
     * for a leaf whose emptiness the checker's bounds alone do not show.
     */
    record Infeasible(List<RowMultiplier> farkas) implements ProofNode {
        public Infeasible {
            farkas = List.copyOf(farkas);
        }

        /** A void leaf without a Farkas witness. */
        public Infeasible() {
            this(List.of());
        }
    }

    /** The Farkas multiplier {@code multiplier} of row {@code row} of a leaf's linear relaxation. */
    record RowMultiplier(int row, double multiplier) {
    }

    /**
     * Inequality {@code inequality} of the conjunction (numbered as in {@link ExactInequality}: input constraints,
     * then output inequalities, then their sum) is at least {@code lowerBound > 0} on the leaf, so the conjunction
     * has no solution there. {@code slopes} (possibly empty) are lower relaxation slopes the checker may bound the
     * inequality with, as found by the engine's optimisation.
     */
    record Claim(int inequality, double lowerBound, List<Slope> slopes) {
        public Claim {
            slopes = List.copyOf(slopes);
        }

        /** A claim without slopes. */
        public Claim(int inequality, double lowerBound) {
            this(inequality, lowerBound, List.of());
        }
    }

    /**
     * The lower relaxation {@code max(0, z) >= alpha z} for unit {@code unit} of ReLU layer {@code layer} where it
     * is unstable on the leaf. It holds for every real {@code z} exactly when {@code 0 <= alpha <= 1}, which is all
     * a checker has to check before using it.
     */
    record Slope(int layer, int unit, double alpha) {
    }
}
