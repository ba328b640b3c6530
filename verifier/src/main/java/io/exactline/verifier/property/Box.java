package io.exactline.verifier.property;

import java.util.Arrays;
import java.util.Optional;

import io.exactline.core.BadInputException;

/**
 * An axis-aligned box {@code {x : lower_i <= x_i <= upper_i for every i}} over the network inputs.
 *
 * <p>Bounds are finite and {@code lower_i <= upper_i}; a zero-width side ({@code lower_i == upper_i}) fixes that
 * input. Both ends are included. The arrays are copied in and out, so a box is immutable.
 */
public record Box(double[] lower, double[] upper) {
    /** How many coordinates {@link #toString()} prints before it abbreviates. */
    private static final int PRINTED_COORDINATES = 8;

    public Box {
        if (lower.length != upper.length) {
            throw new BadInputException("a box needs one lower and one upper bound per input, but got "
                    + lower.length + " lower and " + upper.length + " upper bounds");
        }
        if (lower.length == 0) {
            throw new BadInputException("a box needs at least one input");
        }
        lower = lower.clone();
        upper = upper.clone();
        for (int i = 0; i < lower.length; i++) {
            if (!Double.isFinite(lower[i]) || !Double.isFinite(upper[i])) {
                throw new BadInputException("box input " + i + " has bounds [" + lower[i] + ", " + upper[i]
                        + "]; bounds must be finite numbers");
            }
            if (lower[i] > upper[i]) {
                throw new BadInputException("box input " + i + " has lower bound " + lower[i]
                        + " above its upper bound " + upper[i] + "; give lower <= upper");
            }
        }
    }

    /** The box of the points within {@code radius} of {@code center} in the max norm, every side clipped to [min, max]. */
    public static Box around(double[] center, double radius, double min, double max) {
        double[] lower = new double[center.length];
        double[] upper = new double[center.length];
        for (int i = 0; i < center.length; i++) {
            lower[i] = Math.max(min, center[i] - radius);
            upper[i] = Math.min(max, center[i] + radius);
        }
        return new Box(lower, upper);
    }

    /** Number of inputs (coordinates). */
    public int dimension() {
        return lower.length;
    }

    /** A copy of the lower bounds. */
    @Override
    public double[] lower() {
        return lower.clone();
    }

    /** A copy of the upper bounds. */
    @Override
    public double[] upper() {
        return upper.clone();
    }

    /** The lower bound of input {@code i}. */
    public double lower(int i) {
        return lower[i];
    }

    /** The upper bound of input {@code i}. */
    public double upper(int i) {
        return upper[i];
    }

    /** {@code upper_i - lower_i}. */
    public double width(int i) {
        return upper[i] - lower[i];
    }

