package io.exactline.acasxu;

import io.exactline.core.BadInputException;

/**
 * The ACAS Xu input and output normalisation shared by all 45 networks (the .nnet header): a physical input
 * {@code v_i} becomes {@code (v_i - MEAN[i]) / RANGE[i]}; a normalised output score {@code y} becomes
 * {@code y * OUTPUT_RANGE + OUTPUT_MEAN}. The ONNX networks act on normalised inputs and return normalised scores.
 * The output map is increasing, so it never changes which advisory is minimal.
 */
public final class Normalization {
    /** Smallest physical input the networks were trained on: rho, theta, psi, v_own, v_int. */
    static final double[] MIN = {0.0, -3.141593, -3.141593, 100.0, 0.0};
    /** Largest physical input the networks were trained on. */
    static final double[] MAX = {60760.0, 3.141593, 3.141593, 1200.0, 1200.0};
    private static final double[] MEAN = {19791.091, 0.0, 0.0, 650.0, 600.0};
    private static final double[] RANGE = {60261.0, 6.28318530718, 6.28318530718, 1100.0, 1200.0};
    /** Mean of the output scores. */
    public static final double OUTPUT_MEAN = 7.5188840201005975;
    /** Range of the output scores. */
    public static final double OUTPUT_RANGE = 373.94992;

    private Normalization() {
    }

    /** Physical lower bounds of the domain, in network order. */
    public static double[] physicalMin() {
        return MIN.clone();
    }

    /** Physical upper bounds of the domain, in network order. */
    public static double[] physicalMax() {
        return MAX.clone();
    }

    /** The range that input {@code i} is divided by: its normalised value changes by {@code 1 / range(i)} per unit. */
    public static double range(int i) {
        return RANGE[i];
    }

    /** Normalised lower bounds of the domain. */
    public static double[] normalizedMin() {
        return normalize(MIN);
    }

    /** Normalised upper bounds of the domain. */
    public static double[] normalizedMax() {
        return normalize(MAX);
    }

    /** {@code (v - mean) / range} per input. */
    public static double[] normalize(double[] physical) {
        check(physical);
        double[] x = new double[5];
        for (int i = 0; i < 5; i++) {
            x[i] = (physical[i] - MEAN[i]) / RANGE[i];
        }
        return x;
    }

    /** {@code x * range + mean} per input. */
    public static double[] denormalize(double[] normalized) {
        check(normalized);
        double[] v = new double[5];
        for (int i = 0; i < 5; i++) {
            v[i] = normalized[i] * RANGE[i] + MEAN[i];
        }
        return v;
    }

    /** The normalised output score of a physical score, {@code (score - OUTPUT_MEAN) / OUTPUT_RANGE}. */
    public static double normalizeScore(double score) {
        return (score - OUTPUT_MEAN) / OUTPUT_RANGE;
    }

    /** The physical score of a normalised output score. */
    public static double denormalizeScore(double y) {
        return y * OUTPUT_RANGE + OUTPUT_MEAN;
    }

    private static void check(double[] v) {
        if (v.length != 5) {
            throw new BadInputException("ACAS Xu inputs have 5 entries (rho, theta, psi, vown, vint), got " + v.length);
        }
    }
}
