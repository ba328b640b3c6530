package io.exactline.verifier.property;

/**
 * One case of a {@link Property}: an input box, optional further linear constraints on the inputs, and the
 * unsafe condition on the outputs that applies to inputs of this case.
 *
 * <p>The case holds at {@code (x, y)} when {@code x} is in the box, {@code x} satisfies the input constraints and
 * {@code y} satisfies the output condition.
 *
 * @param box the input box
 * @param inputConstraints further linear constraints over the inputs only ({@link Conjunction#TRUE} if none)
 * @param outputCondition the unsafe condition
 */
public record PropertyCase(Box box, Conjunction inputConstraints, OutputCondition outputCondition) {
    public PropertyCase {
        if (box == null || inputConstraints == null || outputCondition == null) {
            throw new IllegalArgumentException("a property case needs a box, input constraints and an output condition");
        }
        for (LinearInequality q : inputConstraints.inequalities()) {
            if (q.readsOutputs()) {
                throw new IllegalArgumentException("input constraint " + q + " reads outputs; put it into the"
                        + " output condition");
            }
        }
    }

    /** A case with a box and an output condition and no further input constraints. */
    public PropertyCase(Box box, OutputCondition outputCondition) {
        this(box, Conjunction.TRUE, outputCondition);
    }

    /** Whether {@code x} lies in this case's input region (the box and the input constraints), exactly. */
    public boolean contains(double[] x) {
        return box.contains(x) && inputConstraints.holdsAt(x, new double[0]);
    }

    /** Whether the case holds exactly at {@code (x, y)}. */
    public boolean holdsAt(double[] x, double[] y) {
        return contains(x) && outputCondition.holdsAt(x, y);
    }

    /** Whether the case holds at {@code (x, y)} with every bound and inequality relaxed by {@code tolerance}. */
    public boolean holdsAt(double[] x, double[] y, double tolerance) {
        return box.contains(x, tolerance) && inputConstraints.holdsAt(x, y, tolerance)
                && outputCondition.holdsAt(x, y, tolerance);
    }

    @Override
    public String toString() {
        String constraints = inputConstraints.inequalities().isEmpty() ? "" : " and " + inputConstraints;
        return "X in " + box + constraints + " and (" + outputCondition + ")";
    }
}
