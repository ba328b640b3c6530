package io.exactline.verifier.lp;

import java.util.Random;

/** Random small LPs over finite boxes, for tests against the exact vertex oracle. */
final class RandomLps {
    private RandomLps() {
    }

    /**
     * A program with {@code n} variables in random boxes within [-3, 3] and {@code m} rows with full-precision
     * random coefficients. When {@code feasible}, every row holds at a random point of the box with some slack
     * (and equality rows exactly there, up to rounding of {@code b}); otherwise right-hand sides are random.
     */
    static LinearProgram generate(Random random, int n, int m, boolean feasible, boolean withEqualities) {
        LinearProgram.Builder b = LinearProgram.builder(n);
        double[] point = new double[n];
        for (int j = 0; j < n; j++) {
            double lo = -3 + 3 * random.nextDouble();
            double hi = lo + 0.1 + 3 * random.nextDouble();
            b.bounds(j, lo, hi);
            point[j] = lo + (hi - lo) * random.nextDouble();
        }
        for (int i = 0; i < m; i++) {
            double[] a = new double[n];
            double dot = 0;
            for (int j = 0; j < n; j++) {
                a[j] = random.nextDouble() < 0.2 ? 0.0 : 2 * random.nextDouble() - 1;
                dot += a[j] * point[j];
            }
            boolean equality = withEqualities && i == 0;
            if (equality) {
                b.add(LinearConstraint.equal(a, feasible ? dot : 4 * random.nextDouble() - 2));
            } else {
                b.add(LinearConstraint.lessOrEqual(a, feasible ? dot + random.nextDouble() : 4 * random.nextDouble() - 3));
            }
        }
        double[] c = new double[n];
        for (int j = 0; j < n; j++) {
            c[j] = 2 * random.nextDouble() - 1;
        }
        return b.objective(c, random.nextDouble() - 0.5, random.nextBoolean() ? Sense.MINIMIZE : Sense.MAXIMIZE)
                .build();
    }
}
