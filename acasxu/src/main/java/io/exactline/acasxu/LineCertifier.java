package io.exactline.acasxu;

import java.util.ArrayList;
import java.util.List;

import io.exactline.core.BadInputException;
import io.exactline.core.line.ExactLine;
import io.exactline.core.line.LinePartition;
import io.exactline.core.network.Network;

/**
 * Exact ACAS Xu advisories along a segment of encounters (Sotoudeh and Thakur: ExactLine characterises decision
 * boundaries on a line exactly, where sampling can miss behaviour).
 *
 * <p>ExactLine splits the segment {@code x(t) = a + t (b - a)} into pieces {@code [t_i, t_{i+1}]} on which the
 * network is affine, so on piece {@code i} each score is the affine function {@code y_k(s) = y_k(t_i) + s (y_k(t_{i+1})
 * - y_k(t_i))} of the local ratio {@code s in [0, 1]}. The advisory there is the lowest of five lines: their lower
 * envelope, walked from {@code s = 0}. The current advisory {@code k} is overtaken by the advisory {@code j} whose
 * difference {@code g(s) = y_j(s) - y_k(s)} reaches 0 first while ending negative ({@code g(1) < 0}), at
 * {@code s = g(0) / (g(0) - g(1))}; its score at the end of the piece is strictly lower than {@code k}'s, so there
 * are at most four switches per piece. The switch point maps back to {@code t = t_i + s (t_{i+1} - t_i)}.
 * Adjacent intervals with the same advisory are merged, and intervals of length 0 (three scores meeting in a
 * point) dropped.
 *
 * <p>Exactness: every switch is computed in closed form from the scores at the piece's ends, with no search; its
 * error is rounding in the network evaluation (the scores at the ratios) and in two divisions, so the boundaries
 * are exact to floating-point precision. On ties the advisory with the lower score just after the tie wins, and
 * exact ties of whole pieces go to the lower advisory index, as {@link Advisory#of} does.
 */
public final class LineCertifier {
    private static final int SCORES = 5;

    private LineCertifier() {
    }

    /**
     * The advisories along the segment between two encounters in physical units.
     *
     * @throws BadInputException if an encounter lies outside the networks' domain ({@link EncounterState#inDomain})
     *         or the network does not map 5 inputs to 5 scores
     */
    public static LineAdvisories certify(Network network, EncounterState from, EncounterState to) {
        requireInDomain(from, "segment start");
        requireInDomain(to, "segment end");
        return certifyNormalized(network, from.normalized(), to.normalized());
    }

    /**
     * The advisories along the segment between two normalised input vectors, inside or outside the domain.
     *
     * @throws BadInputException if a vector does not have 5 finite entries or the network does not map 5 inputs to
     *         5 scores
     */
    public static LineAdvisories certifyNormalized(Network network, double[] a, double[] b) {
        if (network.inputSize() != SCORES || network.outputSize() != SCORES) {
            throw new BadInputException(network.source() + " takes " + network.inputSize() + " inputs and gives "
                    + network.outputSize() + " outputs; an ACAS Xu network maps 5 inputs to 5 scores");
        }
        LinePartition partition = ExactLine.partition(network, a, b);
        Switches switches = new Switches();
        double[] y0 = partition.outputAtRatio(0);
        for (int i = 0; i < partition.pieceCount(); i++) {
            double[] y1 = partition.outputAtRatio(i + 1);
            envelope(partition.ratio(i), partition.ratio(i + 1), y0, y1, switches);
            y0 = y1;
        }
        return new LineAdvisories(network.source(), a, b, partition.pieceCount(), switches.intervals());
    }

    /** Walks the lower envelope of the five scores on the piece {@code [t0, t1]} with end scores y0, y1. */
    private static void envelope(double t0, double t1, double[] y0, double[] y1, Switches switches) {
        int k = 0;
        for (int j = 1; j < SCORES; j++) {
            if (y0[j] < y0[k] || (y0[j] == y0[k] && y1[j] < y1[k])) {
                k = j;
            }
        }
        switches.add(t0, k);
        double s = 0.0;
        while (true) {
            int next = -1;
            double nextS = Double.POSITIVE_INFINITY;
            for (int j = 0; j < SCORES; j++) {
                double g0 = y0[j] - y0[k];
                double g1 = y1[j] - y1[k];
                if (j == k || !(g1 < 0)) {
                    continue;
                }
                double sj = g0 <= 0 ? s : Math.max(s, g0 / (g0 - g1));
                if (sj < nextS || (sj == nextS && y1[j] < y1[next])) {
                    next = j;
                    nextS = sj;
                }
            }
            if (next < 0 || nextS >= 1.0) {
                return;
            }
            k = next;
            s = nextS;
            switches.add(t0 + s * (t1 - t0), k);
        }
    }

    private static void requireInDomain(EncounterState state, String what) {
        if (!state.inDomain()) {
            double[] v = state.toArray();
            double[] min = Normalization.physicalMin();
            double[] max = Normalization.physicalMax();
            for (int i = 0; i < 5; i++) {
                if (v[i] < min[i] || v[i] > max[i]) {
                    throw new BadInputException(what + " " + EncounterState.NAMES[i] + " = " + v[i]
                            + " lies outside the ACAS Xu domain [" + min[i] + ", " + max[i] + "]; give a value"
                            + " inside it, or a normalised vector to analyse the network outside its domain");
                }
            }
        }
    }

    /** The advisory switches found so far, as (ratio, advisory) events in order. */
    private static final class Switches {
        private final List<Double> starts = new ArrayList<>();
        private final List<Integer> advisories = new ArrayList<>();

        void add(double t, int advisory) {
            int last = starts.size() - 1;
            if (last >= 0 && advisories.get(last) == advisory) {
                return;
            }
            if (last >= 0 && starts.get(last) >= t) {
                // The previous advisory held on an empty interval: replace it, then merge with the one before.
                starts.remove(last);
                advisories.remove(last);
                add(t, advisory);
                return;
            }
            starts.add(t);
            advisories.add(advisory);
        }

        List<AdvisoryInterval> intervals() {
            List<AdvisoryInterval> intervals = new ArrayList<>(starts.size());
            for (int i = 0; i < starts.size(); i++) {
                double end = i + 1 < starts.size() ? starts.get(i + 1) : 1.0;
                intervals.add(new AdvisoryInterval(starts.get(i), end, Advisory.ofOutput(advisories.get(i))));
            }
            return intervals;
        }
    }
}
