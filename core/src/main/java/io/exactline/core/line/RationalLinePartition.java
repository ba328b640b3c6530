package io.exactline.core.line;

import java.util.Arrays;
import java.util.List;

import org.apache.commons.numbers.fraction.BigFraction;

import io.exactline.core.network.Network;

/**
 * The exact partition of the segment {@code x(t) = a + t (b - a)}, {@code t in [0, 1]}, into the pieces on which
 * the real-number function of a network (its double parameters taken exactly) is affine: rational ratios
 * {@code 0 = t_0 < ... < t_k = 1} and the exact outputs at them. The counterpart of {@link LinePartition},
 * made by {@link ExactLineRational}.
 */
public final class RationalLinePartition {
    private final Network network;
    private final RationalNetwork exact;
    private final double[] start;
    private final double[] end;
    private final List<BigFraction> ratios;
    private final BigFraction[][] outputs;

    RationalLinePartition(Network network, RationalNetwork exact, double[] start, double[] end,
            List<BigFraction> ratios, BigFraction[][] outputs) {
        this.network = network;
        this.exact = exact;
        this.start = start.clone();
        this.end = end.clone();
        this.ratios = List.copyOf(ratios);
        this.outputs = outputs;
    }

    public Network network() {
        return network;
    }

    /** The segment start {@code a}. */
    public double[] start() {
        return start.clone();
    }

    /** The segment end {@code b}. */
    public double[] end() {
        return end.clone();
    }

    /** Number of affine pieces {@code k}. */
    public int pieceCount() {
        return ratios.size() - 1;
    }

    /** The ratios {@code t_0 .. t_k}. */
    public List<BigFraction> ratios() {
        return ratios;
    }

    /** The ratio {@code t_i}, {@code 0 <= i <= k}. */
    public BigFraction ratio(int i) {
        return ratios.get(i);
    }

    /** The exact network output at {@code t_i}. */
    public BigFraction[] outputAtRatio(int i) {
        return outputs[i].clone();
    }

    /** The input point {@code a + t (b - a)}, exactly. */
    public BigFraction[] inputAt(BigFraction t) {
        return exactInputAt(t).toFractions();
    }

    /** The network output at {@code a + t (b - a)}, evaluated exactly. */
    public BigFraction[] evaluateAt(BigFraction t) {
        return exact.evaluate(exactInputAt(t)).toFractions();
    }

    /** The activation pattern on piece {@code i}, decided exactly at the piece's midpoint. */
    public ActivationPattern patternOf(int i) {
        BigFraction midpoint = ratios.get(i).add(ratios.get(i + 1)).divide(2);
        return exact.pattern(exactInputAt(midpoint));
    }

    private ExactVector exactInputAt(BigFraction t) {
        return ExactVector.interpolate(ExactVector.of(start), ExactVector.of(end), t);
    }

    @Override
    public String toString() {
        return "RationalLinePartition(" + network.source() + ", " + pieceCount() + " pieces, from "
                + Arrays.toString(start) + " to " + Arrays.toString(end) + ")";
    }
}
