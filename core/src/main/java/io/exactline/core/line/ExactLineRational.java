package io.exactline.core.line;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.apache.commons.numbers.fraction.BigFraction;

import io.exactline.core.BadInputException;
import io.exactline.core.Rationals;
import io.exactline.core.network.Network;
import io.exactline.core.network.UnsupportedNetworkException;

/**
 * ExactLine over exact rationals: the algorithm of {@link ExactLine} with every weight, bias, breakpoint and
 * endpoint converted exactly from its double and every operation exact. It computes the partition of the
 * real-number function the network's parameters denote, with no rounding and hence no near-equal-crossings
 * policy: crossings at equal ratios are one breakpoint, all others are kept however close.
 *
 * <p>Numbers grow with depth and with the number of pieces, so this is for small networks and for checking the
 * double-precision result ({@link #validate}). It handles dense, element-wise affine, reshape, transpose and
 * (ungrouped or grouped) convolution layers, ReLU, leaky ReLU, hard tanh and max pooling; average pooling, whose
 * weights like 1/9 are not doubles, is refused (see {@link RationalAffine}).
 * Points are vectors over a common denominator ({@link ExactVector}) so that layers need no gcd per operation;
 * ratios and outputs are reported as reduced {@link BigFraction}s.
 */
public final class ExactLineRational {
    private ExactLineRational() {
    }

    /**
     * The exact partition of the segment from {@code a} to {@code b}.
     *
     * @throws BadInputException if the points do not fit the network or are not finite
     * @throws UnsupportedNetworkException if a layer is not piecewise linear or has no exact form
     */
    public static RationalLinePartition partition(Network network, double[] a, double[] b) {
        network.checkInput(a, "segment start");
        network.checkInput(b, "segment end");
        RationalNetwork exact = RationalNetwork.of(network);
        List<BigFraction> ratios = new ArrayList<>(List.of(BigFraction.ZERO, BigFraction.ONE));
        List<ExactVector> points = new ArrayList<>(List.of(ExactVector.of(a), ExactVector.of(b)));
        for (RationalLayer layer : exact.layers()) {
            if (layer instanceof RationalPiecewiseLinear pwl) {
                refine(pwl, ratios, points);
            }
            points.replaceAll(layer::apply);
        }
        BigFraction[][] outputs = new BigFraction[points.size()][];
        for (int j = 0; j < outputs.length; j++) {
            outputs[j] = points.get(j).toFractions();
        }
        return new RationalLinePartition(network, exact, a, b, ratios, outputs);
    }

    /**
     * Compares a double-precision partition with the exact partition of the same segment.
     *
     * @throws UnsupportedNetworkException if the partition's network has no exact form
     */
    public static PartitionComparison validate(LinePartition partition) {
        return PartitionComparison.of(partition, partition(partition.network(), partition.start(), partition.end()));
    }

    private static void refine(RationalPiecewiseLinear layer, List<BigFraction> ratios, List<ExactVector> points) {
        List<BigFraction> newRatios = new ArrayList<>();
        List<ExactVector> newPoints = new ArrayList<>();
        TreeSet<BigFraction> cuts = new TreeSet<>(Rationals.ORDER);
        for (int j = 0; j + 1 < ratios.size(); j++) {
            BigFraction t0 = ratios.get(j);
            BigFraction length = ratios.get(j + 1).subtract(t0);
            ExactVector p = points.get(j);
            ExactVector q = points.get(j + 1);
            newRatios.add(t0);
            newPoints.add(p);
            cuts.clear();
            layer.crossings(p, q, cuts::add);
            for (BigFraction r : cuts) {
                newRatios.add(t0.add(r.multiply(length)));
                newPoints.add(ExactVector.interpolate(p, q, r));
            }
        }
        newRatios.add(ratios.get(ratios.size() - 1));
        newPoints.add(points.get(points.size() - 1));
        ratios.clear();
        ratios.addAll(newRatios);
        points.clear();
        points.addAll(newPoints);
    }
}
