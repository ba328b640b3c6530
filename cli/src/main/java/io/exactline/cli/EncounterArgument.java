package io.exactline.cli;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import io.exactline.acasxu.EncounterState;
import io.exactline.acasxu.InputVariable;
import io.exactline.core.BadInputException;

/**
 * ACAS Xu inputs named on the command line: {@code name=value} pairs separated by commas, such as
 * {@code rho=5000,theta=0.3,psi=pi}. Names are {@code rho, theta, psi, vown, vint}; the angles also take multiples
 * of pi ({@code pi}, {@code -0.5pi}). Inputs left out take the middle of the domain.
 */
final class EncounterArgument {
    private EncounterArgument() {
    }

    /** The named values, each input at most once. */
    static Map<InputVariable, Double> values(String option, String text) {
        Map<InputVariable, Double> values = new EnumMap<>(InputVariable.class);
        if (text.isBlank()) {
            throw new BadInputException(option + ": no values; write name=value pairs such as rho=5000,theta=0.3");
        }
        for (String pair : text.split(",", -1)) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new BadInputException(option + ": '" + pair + "' is not name=value; write e.g. rho=5000,theta=0.3"
                        + " with names rho, theta, psi, vown, vint");
            }
            InputVariable input;
            try {
                input = InputVariable.parse(pair.substring(0, eq));
            } catch (BadInputException e) {
                throw new BadInputException(option + ": " + e.getMessage(), e);
            }
            double value;
            try {
                value = input.parseValue(pair.substring(eq + 1));
            } catch (BadInputException e) {
                throw new BadInputException(option + ": " + e.getMessage(), e);
            }
            if (values.put(input, value) != null) {
                throw new BadInputException(option + ": " + input.key() + " is given twice");
            }
        }
        return values;
    }

    /** The encounter with the named values, the others at the middle of their domain. */
    static EncounterState state(String option, String text) {
        return complete(values(option, text));
    }

    /** The encounter with {@code values}, the inputs not in it at the middle of their domain. */
    static EncounterState complete(Map<InputVariable, Double> values) {
        double[] v = new double[5];
        for (InputVariable input : InputVariable.values()) {
            v[input.index()] = values.getOrDefault(input, 0.5 * (input.min() + input.max()));
        }
        return EncounterState.of(v);
    }

    /** {@code rho=...,theta=...,psi=...,vown=...,vint=...} with the shortest decimals that read back exactly. */
    static String format(EncounterState state) {
        return format(state, Set.of());
    }

    /** Like {@link #format(EncounterState)}, leaving out the inputs in {@code omitted}. */
    static String format(EncounterState state, Set<InputVariable> omitted) {
        double[] v = state.toArray();
        StringBuilder s = new StringBuilder();
        for (InputVariable input : InputVariable.values()) {
            if (!omitted.contains(input)) {
                s.append(s.length() == 0 ? "" : ",").append(input.key()).append('=').append(v[input.index()]);
            }
        }
        return s.toString();
    }
}
