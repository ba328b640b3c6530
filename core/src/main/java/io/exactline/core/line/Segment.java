package io.exactline.core.line;

import java.util.Arrays;

import io.exactline.core.BadInputException;

/**
 * The segment {@code x(t) = start + t (end - start)}, {@code t in [0, 1]}, between two input points of equal
 * length; {@code start == end} is allowed (a single point).
 *
 * @param start the point at {@code t = 0}
 * @param end the point at {@code t = 1}
 * @throws BadInputException if the ends differ in length
 */
public record Segment(double[] start, double[] end) {
    public Segment {
        if (start.length != end.length) {
            throw new BadInputException("segment ends differ in length: start has " + start.length
                    + " values, end has " + end.length + "; both must be inputs of the same network");
        }
        start = start.clone();
        end = end.clone();
    }

    @Override
    public double[] start() {
        return start.clone();
    }

    @Override
    public double[] end() {
        return end.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Segment s && Arrays.equals(start, s.start) && Arrays.equals(end, s.end);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(start) + Arrays.hashCode(end);
    }

    @Override
    public String toString() {
        return "Segment[" + Arrays.toString(start) + " -> " + Arrays.toString(end) + "]";
    }
}
