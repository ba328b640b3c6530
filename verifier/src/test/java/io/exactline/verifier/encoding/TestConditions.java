package io.exactline.verifier.encoding;

import java.time.Duration;
import java.util.List;

import io.exactline.verifier.Deadline;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.property.Conjunction;
import io.exactline.verifier.property.LinearInequality;
import io.exactline.verifier.property.OutputCondition;
import io.exactline.verifier.property.Term;
import io.exactline.verifier.property.Variable;

/** Conditions, boxes and deadlines for solver tests. */
public final class TestConditions {
    private TestConditions() {
    }

    /** A generous deadline for a test query. */
    public static Deadline deadline() {
        return Deadline.after(Duration.ofSeconds(120));
    }

    public static Box box(double[] lower, double[] upper) {
        return new Box(lower, upper);
    }

    /** {@code Y_j >= t}. */
    public static OutputCondition outputAtLeast(int j, double t) {
        return OutputCondition.of(LinearInequality.atLeast(Variable.output(j), t));
    }

    /** {@code Y_j <= t}. */
    public static OutputCondition outputAtMost(int j, double t) {
        return OutputCondition.of(LinearInequality.atMost(Variable.output(j), t));
    }

    /** {@code Y_i - Y_j >= t}, i.e. {@code -Y_i + Y_j + t <= 0}. */
    public static OutputCondition marginAtLeast(int i, int j, double t) {
        return OutputCondition.of(marginAtLeastAtom(i, j, t));
    }

    /** The inequality {@code Y_i - Y_j >= t}. */
    public static LinearInequality marginAtLeastAtom(int i, int j, double t) {
        return new LinearInequality(List.of(new Term(-1.0, Variable.output(i)), new Term(1.0, Variable.output(j))), t);
    }

    /** The condition that always holds: one empty conjunction. */
    public static OutputCondition always() {
        return new OutputCondition(List.of(Conjunction.TRUE));
    }
}
