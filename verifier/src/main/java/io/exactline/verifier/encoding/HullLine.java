package io.exactline.verifier.encoding;

/**
 * A line bounding an activation's graph over an interval: {@code y <= slope z + intercept} ({@code upper}) or
 * {@code y >= slope z + intercept}, valid in exact arithmetic for every {@code z} of the interval.
 */
public record HullLine(double slope, double intercept, boolean upper) {
}
