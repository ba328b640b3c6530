package io.exactline.acasxu;

import io.exactline.core.BadInputException;

/**
 * An interval of one ACAS Xu input in physical units, e.g. an axis of a slice.
 *
 * @param input the input
 * @param min the lower end
 * @param max the upper end, {@code > min}
 */
public record AxisRange(InputVariable input, double min, double max) {
    /** @throws BadInputException if the interval is empty or not finite, or leaves the input's domain */
    public AxisRange {
        if (!(Double.isFinite(min) && Double.isFinite(max) && min < max)) {
            throw new BadInputException(input.key() + " range [" + min + ", " + max + "] must have finite ends with"
                    + " min < max");
        }
        input.requireInDomain(min, "range start");
        input.requireInDomain(max, "range end");
    }

    /** The input's whole domain. */
    public static AxisRange full(InputVariable input) {
        return new AxisRange(input, input.min(), input.max());
    }

    /** Parses {@code name:min:max}, e.g. {@code rho:0:60760} or {@code theta:-pi:pi}. */
    public static AxisRange parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 3) {
            throw new BadInputException("axis '" + text + "' must be name:min:max, e.g. rho:0:60760 or theta:-pi:pi");
        }
        InputVariable input = InputVariable.parse(parts[0]);
        return new AxisRange(input, input.parseValue(parts[1]), input.parseValue(parts[2]));
    }

    /** Whether {@code v} lies in {@code [min, max]}. */
    public boolean contains(double v) {
        return v >= min && v <= max;
    }

    @Override
    public String toString() {
        return input.key() + ":" + min + ":" + max;
    }
}
