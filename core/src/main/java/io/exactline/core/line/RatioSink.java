package io.exactline.core.line;

/** Receives the ratios in (0, 1) at which a piecewise-linear layer changes piece along a segment. */
@FunctionalInterface
public interface RatioSink {
    /** Accepts one ratio {@code r} with {@code 0 < r < 1}. */
    void accept(double r);
}
