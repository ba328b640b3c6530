package io.exactline.core.line;

import io.exactline.core.Vectors;

/**
 * One piece {@code [tStart, tEnd]} of a segment's partition: on it the network is affine, so the output at ratio
 * {@code t} is the linear interpolation of the endpoint outputs.
 *
 * @param index position of the piece along the segment, from 0
 * @param tStart ratio where the piece starts, in [0, 1]
 * @param tEnd ratio where the piece ends, {@code tEnd > tStart} unless the segment is a single point
 * @param outputStart network output at {@code tStart}
 * @param outputEnd network output at {@code tEnd}
 */
public record Piece(int index, double tStart, double tEnd, double[] outputStart, double[] outputEnd) {
    public Piece {
        outputStart = outputStart.clone();
        outputEnd = outputEnd.clone();
    }

    @Override
    public double[] outputStart() {
        return outputStart.clone();
    }

    @Override
    public double[] outputEnd() {
        return outputEnd.clone();
    }

    /** Length {@code tEnd - tStart} as a fraction of the segment. */
    public double length() {
        return tEnd - tStart;
    }

    /** The output at ratio {@code t} in [tStart, tEnd], interpolated (exact up to rounding, as f is affine here). */
    public double[] outputAt(double t) {
        double w = tEnd > tStart ? (t - tStart) / (tEnd - tStart) : 0.0;
        double[] y = new double[outputStart.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = outputStart[i] + w * (outputEnd[i] - outputStart[i]);
        }
        return y;
    }

    /** The output at the piece's midpoint. */
    public double[] outputAtMidpoint() {
        return outputAt(0.5 * (tStart + tEnd));
    }

    /** The index of the largest output at the midpoint (lowest index on ties): the predicted class. */
    public int argmax() {
        return Vectors.argmax(outputAtMidpoint());
    }

    /** The index of the smallest output at the midpoint (lowest index on ties): e.g. the ACAS Xu advisory. */
    public int argmin() {
        return Vectors.argmin(outputAtMidpoint());
    }
}
