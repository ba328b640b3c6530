package io.exactline.verifier.property;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A linear inequality {@code sum_k c_k v_k + d <= 0} over the inputs {@code X_i} and outputs {@code Y_j} of a
 * network.
 *
 * <p>{@link #holdsAt(double[], double[])} decides the inequality <em>exactly</em> for the given double values: the
 * sum is evaluated in floating point together with a bound on its rounding error, and when the sign is not
 * certain it is recomputed in exact decimal arithmetic. A point on the boundary ({@code sum = 0}) satisfies the
 * inequality.
 *
 * @param terms the terms {@code c_k v_k}, each variable at most once, kept sorted (inputs before outputs, by
 *     index) so that equal inequalities are equal records; may be empty (a constant inequality)
 * @param constant {@code d}
 */
public record LinearInequality(List<Term> terms, double constant) {
    /**
     * Relative bound on the rounding error of the floating-point sum, per term: {@code 2^-51 = 4u}, four times
     * the unit roundoff, which covers the products, the additions and the computation of the bound itself.
     */
    private static final double ERROR_PER_TERM = 0x1p-51;

    private static final Comparator<Term> ORDER = Comparator.comparing((Term t) -> t.variable().kind())
            .thenComparingInt(t -> t.variable().index());

    public LinearInequality {
        terms = terms.stream().sorted(ORDER).toList();
        if (!Double.isFinite(constant)) {
            throw new IllegalArgumentException("constant of a linear inequality is " + constant + "; it must be finite");
        }
        Set<Variable> seen = new HashSet<>();
        for (Term t : terms) {
            if (!seen.add(t.variable())) {
                throw new IllegalArgumentException(t.variable() + " appears twice in " + terms
                        + "; collect its coefficients into one term");
            }
        }
    }

    /** {@code v <= bound}. */
    public static LinearInequality atMost(Variable v, double bound) {
        return new LinearInequality(List.of(new Term(1.0, v)), -bound);
    }

    /** {@code v >= bound}, i.e. {@code -v + bound <= 0}. */
    public static LinearInequality atLeast(Variable v, double bound) {
        return new LinearInequality(List.of(new Term(-1.0, v)), bound);
    }

    /** {@code a <= b}, i.e. {@code a - b <= 0}. */
    public static LinearInequality lessOrEqual(Variable a, Variable b) {
        return new LinearInequality(List.of(new Term(1.0, a), new Term(-1.0, b)), 0.0);
    }

    /** Whether some term is over an output {@code Y_j}. */
    public boolean readsOutputs() {
        return terms.stream().anyMatch(t -> t.variable().kind() == Variable.Kind.OUTPUT);
    }

    /** Whether some term is over an input {@code X_i}. */
    public boolean readsInputs() {
        return terms.stream().anyMatch(t -> t.variable().kind() == Variable.Kind.INPUT);
    }

    /** {@code sum_k c_k v_k + d} at {@code (x, y)}, evaluated in floating point. */
    public double valueAt(double[] x, double[] y) {
        double sum = constant;
        for (Term t : terms) {
            sum += t.valueAt(x, y);
        }
        return sum;
    }

    /**
     * Whether {@code sum_k c_k v_k + d <= 0} holds exactly for the given values. False when a value it reads is
     * not finite.
     */
    public boolean holdsAt(double[] x, double[] y) {
        double sum = constant;
        double magnitude = Math.abs(constant);
        for (Term t : terms) {
            double v = t.variable().valueAt(x, y);
            if (!Double.isFinite(v)) {
                return false;
            }
            double product = t.coefficient() * v;
            sum += product;
            magnitude += Math.abs(product);
        }
        if (Double.isFinite(magnitude)) {
            double error = ERROR_PER_TERM * (terms.size() + 2) * magnitude + (terms.size() + 1) * Double.MIN_VALUE;
            if (sum > error) {
                return false;
            }
            if (sum < -error) {
                return true;
            }
        }
        return exactValueAt(x, y).signum() <= 0;
    }

    /** Whether {@code sum_k c_k v_k + d <= tolerance}, evaluated in floating point. */
    public boolean holdsAt(double[] x, double[] y, double tolerance) {
        return valueAt(x, y) <= tolerance;
    }

    /** {@code sum_k c_k v_k + d} in exact decimal arithmetic; every value read must be finite. */
    public BigDecimal exactValueAt(double[] x, double[] y) {
        BigDecimal sum = new BigDecimal(constant);
        for (Term t : terms) {
            sum = sum.add(new BigDecimal(t.coefficient()).multiply(new BigDecimal(t.variable().valueAt(x, y))));
        }
        return sum;
    }

    /**
     * The inequality with the values it reads and its verdict at {@code (x, y)}, for counterexample messages,
     * e.g. {@code "Y_1 <= Y_0 holds: Y_0 = 1.5, Y_1 = 1.25, left - right = -0.25"}.
     */
    public String describeAt(double[] x, double[] y) {
        StringBuilder s = new StringBuilder(toString());
        s.append(holdsAt(x, y) ? " holds: " : " fails: ");
        for (Term t : terms) {
            s.append(t.variable()).append(" = ").append(t.variable().valueAt(x, y)).append(", ");
        }
        return s.append("left - right = ").append(valueAt(x, y)).toString();
    }

    /**
     * The inequality with positive terms on the left and negative ones on the right, the constant on the side
     * without variables (or, when both sides have variables, on the side where it is positive), e.g.
     * {@code Y_1 <= Y_0}, {@code 3.99 <= Y_0}, {@code Y_0 <= -1} or {@code 2*X_0 + X_1 <= 1}.
     */
    @Override
    public String toString() {
        List<String> left = variables(true);
        List<String> right = variables(false);
        if (terms.isEmpty()) {
            return number(constant) + " <= 0";
        }
        if (right.isEmpty()) {
            return String.join(" + ", left) + " <= " + number(-constant);
        }
        if (left.isEmpty()) {
            return number(constant) + " <= " + String.join(" + ", right);
        }
        if (constant > 0) {
            left.add(number(constant));
        } else if (constant < 0) {
            right.add(number(-constant));
        }
        return String.join(" + ", left) + " <= " + String.join(" + ", right);
    }

    /** The terms of one sign, made positive, as text. */
    private List<String> variables(boolean positive) {
        List<String> parts = new ArrayList<>();
        for (Term t : terms) {
            if ((t.coefficient() > 0) == positive) {
                double c = Math.abs(t.coefficient());
                parts.add(c == 1.0 ? t.variable().toString() : number(c) + "*" + t.variable());
            }
        }
        return parts;
    }

    /** Integers without a fraction ({@code 2}, not {@code 2.0}); other numbers as {@link Double#toString}. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
