package io.exactline.verifier.pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import io.exactline.core.BadInputException;
import io.exactline.verifier.encoding.ExactConditions;
import io.exactline.verifier.encoding.LinearObjective;

/**
 * An output property {@code P(y)}: a conjunction of atoms {@code e(y) >= 0} over the network's outputs (ties count
 * as satisfying, so {@code argmax = k} means {@code y_k} is <em>a</em> greatest output).
 *
 * @param atoms the expressions over the outputs {@code Y_j} that must all be {@code >= 0}
 * @param outputCount the number of outputs of the network the property is over
 * @param description a short name for reports, such as {@code argmin=0}
 */
public record OutputProperty(List<LinearObjective> atoms, int outputCount, String description) {
    private static final double[] NO_INPUTS = new double[0];

    /**
     * @throws BadInputException if there are no atoms or an atom reads an input or an output beyond
     *         {@code outputCount}
     */
    public OutputProperty {
        atoms = List.copyOf(atoms);
        if (atoms.isEmpty()) {
            throw new BadInputException("output property '" + description + "' has no atoms");
        }
        for (LinearObjective e : atoms) {
            ExactConditions.checkVariables(e.terms(), 0, outputCount, "atom of output property '" + description + "'");
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
        List<LinearObjective> atoms = new ArrayList<>();
        for (int j = 0; j < outputs; j++) {
            if (j != k) {
                atoms.add(sign > 0 ? LinearObjective.difference(k, j) : LinearObjective.difference(j, k));
            }
        }
        return new OutputProperty(atoms, outputs, description);
    }

    /** Whether {@code P(y)} holds in floating point. */
    public boolean holdsAt(double[] y) {
        return firstViolated(y).isEmpty();
    }

    /** The first atom with {@code e(y) < 0} in floating point, if any. */
    public OptionalInt firstViolated(double[] y) {
        for (int a = 0; a < atoms.size(); a++) {
            if (!(atoms.get(a).valueAt(NO_INPUTS, y) >= 0.0)) {
                return OptionalInt.of(a);
            }
        }
        return OptionalInt.empty();
    }
}
