package io.exactline.verifier.encoding;

import java.util.List;

import org.apache.commons.numbers.fraction.BigFraction;

/**
 * A condition on a network's outputs in disjunctive normal form: it holds at {@code y} when for some disjunct
 * every atom {@code e} has {@code e(y) <= 0}. In verification it usually describes the <em>unsafe</em> outputs
 * (VNN-LIB's negated property), so a point where it holds is a counterexample. An empty list of disjuncts is
 * false; a disjunct without atoms is true.
 *
 * @param disjuncts the conjunctions, each a list of expressions that must be {@code <= 0}
 */
public record OutputCondition(List<List<LinearExpression>> disjuncts) {
    public OutputCondition {
        disjuncts = disjuncts.stream().map(List::copyOf).toList();
    }

    /** The condition that always holds (one empty conjunction). */
    public static OutputCondition always() {
        return new OutputCondition(List.of(List.of()));
    }

    /** A single conjunction of atoms {@code e <= 0}. */
    public static OutputCondition allOf(List<LinearExpression> atoms) {
        return new OutputCondition(List.of(atoms));
    }

    /** Whether the condition holds at {@code y} in floating point. */
    public boolean holdsAt(double[] y) {
        return disjuncts.stream().anyMatch(c -> c.stream().allMatch(e -> e.evaluate(y) <= 0.0));
    }

    /** Whether the condition holds at {@code y} in exact arithmetic. */
    public boolean holdsExactly(BigFraction[] y) {
        return disjuncts.stream().anyMatch(c -> c.stream().allMatch(e -> e.evaluateExactly(y).signum() <= 0));
    }

    /** Throws {@link io.exactline.core.BadInputException} unless every atom has one coefficient per output. */
    public void checkOutputs(int outputs) {
        for (int d = 0; d < disjuncts.size(); d++) {
            for (int a = 0; a < disjuncts.get(d).size(); a++) {
                disjuncts.get(d).get(a).checkOutputs(outputs, "output condition disjunct " + d + " atom " + a);
            }
        }
    }
}
