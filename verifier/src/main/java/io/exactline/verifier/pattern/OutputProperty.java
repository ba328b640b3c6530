package io.exactline.verifier.pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import io.exactline.core.BadInputException;
import io.exactline.verifier.encoding.LinearExpression;

/**
 * An output property {@code P(y)}: a conjunction of atoms {@code e(y) >= 0} over the network's outputs (ties count
 * as satisfying, so {@code argmax = k} means {@code y_k} is <em>a</em> greatest output).
 *
 * @param atoms the expressions that must all be {@code >= 0}
 * @param description a short name for reports, such as {@code argmin=0}
 */
public record OutputProperty(List<LinearExpression> atoms, String description) {
    public OutputProperty {
        atoms = List.copyOf(atoms);
        if (atoms.isEmpty()) {
            throw new BadInputException("output property '" + description + "' has no atoms");
        }
        int n = atoms.get(0).size();
        for (LinearExpression e : atoms) {
            e.checkOutputs(n, "atom of output property '" + description + "'");
        }
    }

    /** {@code y_k >= y_j} for every {@code j}: output {@code k} is a greatest of {@code outputs}. */
    public static OutputProperty argmax(int k, int outputs) {
        return ranked(k, outputs, 1, "argmax=" + k);
    }

    /** {@code y_k <= y_j} for every {@code j}: output {@code k} is a least of {@code outputs} (ACAS Xu's advisory). */
    public static OutputProperty argmin(int k, int outputs) {
        return ranked(k, outputs, -1, "argmin=" + k);
    }

    private static OutputProperty ranked(int k, int outputs, int sign, String description) {
        if (k < 0 || k >= outputs || outputs < 2) {
            throw new BadInputException(description + " needs an output index in 0.." + (outputs - 1)
                    + " of a network with at least 2 outputs; it has " + outputs);
        }
        List<LinearExpression> atoms = new ArrayList<>();
        for (int j = 0; j < outputs; j++) {
            if (j != k) {
                atoms.add(sign > 0 ? LinearExpression.difference(k, j, outputs)
                        : LinearExpression.difference(j, k, outputs));
            }
        }
        return new OutputProperty(atoms, description);
    }

    /** Number of outputs the property is over. */
    public int outputCount() {
        return atoms.get(0).size();
    }

    /** Whether {@code P(y)} holds in floating point. */
    public boolean holdsAt(double[] y) {
        return firstViolated(y).isEmpty();
    }

    /** The first atom with {@code e(y) < 0} in floating point, if any. */
    public OptionalInt firstViolated(double[] y) {
        for (int a = 0; a < atoms.size(); a++) {
            if (!(atoms.get(a).evaluate(y) >= 0.0)) {
                return OptionalInt.of(a);
            }
        }
        return OptionalInt.empty();
    }
}
