package io.exactline.acasxu;

import io.exactline.core.BadInputException;

/**
 * A maximal interval {@code [tStart, tEnd]} of a segment {@code x(t) = a + t (b - a)} on which the ACAS Xu
 * advisory (the minimal score) is constant. At the ends the advisory may tie with a neighbour's.
 *
 * @param tStart where the interval starts, in [0, 1]
 * @param tEnd where it ends, {@code tEnd > tStart} unless the segment is a single point
 * @param advisory the advisory on the interval's interior
 */
public record AdvisoryInterval(double tStart, double tEnd, Advisory advisory) {
    public AdvisoryInterval {
        if (!(tStart >= 0 && tEnd <= 1 && tStart <= tEnd) || advisory == null) {
            throw new BadInputException("an advisory interval needs 0 <= tStart <= tEnd <= 1 and an advisory, got ["
                    + tStart + ", " + tEnd + "] " + advisory);
        }
    }

    /** The length {@code tEnd - tStart}, as a fraction of the segment. */
    public double length() {
        return tEnd - tStart;
    }

    /** The middle of the interval. */
    public double midpoint() {
        return 0.5 * (tStart + tEnd);
    }
}
