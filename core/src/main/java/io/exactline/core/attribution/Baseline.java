package io.exactline.core.attribution;

import java.util.Arrays;
import java.util.Random;

import io.exactline.core.BadInputException;
import io.exactline.core.network.Network;

/**
 * The baseline {@code x'} of Integrated Gradients: the input that stands for "absence of signal" and that
 * attributions are relative to (a black image, an all-zero embedding). It is the start of the segment
 * {@code x' + t (x − x')} along which gradients are integrated.
 */
public sealed interface Baseline {

    /** The baseline point for {@code network}; a new array of {@code network.inputSize()} values. */
    double[] pointFor(Network network);

    /** A short description for reports, e.g. {@code "zeros"}. */
    String describe();

    /** The all-zero input. */
    static Baseline zeros() {
        return new Zeros();
    }

    /** A given input, e.g. a black image put through the network's input normalisation. */
    static Baseline of(double[] point) {
        return new Given(point);
    }

    /** Independent uniform noise in {@code [low, high]} per coordinate, reproducible from {@code seed}. */
    static Baseline uniformNoise(double low, double high, long seed) {
        return new UniformNoise(low, high, seed);
    }

    /** The all-zero input. */
    record Zeros() implements Baseline {
        @Override
        public double[] pointFor(Network network) {
            return new double[network.inputSize()];
        }

        @Override
        public String describe() {
            return "zeros";
        }
    }

    /** A given input point. */
    record Given(double[] point) implements Baseline {
        public Given {
            point = point.clone();
        }

        @Override
        public double[] point() {
            return point.clone();
        }

        @Override
        public double[] pointFor(Network network) {
            network.checkInput(point, "baseline");
            return point.clone();
        }

        @Override
        public String describe() {
            return "given point";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Given g && Arrays.equals(point, g.point);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(point);
        }

        @Override
        public String toString() {
            return "Given[" + point.length + " values]";
        }
    }

    /**
     * Coordinates {@code low + (high − low) u} with {@code u} drawn independently and uniformly from [0, 1) by
     * {@link java.util.Random} seeded with {@code seed}, in coordinate order (so in {@code [low, high]} after
     * rounding); the same seed gives the same point on every JVM, as {@code Random}'s algorithm is specified.
     */
    record UniformNoise(double low, double high, long seed) implements Baseline {
        public UniformNoise {
            if (!Double.isFinite(low) || !Double.isFinite(high) || !(low < high)) {
                throw new BadInputException("uniform noise baseline needs finite bounds low < high, got low " + low
                        + ", high " + high);
            }
        }

        @Override
        public double[] pointFor(Network network) {
            Random random = new Random(seed);
            double[] point = new double[network.inputSize()];
            for (int i = 0; i < point.length; i++) {
                point[i] = low + (high - low) * random.nextDouble();
            }
            return point;
        }

        @Override
        public String describe() {
            return "uniform noise in [" + low + ", " + high + "] seed " + seed;
        }
    }
}
