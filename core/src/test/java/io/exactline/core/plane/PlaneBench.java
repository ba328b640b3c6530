package io.exactline.core.plane;

import java.util.Arrays;
import java.util.List;

import io.exactline.core.network.Network;
import io.exactline.core.plane.RandomNetworks.Activation;

/**
 * Times ExactPlane on full-domain ACAS Xu slices and prints the region counts. Until the network loaders land it
 * uses random networks of the ACAS Xu shape (5 inputs, 6 hidden ReLU layers of 50, 5 outputs).
 *
 * <p>Run after {@code mvn -pl core -am test-compile}:
 * {@code java -cp core/target/classes:core/target/test-classes io.exactline.core.plane.PlaneBench [repetitions]}.
 */
public final class PlaneBench {
    /** The normalised ACAS Xu domain: rho, theta, psi, v_own, v_int. */
    private static final double[] LOW = {-0.328422877, -0.5, -0.5, -0.5, -0.5};
    private static final double[] HIGH = {0.679857769, 0.5, 0.5, 0.5, 0.5};

    private PlaneBench() {
    }

    public static void main(String[] args) {
        int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        System.out.println("random networks of ACAS Xu shape 5 -> 6x50 ReLU -> 5 (not the real ACAS Xu weights)");
        for (long seed = 1; seed <= 3; seed++) {
            Network network = RandomNetworks.dense(seed, Activation.RELU, 5, 50, 50, 50, 50, 50, 50, 5);
            run(network, "rho x theta", slice(0, 1), repetitions);
            run(network, "v_own x v_int", slice(3, 4), repetitions);
        }
    }

    /** The full-domain rectangle over inputs {@code a} and {@code b}, the others at the middle of their range. */
    private static List<double[]> slice(int a, int b) {
        double[] centre = new double[5];
        for (int i = 0; i < 5; i++) {
            centre[i] = 0.5 * (LOW[i] + HIGH[i]);
        }
        double[][] corners = new double[4][];
        double[][] ab = {{LOW[a], LOW[b]}, {HIGH[a], LOW[b]}, {HIGH[a], HIGH[b]}, {LOW[a], HIGH[b]}};
        for (int k = 0; k < 4; k++) {
            corners[k] = centre.clone();
            corners[k][a] = ab[k][0];
            corners[k][b] = ab[k][1];
        }
        return List.of(corners);
    }

    private static void run(Network network, String name, List<double[]> slice, int repetitions) {
        for (int warm = 0; warm < 3; warm++) {
            ExactPlane.partition(network, slice);
        }
        long[] nanos = new long[repetitions];
        PlanePartition partition = null;
        for (int r = 0; r < repetitions; r++) {
            long start = System.nanoTime();
            partition = ExactPlane.partition(network, slice);
            nanos[r] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        int vertices = partition.regions().stream().mapToInt(Region::vertexCount).sum();
        System.out.printf("%-40s %-14s regions %7d  vertices/region %.2f  median %8.1f ms  min %8.1f ms%n",
                network.source(), name, partition.regionCount(), (double) vertices / partition.regionCount(),
                nanos[repetitions / 2] / 1e6, nanos[0] / 1e6);
    }
}
