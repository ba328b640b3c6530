package io.exactline.verifier.vnnlib;

import java.util.List;

/**
 * A parsed assertion: linear atoms combined with {@code and} and {@code or}. Comparisons are normalised to
 * atoms {@code expression <= 0}.
 */
sealed interface Formula permits Formula.Atom, Formula.And, Formula.Or {

    /** Which variables a formula reads: decides whether it constrains the inputs, the outputs or both. */
    enum Reads {
        NOTHING, INPUTS, OUTPUTS, BOTH;

        Reads with(Reads other) {
            if (this == NOTHING || this == other) {
                return other;
            }
            return other == NOTHING ? this : BOTH;
        }
    }

    /** What the formula reads: an atom over inputs only reads INPUTS; one with any output reads OUTPUTS. */
    Reads reads();

    /**
     * {@code expression <= 0}, or {@code expression < 0} when {@code strict}. Strictness only matters for an atom
     * without variables, which is decided exactly; an atom with variables stands for its closure.
     *
     * @param position the '(' of the comparison it came from
     */
    record Atom(LinearExpression expression, boolean strict, Position position) implements Formula {
        @Override
        public Reads reads() {
            if (expression.isConstant()) {
                return Reads.NOTHING;
            }
            return expression.readsOutputs() ? Reads.OUTPUTS : Reads.INPUTS;
        }

        /** For an atom without variables: whether {@code constant <= 0} ({@code < 0} if strict). */
        boolean constantHolds() {
            int sign = expression.constant().signum();
            return strict ? sign < 0 : sign <= 0;
        }
    }

    /** Every part holds. */
    record And(List<Formula> parts) implements Formula {
        @Override
        public Reads reads() {
            return parts.stream().map(Formula::reads).reduce(Reads.NOTHING, Reads::with);
        }
    }

    /** Some part holds. */
    record Or(List<Formula> parts) implements Formula {
        @Override
        public Reads reads() {
            return parts.stream().map(Formula::reads).reduce(Reads.NOTHING, Reads::with);
        }
    }
}
