package io.exactline.verifier.encoding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.numbers.fraction.BigFraction;

import io.exactline.core.BadInputException;
import io.exactline.verifier.property.Term;
import io.exactline.verifier.property.Variable;

/**
 * An affine expression {@code sum_k c_k v_k + d} over a network's inputs {@code X_i} and outputs {@code Y_j}, the
 * objective of an optimisation over a {@link NetworkRegion}. The doubles are read as exact rationals.
 *
 * @param terms the terms, each variable at most once (sorted like {@link io.exactline.verifier.property.LinearInequality})
 * @param constant {@code d}
 */
public record LinearObjective(List<Term> terms, double constant) {
    public LinearObjective {
        terms = terms.stream().sorted(Comparator.comparing((Term t) -> t.variable().kind())
                .thenComparingInt(t -> t.variable().index())).toList();
        if (!Double.isFinite(constant)) {
            throw new BadInputException("constant of a linear objective is " + constant);
        }
        for (int k = 1; k < terms.size(); k++) {
            if (terms.get(k).variable().equals(terms.get(k - 1).variable())) {
                throw new BadInputException(terms.get(k).variable() + " appears twice in the objective " + terms);
            }
        }
    }

    /** The objective {@code Y_j}. */
    public static LinearObjective output(int j) {
        return new LinearObjective(List.of(new Term(1.0, Variable.output(j))), 0.0);
    }

    /** The objective {@code Y_i - Y_j}. */
    public static LinearObjective difference(int i, int j) {
        return new LinearObjective(List.of(new Term(1.0, Variable.output(i)), new Term(-1.0, Variable.output(j))), 0.0);
    }

    /** {@code sum_j c_j Y_j + d} from one coefficient per output (zeros dropped). */
    public static LinearObjective overOutputs(double[] coefficients, double constant) {
        List<Term> terms = new ArrayList<>();
        for (int j = 0; j < coefficients.length; j++) {
            if (coefficients[j] != 0.0) {
                terms.add(new Term(coefficients[j], Variable.output(j)));
            }
        }
        return new LinearObjective(terms, constant);
    }

    /** The value at {@code (x, y)} in floating point. */
    public double valueAt(double[] x, double[] y) {
        double sum = constant;
        for (Term t : terms) {
            sum += t.valueAt(x, y);
        }
        return sum;
    }

    /** The value at {@code (x, y)} in exact arithmetic. */
    public BigFraction exactValueAt(BigFraction[] x, BigFraction[] y) {
        return ExactConditions.value(terms, constant, x, y);
    }
}
