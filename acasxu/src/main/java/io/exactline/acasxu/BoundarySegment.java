package io.exactline.acasxu;

/**
 * A segment of a slice, in slice coordinates, along which two different advisories meet: on one side of it
 * {@code lower} holds, on the other {@code higher} (the advisory with the larger output index).
 *
 * @param u0 start, horizontal slice coordinate
 * @param w0 start, vertical slice coordinate
 * @param u1 end, horizontal slice coordinate
 * @param w1 end, vertical slice coordinate
 * @param lower the advisory on one side, the one with the smaller output index
 * @param higher the advisory on the other side
 */
public record BoundarySegment(double u0, double w0, double u1, double w1, Advisory lower, Advisory higher) {
}