    /** Whether {@code lower_i <= x_i <= upper_i} for every i, compared exactly. */
    public boolean contains(double[] x) {
        checkDimension(x);
        for (int i = 0; i < lower.length; i++) {
            if (!(lower[i] <= x[i] && x[i] <= upper[i])) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code lower_i - tolerance <= x_i <= upper_i + tolerance} for every i. */
    public boolean contains(double[] x, double tolerance) {
        checkDimension(x);
        for (int i = 0; i < lower.length; i++) {
            if (!(lower[i] - tolerance <= x[i] && x[i] <= upper[i] + tolerance)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first coordinate of {@code x} outside the box, or -1 when {@code x} is inside. Compared exactly, like
     * {@link #contains(double[])}.
     */
    public int firstOutside(double[] x) {
        checkDimension(x);
        for (int i = 0; i < lower.length; i++) {
            if (!(lower[i] <= x[i] && x[i] <= upper[i])) {
                return i;
            }
        }
        return -1;
    }

    /** The centre {@code (lower + upper) / 2}, rounded into the box. */
    public double[] midpoint() {
        double[] mid = new double[lower.length];
        for (int i = 0; i < lower.length; i++) {
            mid[i] = midpoint(i);
        }
        return mid;
    }

    /** Coordinate {@code i} of {@link #midpoint()}. */
    private double midpoint(int i) {
        return clamp(i, 0.5 * lower[i] + 0.5 * upper[i]);
    }

    /** Whether {@code other} lies inside this box (false for another dimension). */
    public boolean contains(Box other) {
        if (other.lower.length != lower.length) {
            return false;
        }
        for (int i = 0; i < lower.length; i++) {
            if (other.lower[i] < lower[i] || other.upper[i] > upper[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether coordinate {@code i} has a double strictly between its bounds, so that {@link #bisect} shrinks it. */
    public boolean canBisect(int i) {
        double m = midpoint(i);
        return m > lower[i] && m < upper[i];
    }

    /**
     * The two halves of the box cut at coordinate {@code i} of the {@link #midpoint()} {@code m}: element 0 takes
     * {@code [lower_i, m]}, element 1 {@code [m, upper_i]}. Together they cover the box exactly.
     */
    public Box[] bisect(int i) {
        double m = midpoint(i);
        double[] hiLeft = upper.clone();
        hiLeft[i] = m;
        double[] loRight = lower.clone();
        loRight[i] = m;
        return new Box[] {new Box(lower, hiLeft), new Box(loRight, upper)};
    }

    /** {@code v} moved to the nearest point of {@code [lower_i, upper_i]}. */
    public double clamp(int i, double v) {
        return Math.min(upper[i], Math.max(lower[i], v));
    }

    /** Whether this box and {@code other} (of the same dimension) share a point, faces included. */
    public boolean meets(Box other) {
        for (int i = 0; i < lower.length; i++) {
            if (upper[i] < other.lower[i] || other.upper[i] < lower[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The points this box and {@code other} (of the same dimension) share, {@code [max(l_i, l'_i), min(u_i, u'_i)]}
     * per coordinate; empty when they do not {@link #meets meet}.
     */
    public Optional<Box> intersection(Box other) {
        if (!meets(other)) {
            return Optional.empty();
        }
        double[] lo = new double[lower.length];
        double[] hi = new double[lower.length];
        for (int i = 0; i < lower.length; i++) {
            lo[i] = Math.max(lower[i], other.lower[i]);
            hi[i] = Math.min(upper[i], other.upper[i]);
        }
        return Optional.of(new Box(lo, hi));
    }

    /** The point of the box nearest to {@code x}: each coordinate {@link #clamp(int, double) clamped}. */
    public double[] clamp(double[] x) {
        double[] c = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            c[i] = clamp(i, x[i]);
        }
        return c;
    }

    /** The smallest box containing this box and {@code other}. */
    public Box hull(Box other) {
        if (other.dimension() != dimension()) {
            throw new BadInputException("cannot join a box of " + dimension() + " inputs with one of "
                    + other.dimension());
        }
        double[] lo = new double[lower.length];
        double[] hi = new double[lower.length];
        for (int i = 0; i < lower.length; i++) {
            lo[i] = Math.min(lower[i], other.lower[i]);
            hi[i] = Math.max(upper[i], other.upper[i]);
        }
        return new Box(lo, hi);
    }

    private void checkDimension(double[] x) {
        if (x.length != lower.length) {
            throw new BadInputException("point has " + x.length + " coordinates but the box has " + lower.length
                    + " inputs");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Box b && Arrays.equals(lower, b.lower) && Arrays.equals(upper, b.upper);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lower) + Arrays.hashCode(upper);
    }

    /** The first few sides, e.g. {@code Box[X_0 in [0.6, 0.68], X_1 in [-0.5, 0.5], ... (784 inputs)]}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Box[");
        int shown = Math.min(lower.length, PRINTED_COORDINATES);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                s.append(", ");
            }
            s.append(Variable.input(i)).append(" in [").append(lower[i]).append(", ").append(upper[i]).append(']');
        }
        if (shown < lower.length) {
            s.append(", ... (").append(lower.length).append(" inputs)");
        }
        return s.append(']').toString();
    }
}
