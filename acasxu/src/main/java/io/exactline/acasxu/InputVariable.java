package io.exactline.acasxu;

import java.util.Locale;

import io.exactline.core.BadInputException;

/** The five ACAS Xu inputs, in network order, with their names and physical units. */
public enum InputVariable {
    /** Distance from ownship to intruder. */
    RHO("rho", "\u03c1", "ft"),
    /** Angle to the intruder relative to the ownship heading, counterclockwise. */
    THETA("theta", "\u03b8", "rad"),
    /** Heading of the intruder relative to the ownship heading, counterclockwise. */
    PSI("psi", "\u03c8", "rad"),
    /** Ownship speed. */
    VOWN("vown", "v_own", "ft/s"),
    /** Intruder speed. */
    VINT("vint", "v_int", "ft/s");

    private final String key;
    private final String symbol;
    private final String unit;

    InputVariable(String key, String symbol, String unit) {
        this.key = key;
        this.symbol = symbol;
        this.unit = unit;
    }

    /** Position in the network input, 0 for rho ... 4 for v_int. */
    public int index() {
        return ordinal();
    }

    /** The ASCII name used on command lines, e.g. {@code rho}, {@code vown}. */
    public String key() {
        return key;
    }

    /** The usual symbol, e.g. the Greek rho, or {@code v_own}. */
    public String symbol() {
        return symbol;
    }

    /** The physical unit. */
    public String unit() {
        return unit;
    }

    /** Smallest value in the networks' domain. */
    public double min() {
        return Normalization.MIN[ordinal()];
    }

    /** Largest value in the networks' domain. */
    public double max() {
        return Normalization.MAX[ordinal()];
    }

    /** Parses {@code rho}, {@code theta}, {@code psi}, {@code vown}/{@code v_own}, {@code vint}/{@code v_int}. */
    public static InputVariable parse(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT).replace("_", "");
        for (InputVariable v : values()) {
            if (v.key.equals(key)) {
                return v;
            }
        }
        throw new BadInputException("unknown ACAS Xu input '" + name + "'; use one of rho, theta, psi, vown, vint");
    }

    /**
     * Parses a value of this input: a decimal number, or for the angles a multiple of pi such as {@code pi},
     * {@code -pi}, {@code 0.5pi}.
     */
    public double parseValue(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("pi")) {
                String factor = t.substring(0, t.length() - 2).replace("*", "");
                double f = factor.isEmpty() || factor.equals("+") ? 1 : factor.equals("-") ? -1
                        : Double.parseDouble(factor);
                return f * Math.PI;
            }
            double v = Double.parseDouble(t);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            throw new BadInputException(key + " value '" + text + "' is not a number", e);
        }
        throw new BadInputException(key + " value '" + text + "' is not a finite number");
    }

    /**
     * Checks that {@code value} lies in the domain.
     *
     * @param what names the value in the message
     */
    public void requireInDomain(double value, String what) {
        if (!(value >= min() && value <= max())) {
            throw new BadInputException(what + " " + key + " = " + value + " lies outside the ACAS Xu domain ["
                    + min() + ", " + max() + "] " + unit);
        }
    }
}
