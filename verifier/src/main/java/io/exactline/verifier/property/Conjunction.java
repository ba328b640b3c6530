package io.exactline.verifier.property;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A conjunction of linear inequalities: it holds at a point when every inequality does. The empty conjunction
 * always holds.
 */
public record Conjunction(List<LinearInequality> inequalities) {
    /** The conjunction of no inequalities, which always holds. */
    public static final Conjunction TRUE = new Conjunction(List.of());

    public Conjunction {
        inequalities = List.copyOf(inequalities);
    }

    /** The conjunction of the given inequalities. */
    public static Conjunction of(LinearInequality... inequalities) {
        return new Conjunction(List.of(inequalities));
    }

    /** Whether every inequality holds exactly at {@code (x, y)} (see {@link LinearInequality#holdsAt(double[], double[])}). */
    public boolean holdsAt(double[] x, double[] y) {
        for (LinearInequality q : inequalities) {
            if (!q.holdsAt(x, y)) {
                return false;
            }
        }
        return true;
    }

    /** Whether every inequality holds at {@code (x, y)} up to {@code tolerance}. */
    public boolean holdsAt(double[] x, double[] y, double tolerance) {
        for (LinearInequality q : inequalities) {
            if (!q.holdsAt(x, y, tolerance)) {
                return false;
            }
        }
        return true;
    }

    /** The first inequality that fails exactly at {@code (x, y)}, if any. */
    public Optional<LinearInequality> firstFailing(double[] x, double[] y) {
        return inequalities.stream().filter(q -> !q.holdsAt(x, y)).findFirst();
    }

    /** Every inequality described at {@code (x, y)} (see {@link LinearInequality#describeAt}), joined by "; ". */
    public String describeAt(double[] x, double[] y) {
        if (inequalities.isEmpty()) {
            return "true";
        }
        return inequalities.stream().map(q -> q.describeAt(x, y)).collect(Collectors.joining("; "));
    }

    /** The inequalities joined by {@code and}; {@code true} when there are none. */
    @Override
    public String toString() {
        if (inequalities.isEmpty()) {
            return "true";
        }
        return inequalities.stream().map(LinearInequality::toString).collect(Collectors.joining(" and "));
    }
}
