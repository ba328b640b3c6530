package io.exactline.junit;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.assertj.core.api.AbstractAssert;

import io.exactline.acasxu.Advisory;
import io.exactline.acasxu.AdvisoryInterval;
import io.exactline.acasxu.LineAdvisories;
import io.exactline.acasxu.LineCertifier;
import io.exactline.core.line.ExactLine;
import io.exactline.core.line.LinePartition;
import io.exactline.core.network.Network;

/**
 * Exact assertions about a network along the segment {@code x(t) = a + t (b - a)}, {@code t in [0, 1]}, by
 * ExactLine: the segment splits into pieces on which the network is affine, so a fact checked at the piece ends
 * (or, for advisories, on the exact lower envelope of the scores, {@link LineCertifier}) holds on the whole
 * segment, with no sampling. Made by {@link NetworkAssert#onSegment}.
 *
 * <p>Exactness is that of ExactLine: the breakpoints and the outputs there are computed in floating point, so a
 * fact that holds only by a rounding error's margin may be decided either way.
 */
public final class SegmentAssert extends AbstractAssert<SegmentAssert, Network> {
    private final double[] a;
    private final double[] b;

    SegmentAssert(Network network, double[] a, double[] b) {
        super(network, SegmentAssert.class);
        this.a = a.clone();
        this.b = b.clone();
    }

    /** Passes when ExactLine splits the segment into at most {@code n} affine pieces. */
    public SegmentAssert hasAtMostPieces(int n) {
        int pieces = ExactLine.partition(actual, a, b).pieceCount();
        if (pieces > n) {
            throw failure("Expecting network %s to be affine on at most %d pieces of the segment%n%s%nbut ExactLine"
                    + " splits it into %d pieces.", actual.source(), n, segment(), pieces);
        }
        return myself;
    }

    /**
     * Passes when output {@code k} is strictly the largest output at every point of the segment (the network
     * classifies the whole segment as {@code k}). Each difference {@code y_k - y_j} is affine on each piece, so it
     * is positive on the piece when it is positive at both ends, which is what is checked.
     */
    public SegmentAssert alwaysClassifiesAs(int k) {
        if (k < 0 || k >= actual.outputSize()) {
            throw new IllegalArgumentException("class " + k + " is not one of the " + actual.outputSize()
                    + " outputs of " + actual.source());
        }
        LinePartition partition = ExactLine.partition(actual, a, b);
        for (int i = 0; i < partition.ratios().length; i++) {
            double[] y = partition.outputAtRatio(i);
            for (int j = 0; j < y.length; j++) {
                if (j != k && !(y[k] > y[j])) {
                    double t = partition.ratio(i);
                    throw failure("Expecting network %s to classify every point of the segment%n%s%nas %d, but at"
                            + " the piece end t = %s output %d = %s is not below output %d = %s:%n  x(t) = %s%n"
                            + "  f(x) = %s", actual.source(), segment(), k, t, j, y[j], k, y[k],
                            Arrays.toString(partition.inputAt(t)), Arrays.toString(y));
                }
            }
        }
        return myself;
    }

    /** Passes when the ACAS Xu advisory (the lowest of five scores) is {@code advisory} on the whole segment. */
    public SegmentAssert alwaysAdvises(Advisory advisory) {
        LineAdvisories line = LineCertifier.certifyNormalized(actual, a, b);
        for (AdvisoryInterval interval : line.intervals()) {
            if (interval.advisory() != advisory) {
                double t = interval.midpoint();
                double[] x = line.inputAt(t);
                throw failure("Expecting network %s to advise %s on the whole segment%n%s%nbut on t in [%s, %s] it"
                        + " advises %s:%n  at t = %s: x(t) = %s%n  scores f(x) = %s%nadvisories along the segment:"
                        + " %s", actual.source(), advisory, segment(), interval.tStart(), interval.tEnd(),
                        interval.advisory(), t, Arrays.toString(x), Arrays.toString(actual.evaluate(x)),
                        sequence(line.intervals()));
            }
        }
        return myself;
    }

    /**
     * Passes when the ACAS Xu advisories along the segment, from {@code t = 0} to {@code t = 1}, are exactly
     * {@code expected} in this order (each entry one maximal interval).
     */
    public SegmentAssert advisesInOrder(Advisory... expected) {
        LineAdvisories line = LineCertifier.certifyNormalized(actual, a, b);
        List<Advisory> seen = line.intervals().stream().map(AdvisoryInterval::advisory).toList();
        if (!seen.equals(List.of(expected))) {
            throw failure("Expecting network %s to advise %s in this order along the segment%n%s%nbut it advises %s",
                    actual.source(), List.of(expected), segment(), sequence(line.intervals()));
        }
        return myself;
    }

    private String segment() {
        return "  from a = " + Arrays.toString(a) + "\n  to   b = " + Arrays.toString(b);
    }

    private static String sequence(List<AdvisoryInterval> intervals) {
        return intervals.stream().map(i -> i.advisory() + " on [" + i.tStart() + ", " + i.tEnd() + "]")
                .collect(Collectors.joining(", "));
    }
}
