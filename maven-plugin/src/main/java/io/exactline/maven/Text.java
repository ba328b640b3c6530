package io.exactline.maven;

import java.util.Locale;

/** Number and text formatting shared by the reports. */
final class Text {
    private Text() {
    }

    /** A vector as {@code [v0, v1, ...]} with every double in full precision ({@link Double#toString}). */
    static String vector(double[] values) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            s.append(i > 0 ? ", " : "").append(values[i]);
        }
        return s.append(']').toString();
    }

    /** Seconds with three decimals. */
    static String seconds(CheckResult result) {
        return String.format(Locale.ROOT, "%.3f", result.seconds());
    }

    /** The outcome in lower case, as the reports show it. */
    static String outcome(Outcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }

    /** The verdict and how it was reached, e.g. {@code unsat (engine auto, 0.412 s)} or {@code sat (cached)}. */
    static String verdict(CheckResult result) {
        return result.verdict() + " (engine " + result.engine() + ", "
                + (result.cached() ? "from cache" : seconds(result) + " s") + ")";
    }
}
