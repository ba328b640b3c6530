package io.exactline.cli;

import java.util.Locale;

/**
 * How the CLI writes numbers: C's {@code %.17g} (17 significant digits, decimal point {@code .}, exponent form
 * below 1e-4 and from 1e17 on). Seventeen significant digits identify every double, so reading a printed number
 * back (Java, Python, C {@code strtod}) gives exactly the double computed.
 */
final class NumberText {
    private NumberText() {
    }

    /** {@code value} as {@code %.17g}; {@code NaN}, {@code Infinity} and {@code -Infinity} for non-finite values. */
    static String of(double value) {
        return String.format(Locale.ROOT, "%.17g", value);
    }

    /** The values as {@code %.17g}, separated by commas, without spaces. */
    static String commaSeparated(double[] values) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ",").append(of(values[i]));
        }
        return s.toString();
    }

    /** A JSON number as {@code %.17g}; JSON has no NaN or infinities, so those are written as {@code null}. */
    static String json(double value) {
        return Double.isFinite(value) ? of(value) : "null";
    }

    /** A JSON array of numbers. */
    static String jsonArray(double[] values) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ", ").append(json(values[i]));
        }
        return s.append(']').toString();
    }
}
