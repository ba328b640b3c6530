package io.exactline.core;

/** Small helpers over {@code double[]} vectors. */
public final class Vectors {
    private Vectors() {
    }

    /** Index of the largest entry, lowest index on ties. */
    public static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Index of the smallest entry, lowest index on ties. */
    public static int argmin(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] < v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** {@code a + t (b - a)}. */
    public static double[] interpolate(double[] a, double[] b, double t) {
        double[] x = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            x[i] = a[i] + t * (b[i] - a[i]);
        }
        return x;
    }
}
