package io.exactline.verifier.encoding;

import java.util.List;

import org.apache.commons.numbers.fraction.BigFraction;

import io.exactline.core.BadInputException;
import io.exactline.core.Rationals;
import io.exactline.verifier.property.Conjunction;
import io.exactline.verifier.property.LinearInequality;
import io.exactline.verifier.property.OutputCondition;
import io.exactline.verifier.property.Term;
import io.exactline.verifier.property.Variable;

/** Property conditions evaluated in exact rational arithmetic at exact inputs {@code x} and outputs {@code y}. */
public final class ExactConditions {
    private ExactConditions() {
    }

    /** {@code sum_k c_k v_k + d} at {@code (x, y)}. */
    public static BigFraction value(List<Term> terms, double constant, BigFraction[] x, BigFraction[] y) {
        BigFraction sum = Rationals.exact(constant);
        for (Term t : terms) {
            BigFraction v = t.variable().kind() == Variable.Kind.INPUT ? x[t.variable().index()]
                    : y[t.variable().index()];
            sum = sum.add(Rationals.exact(t.coefficient()).multiply(v));
        }
        return sum;
    }

    /** Whether {@code q} holds ({@code <= 0}) at {@code (x, y)}. */
    public static boolean holds(LinearInequality q, BigFraction[] x, BigFraction[] y) {
        return value(q.terms(), q.constant(), x, y).signum() <= 0;
    }

    /** Whether every inequality of {@code c} holds at {@code (x, y)}. */
    public static boolean holds(Conjunction c, BigFraction[] x, BigFraction[] y) {
        return c.inequalities().stream().allMatch(q -> holds(q, x, y));
    }

    /** Whether some disjunct of {@code condition} holds at {@code (x, y)}. */
    public static boolean holds(OutputCondition condition, BigFraction[] x, BigFraction[] y) {
        return condition.disjuncts().stream().anyMatch(c -> holds(c, x, y));
    }

    /**
     * Throws {@link BadInputException} unless every variable the terms read exists: inputs below {@code inputs},
     * outputs below {@code outputs}.
     */
    public static void checkVariables(List<Term> terms, int inputs, int outputs, String where) {
        for (Term t : terms) {
            int limit = t.variable().kind() == Variable.Kind.INPUT ? inputs : outputs;
            if (t.variable().index() >= limit) {
                throw new BadInputException(where + " reads " + t.variable() + " but the network has " + inputs
                        + " inputs and " + outputs + " outputs");
            }
        }
    }

    /** {@link #checkVariables} for every inequality of {@code condition}. */
    public static void checkVariables(OutputCondition condition, int inputs, int outputs) {
        for (Conjunction c : condition.disjuncts()) {
            for (LinearInequality q : c.inequalities()) {
                checkVariables(q.terms(), inputs, outputs, "output condition " + q);
            }
        }
    }
}
