package io.exactline.verifier.bounds;

import java.util.Arrays;

/**
 * The lower relaxation lines {@code act(z) >= alpha z} a back-substitution used for the unstable units of
 * activations with a convex kink at the origin (ReLU, leaky ReLU) whose multiplier was positive: the slopes
 * {@code alpha} that alpha-CROWN optimised, or DeepPoly's choice where it did not. For a ReLU every
 * {@code alpha} in {@code [0, 1]} gives a valid relaxation on the whole real line, so the slopes are a witness a
 * checker can re-use without trusting the bounds they were chosen with. Sparse: units that are stable, fixed, or
 * passed through their upper line are absent. Immutable.
 */
public final class LowerSlopes {
    /** No slopes. */
    public static final LowerSlopes NONE = new LowerSlopes(new int[0], new int[0], new double[0]);

    private final int[] layers;
    private final int[] units;
    private final double[] slopes;

    private LowerSlopes(int[] layers, int[] units, double[] slopes) {
        this.layers = layers;
        this.units = units;
        this.slopes = slopes;
    }

    /**
     * The slopes of the units whose {@code present} flag is set, from per-layer arrays.
     *
     * @param slopes per activation layer, per unit, the slope (read only where present)
     * @param present per activation layer, per unit, whether the unit has a slope
     */
    static LowerSlopes of(double[][] slopes, boolean[][] present) {
        int count = 0;
        for (boolean[] layer : present) {
            for (boolean p : layer) {
                count += p ? 1 : 0;
            }
        }
        if (count == 0) {
            return NONE;
        }
        int[] layers = new int[count];
        int[] units = new int[count];
        double[] values = new double[count];
        int n = 0;
        for (int k = 0; k < present.length; k++) {
            for (int j = 0; j < present[k].length; j++) {
                if (present[k][j]) {
                    layers[n] = k;
                    units[n] = j;
                    values[n++] = slopes[k][j];
                }
            }
        }
        return new LowerSlopes(layers, units, values);
    }

    /** How many units have a slope. */
    public int count() {
        return slopes.length;
    }

    /** The activation layer (0 nearest the input) of entry {@code i}. */
    public int layer(int i) {
        return layers[i];
    }

    /** The unit within its layer of entry {@code i}. */
    public int unit(int i) {
        return units[i];
    }

    /** The slope {@code alpha} of entry {@code i}. */
    public double slope(int i) {
        return slopes[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LowerSlopes other && Arrays.equals(layers, other.layers)
                && Arrays.equals(units, other.units) && Arrays.equals(slopes, other.slopes);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(layers) + Arrays.hashCode(units)) + Arrays.hashCode(slopes);
    }

    @Override
    public String toString() {
        return "LowerSlopes(" + slopes.length + " units)";
    }
}
