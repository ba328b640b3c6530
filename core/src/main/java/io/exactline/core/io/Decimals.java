package io.exactline.core.io;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Strict parsing of decimal numbers written as text in network files and on the command line.
 *
 * <p>Accepted: an optional sign, digits with an optional decimal point (or a point followed by digits), and an
 * optional exponent, e.g. {@code 1}, {@code -0.5}, {@code .25}, {@code 3.}, {@code 6.02e23}, {@code 1E-5}. The words
 * {@code nan}, {@code inf} and {@code infinity} (any case, with a sign for the infinities) are recognised so that
 * callers can reject them with a message saying the value is not finite. Everything else that
 * {@link Double#parseDouble} would take (hexadecimal floats, {@code d}/{@code f} suffixes, surrounding spaces)
 * is refused.
 */
public final class Decimals {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
    private static final Pattern NON_FINITE = Pattern.compile("(?:[+-]?(?:inf|infinity)|nan)");

    private Decimals() {
    }

    /**
     * The value of {@code token}, rounded to the nearest double; NaN or an infinity for the words above, or for a
     * decimal beyond the double range.
     *
     * @throws NumberFormatException if {@code token} is not a decimal number in the syntax above
     */
    public static double parse(String token) {
        if (DECIMAL.matcher(token).matches()) {
            return Double.parseDouble(token);
        }
        String word = token.toLowerCase(Locale.ROOT);
        if (NON_FINITE.matcher(word).matches()) {
            return word.equals("nan") ? Double.NaN
                    : word.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        throw new NumberFormatException("'" + token + "' is not a decimal number");
    }
}
