package io.exactline.verifier.property;

import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The unsafe condition on the outputs of one {@link PropertyCase}: a disjunction of conjunctions of linear
 * inequalities, {@code OR_k AND_l (sum c_klj Y_j + d_kl <= 0)}. It holds when some disjunct holds.
 *
 * <p>Inequalities are normally over the outputs {@code Y_j} only; a property that relates outputs to inputs
 * (VNN-LIB allows such mixed constraints) puts its terms over {@code X_i} here as well.
 *
 * @param disjuncts the conjunctions, at least one
 */
public record OutputCondition(List<Conjunction> disjuncts) {
    public OutputCondition {
        disjuncts = List.copyOf(disjuncts);
        if (disjuncts.isEmpty()) {
            throw new IllegalArgumentException("an output condition needs at least one disjunct; an empty"
                    + " disjunction never holds, so leave the case out instead");
        }
    }

    /** The condition made of one conjunction. */
    public static OutputCondition of(LinearInequality... inequalities) {
        return new OutputCondition(List.of(Conjunction.of(inequalities)));
    }

    /** The disjunction of the given conjunctions. */
    public static OutputCondition anyOf(Conjunction... disjuncts) {
        return new OutputCondition(List.of(disjuncts));
    }

    /**
     * The classic robustness violation "some other output is at least as large as output {@code label}":
     * {@code OR_{j != label} (Y_label - Y_j <= 0)} over {@code outputs} outputs.
     */
    public static OutputCondition notArgmax(int label, int outputs) {
        if (label < 0 || label >= outputs) {
            throw new IllegalArgumentException("label " + label + " is not one of the " + outputs + " outputs");
        }
        return new OutputCondition(IntStream.range(0, outputs).filter(j -> j != label)
                .mapToObj(j -> Conjunction.of(LinearInequality.lessOrEqual(Variable.output(label), Variable.output(j))))
                .toList());
    }

    /**
     * The condition with every inequality {@code q <= 0} strengthened to {@code q + margin <= 0} (the constant
     * rounded to nearest): a point that meets it meets this condition with room {@code margin}, so a solver's witness
     * for it survives small perturbations such as rounding the input to doubles.
     *
     * @throws IllegalArgumentException if {@code margin} is negative or not finite
     */
    public OutputCondition tightened(double margin) {
        if (!(margin >= 0) || Double.isInfinite(margin)) {
            throw new IllegalArgumentException("a tightening margin must be a finite number >= 0, got " + margin);
        }
        return new OutputCondition(disjuncts.stream().map(c -> new Conjunction(c.inequalities().stream()
                .map(q -> new LinearInequality(q.terms(), q.constant() + margin)).toList())).toList());
    }

    /** Whether some disjunct holds exactly at {@code (x, y)}. */
    public boolean holdsAt(double[] x, double[] y) {
        return firstHolding(x, y).isPresent();
    }

    /** Whether some disjunct holds at {@code (x, y)} up to {@code tolerance}. */
    public boolean holdsAt(double[] x, double[] y, double tolerance) {
        return disjuncts.stream().anyMatch(c -> c.holdsAt(x, y, tolerance));
    }

    /** Index of the first disjunct that holds exactly at {@code (x, y)}, if any. */
    public OptionalInt firstHolding(double[] x, double[] y) {
        for (int k = 0; k < disjuncts.size(); k++) {
            if (disjuncts.get(k).holdsAt(x, y)) {
                return OptionalInt.of(k);
            }
        }
        return OptionalInt.empty();
    }

    /** The disjuncts, each in parentheses when it has several inequalities, joined by {@code or}. */
    @Override
    public String toString() {
        return disjuncts.stream()
                .map(c -> c.inequalities().size() > 1 ? "(" + c + ")" : c.toString())
                .collect(Collectors.joining(" or "));
    }
}
