package io.exactline.acasxu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import io.exactline.core.BadInputException;
import io.exactline.core.Vectors;

/**
 * The advisories of an ACAS Xu network along a segment {@code x(t) = a + t (b - a)}, {@code t in [0, 1]}, of
 * normalised inputs: the ordered intervals on which the minimal score is one advisory, adjacent intervals having
 * different advisories. Made by {@link LineCertifier}, which states how exact the boundaries are.
 *
 * @param source the network's source, for reports
 * @param start the normalised segment start {@code a}
 * @param end the normalised segment end {@code b}
 * @param pieces the number of ExactLine pieces (affine pieces) of the segment
 * @param intervals the advisory intervals in order, from {@code t = 0} to {@code t = 1}, without gaps
 */
public record LineAdvisories(String source, double[] start, double[] end, int pieces,
        List<AdvisoryInterval> intervals) {
    public LineAdvisories {
        start = start.clone();
        end = end.clone();
        intervals = List.copyOf(intervals);
    }

    @Override
    public double[] start() {
        return start.clone();
    }

    @Override
    public double[] end() {
        return end.clone();
    }

    /** The number of advisory switches along the segment: intervals minus one. */
    public int switches() {
        return intervals.size() - 1;
    }

    /** The shortest advisory interval (the first of equal ones). */
    public AdvisoryInterval shortest() {
        return intervals.stream().min(Comparator.comparingDouble(AdvisoryInterval::length)).orElseThrow();
    }

    /** The ratios where the advisory switches, increasing. */
    public double[] boundaries() {
        double[] t = new double[switches()];
        for (int i = 0; i < t.length; i++) {
            t[i] = intervals.get(i).tEnd();
        }
        return t;
    }

    /**
     * The interval that {@code t} falls in, taking intervals as half open, {@code [tStart, tEnd)}, the last one
     * closed; at a boundary that is the interval starting there.
     */
    public AdvisoryInterval intervalAt(double t) {
        if (!(t >= 0 && t <= 1)) {
            throw new BadInputException("a segment ratio must lie in [0, 1], got " + t);
        }
        int low = 0;
        int high = intervals.size() - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (intervals.get(mid).tStart() <= t) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return intervals.get(low);
    }

    /** The normalised input {@code a + t (b - a)}. */
    public double[] inputAt(double t) {
        return Vectors.interpolate(start, end, t);
    }

    /** The encounter at ratio {@code t}, in physical units. */
    public EncounterState stateAt(double t) {
        return EncounterState.fromNormalized(inputAt(t));
    }

    /**
     * The intervals that {@code samples} evenly spaced samples {@code t_k = k / (samples - 1)}, {@code k = 0 ..
     * samples - 1}, miss: those no sample falls in (with intervals half open as in {@link #intervalAt}). Sampling
     * at those points never sees these advisories there.
     *
     * @throws BadInputException if {@code samples < 2}
     */
    public List<AdvisoryInterval> missedBySampling(int samples) {
        if (samples < 2) {
            throw new BadInputException("sampling a segment needs at least 2 samples (both ends), got " + samples);
        }
        List<AdvisoryInterval> missed = new ArrayList<>();
        int last = intervals.size() - 1;
        for (int i = 0; i <= last; i++) {
            AdvisoryInterval interval = intervals.get(i);
            // Smallest k with t_k >= tStart; the interval is hit iff that t_k is < tEnd (<= 1 for the last one).
            double step = samples - 1;
            long k = (long) Math.ceil(interval.tStart() * step);
            while (k > 0 && (k - 1) / step >= interval.tStart()) {
                k--;
            }
            while (k / step < interval.tStart()) {
                k++;
            }
            double tk = k / step;
            boolean hit = k < samples && (i == last ? tk <= interval.tEnd() : tk < interval.tEnd());
            if (!hit) {
                missed.add(interval);
            }
        }
        return missed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LineAdvisories l && source.equals(l.source) && Arrays.equals(start, l.start)
                && Arrays.equals(end, l.end) && pieces == l.pieces && intervals.equals(l.intervals);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(start) + Arrays.hashCode(end)) + intervals.hashCode();
    }

    @Override
    public String toString() {
        return "LineAdvisories[" + source + ", " + Arrays.toString(start) + " -> " + Arrays.toString(end) + ", "
                + pieces + " pieces, " + intervals.size() + " intervals]";
    }
}
