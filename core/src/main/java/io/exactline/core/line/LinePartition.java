package io.exactline.core.line;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;

import io.exactline.core.Vectors;
import io.exactline.core.network.Network;

/**
 * The exact partition of a segment {@code x(t) = a + t (b - a)}, {@code t in [0, 1]}, into pieces on which a
 * network is affine: ratios {@code 0 = t_0 < t_1 < ... < t_k = 1} and the network's outputs at them. Piece
 * {@code i} is {@code [t_i, t_{i+1}]}.
 *
 * <p>For a single-point segment ({@code a == b}) there is one piece with {@code t_0 = 0}, {@code t_1 = 1} and
 * equal outputs.
 */
public final class LinePartition {
    private final Network network;
    private final double[] start;
    private final double[] end;
    private final double[] ratios;
    private final double[] outputs; // (k + 1) x outputSize, row-major

    /**
     * @param network the network partitioned
     * @param start segment start {@code a}
     * @param end segment end {@code b}
     * @param ratios strictly increasing from 0 to 1 (two entries for a single piece)
     * @param outputs row-major {@code ratios.length x network.outputSize()} outputs at the ratios
     */
    public LinePartition(Network network, double[] start, double[] end, double[] ratios, double[] outputs) {
        int m = network.outputSize();
        if (ratios.length < 2 || ratios[0] != 0.0 || ratios[ratios.length - 1] != 1.0) {
            throw new IllegalArgumentException("ratios must run from 0 to 1, got " + ratios.length + " ratios");
        }
        if (outputs.length != ratios.length * m) {
            throw new IllegalArgumentException("expected " + ratios.length + "x" + m + " outputs, got "
                    + outputs.length + " values");
        }
        this.network = network;
        this.start = start.clone();
        this.end = end.clone();
        this.ratios = ratios;
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
        return ratios.length - 1;
    }

    /** A copy of the ratios {@code t_0 .. t_k}. */
    public double[] ratios() {
        return ratios.clone();
    }

    /** The ratio {@code t_i}, {@code 0 <= i <= k}. */
    public double ratio(int i) {
        return ratios[i];
    }

    /** The network output at {@code t_i}. */
    public double[] outputAtRatio(int i) {
        int m = network.outputSize();
        return Arrays.copyOfRange(outputs, i * m, (i + 1) * m);
    }

    /** The input point {@code a + t (b - a)}. */
    public double[] inputAt(double t) {
        return Vectors.interpolate(start, end, t);
    }

    /** Piece {@code i}, {@code [t_i, t_{i+1}]}. */
    public Piece piece(int i) {
        return new Piece(i, ratios[i], ratios[i + 1], outputAtRatio(i), outputAtRatio(i + 1));
    }

    /** All pieces in order along the segment. */
    public List<Piece> pieces() {
        return new AbstractList<>() {
            @Override
            public Piece get(int i) {
                return piece(i);
            }

            @Override
            public int size() {
                return pieceCount();
            }
        };
    }

    /** The input at the midpoint of piece {@code i}. */
    public double[] midpointOf(int i) {
        return inputAt(0.5 * (ratios[i] + ratios[i + 1]));
    }

    /**
     * The activation pattern on piece {@code i}, read at the piece's midpoint, where no unit is at a breakpoint
     * (up to rounding on pieces shorter than about 1e-12).
     */
    public ActivationPattern patternOf(int i) {
        return ActivationPattern.at(network, midpointOf(i));
    }

    /**
     * The gradient of output {@code output} with respect to the input on piece {@code i}, where it is constant;
     * taken by back-propagation at the piece's midpoint.
     */
    public double[] gradientOf(int i, int output) {
        return network.gradient(midpointOf(i), output);
    }

    @Override
    public String toString() {
        return "LinePartition(" + network.source() + ", " + pieceCount() + " pieces)";
    }
}
