package io.exactline.core.attribution;

import io.exactline.core.BadInputException;

/** How far an approximate attribution vector {@code IG~} is from the exact one {@code IG}. */
public enum ErrorMetric {
    /** The relative L1 error {@code ‖IG~ − IG‖₁ / ‖IG‖₁}; infinite when {@code IG = 0} and {@code IG~ ≠ 0}. */
    RELATIVE_L1,
    /**
     * The ExactLine authors' "mean relative error" (SyReNN, {@code experiments/integrated_gradients.py}), the
     * metric of the ExactLine poster's figures: the mean over coordinates {@code i} of
     * {@code |IG~_i − IG_i| / |IG_i + 1e-11|}. Coordinates whose exact attribution is near zero weigh heavily.
     */
    MEAN_RELATIVE;

    /** The offset added to {@code IG_i} in the denominator of {@link #MEAN_RELATIVE}, as in the authors' code. */
    public static final double MEAN_RELATIVE_OFFSET = 1e-11;

    /** The error of {@code approximate} against {@code exact}. */
    public double between(double[] approximate, double[] exact) {
        if (approximate.length != exact.length) {
            throw new BadInputException("cannot compare attributions of " + approximate.length + " and "
                    + exact.length + " features");
        }
        if (exact.length == 0) {
            throw new BadInputException("cannot compare empty attribution vectors");
        }
        return switch (this) {
            case RELATIVE_L1 -> relativeL1(approximate, exact);
            case MEAN_RELATIVE -> meanRelative(approximate, exact);
        };
    }

    private static double relativeL1(double[] approximate, double[] exact) {
        double difference = 0;
        double norm = 0;
        for (int i = 0; i < exact.length; i++) {
            difference += Math.abs(approximate[i] - exact[i]);
            norm += Math.abs(exact[i]);
        }
        return difference == 0 ? 0 : difference / norm;
    }

    private static double meanRelative(double[] approximate, double[] exact) {
        double sum = 0;
        for (int i = 0; i < exact.length; i++) {
            sum += Math.abs(approximate[i] - exact[i]) / Math.abs(exact[i] + MEAN_RELATIVE_OFFSET);
        }
        return sum / exact.length;
    }
}
