package io.exactline.verifier.bounds;

import java.util.Arrays;

import io.exactline.core.BadInputException;

/**
 * An axis-aligned box {@code {x : lower_i <= x_i <= upper_i}} of network inputs, the region bound propagation
 * works over. Bounds are finite and {@code lower_i <= upper_i} (a zero-width side is allowed). Immutable.
 */
public final class Box {
    private final double[] lower;
    private final double[] upper;

    /**
     * @param lower the lower corner
     * @param upper the upper corner, of the same length
     * @throws BadInputException if the lengths differ, a bound is not finite or {@code lower_i > upper_i}
     */
    public Box(double[] lower, double[] upper) {
        if (lower.length != upper.length) {
            throw new BadInputException("input box has " + lower.length + " lower and " + upper.length
                    + " upper bounds; give one of each per input");
        }
        for (int i = 0; i < lower.length; i++) {
            if (!Double.isFinite(lower[i]) || !Double.isFinite(upper[i])) {
                throw new BadInputException("input box bound " + i + " is [" + lower[i] + ", " + upper[i]
                        + "]; bounds must be finite numbers");
            }
            if (lower[i] > upper[i]) {
                throw new BadInputException("input box bound " + i + " is empty: lower " + lower[i]
                        + " > upper " + upper[i]);
            }
        }
        this.lower = lower.clone();
        this.upper = upper.clone();
    }

    /** The box {@code [center - radius, center + radius]} in every coordinate (an L-infinity ball). */
    public static Box around(double[] center, double radius) {
        double[] lo = new double[center.length];
        double[] hi = new double[center.length];
        for (int i = 0; i < center.length; i++) {
            lo[i] = Rounding.down(center[i] - radius);
            hi[i] = Rounding.up(center[i] + radius);
        }
        return new Box(lo, hi);
    }

    /** Number of coordinates. */
    public int dimension() {
        return lower.length;
    }

    /** The lower bound of coordinate {@code i}. */
    public double lower(int i) {
        return lower[i];
    }

    /** The upper bound of coordinate {@code i}. */
    public double upper(int i) {
        return upper[i];
    }

    /** A copy of the lower corner. */
    public double[] lower() {
        return lower.clone();
    }

    /** A copy of the upper corner. */
    public double[] upper() {
        return upper.clone();
    }

    /** {@code upper_i - lower_i}, rounded to nearest. */
    public double width(int i) {
        return upper[i] - lower[i];
    }

    /** The midpoint, each coordinate rounded to nearest and kept inside the box. */
    public double[] center() {
        double[] c = new double[lower.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = midpoint(i);
        }
        return c;
    }

    private double midpoint(int i) {
        double m = lower[i] + 0.5 * (upper[i] - lower[i]);
        return Math.min(upper[i], Math.max(lower[i], m));
    }

    /** Whether {@code x} lies in the box. */
    public boolean contains(double[] x) {
        if (x.length != lower.length) {
            return false;
        }
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] >= lower[i] && x[i] <= upper[i])) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code other} lies inside this box. */
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
     * The two halves of the box cut at the midpoint of coordinate {@code i}: element 0 takes
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

    @Override
    public boolean equals(Object other) {
        return other instanceof Box b && Arrays.equals(lower, b.lower) && Arrays.equals(upper, b.upper);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lower) + Arrays.hashCode(upper);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Box[");
        for (int i = 0; i < lower.length; i++) {
            s.append(i == 0 ? "" : ", ").append('[').append(lower[i]).append(", ").append(upper[i]).append(']');
        }
        return s.append(']').toString();
    }
}
