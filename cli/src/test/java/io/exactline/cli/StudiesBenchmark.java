package io.exactline.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import io.exactline.acasxu.Normalization;
import io.exactline.cli.study.SpecImages;
import io.exactline.core.attribution.Baseline;
import io.exactline.core.attribution.ExactAttribution;
import io.exactline.core.attribution.IntegratedGradients;
import io.exactline.core.io.OnnxLoader;
import io.exactline.core.network.Network;
import io.exactline.core.plane.ExactPlane;
import io.exactline.core.plane.PlanePartition;

/**
 * Speed of the two operations behind {@code ig} and {@code plane} (a benchmark, not a test): exact Integrated
 * Gradients of one CIFAR-10 image on marabou-cifar10 {@code cifar10_large} (black baseline, predicted class), and
 * the plane partition of an ACAS Xu slice over the full normalised range of (rho, theta) with psi, vown and vint
 * at the middle of their ranges. Reports the first call (cold JVM), then the minimum and median wall-clock time of
 * repeated calls after warm-up, and the process CPU time over all threads (less disturbed by other processes on a
 * shared machine; exact IG walks the pieces in parallel chunks). Run with the shared folder as argument, e.g. {@code java -cp
 * cli/target/test-classes:cli/target/exactline.jar io.exactline.cli.StudiesBenchmark ../shared} after
 * {@code mvn -B -q -DskipTests -pl cli -am package} and {@code mvn -B -q -pl cli test-compile}.
 */
public final class StudiesBenchmark {
    private static final int WARM_UP = 3;
    private static final int MEASURED = 7;
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private StudiesBenchmark() {
    }

    public static void main(String[] args) {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
        Path root = shared.resolve("vnncomp2021/marabou-cifar10");
        Network cifar = OnnxLoader.load(root.resolve("nets/cifar10_large.onnx"));
        SpecImages.Image image = SpecImages.distinct(root.resolve("specs"), "networkcifar10_large_", 1).get(0);
        long prepare = System.nanoTime();
        IntegratedGradients ig = IntegratedGradients.of(cifar);
        System.out.printf(Locale.ROOT, "cifar10_large: IntegratedGradients.of (sparse blocks, once per network)"
                + " %.0f ms%n", (System.nanoTime() - prepare) / 1e6);
        time("cifar10_large exact IG of " + image.name(), () -> {
            ExactAttribution a = ig.exact(image.point(), Baseline.zeros());
            return a.pieceCount() + " pieces";
        });

        Network acas = OnnxLoader.load(shared.resolve("acasxu/onnx/ACASXU_run2a_1_1_batch_2000.onnx"));
        double[] low = Normalization.normalizedMin();
        double[] high = Normalization.normalizedMax();
        List<double[]> corners = new ArrayList<>();
        double[][] uv = {{low[0], low[1]}, {high[0], low[1]}, {high[0], high[1]}, {low[0], high[1]}};
        for (double[] c : uv) {
            double[] x = new double[5];
            for (int i = 2; i < 5; i++) {
                x[i] = (low[i] + high[i]) / 2;
            }
            x[0] = c[0];
            x[1] = c[1];
            corners.add(x);
        }
        time("ACAS Xu 1_1 plane over full (rho, theta)", () -> {
            PlanePartition p = ExactPlane.partition(acas, corners);
            return p.regionCount() + " regions";
        });
    }

    private static void time(String what, Supplier<String> run) {
        long t = System.nanoTime();
        String result = run.get();
        double cold = (System.nanoTime() - t) / 1e6;
        for (int i = 0; i < WARM_UP; i++) {
            run.get();
        }
        double[] wall = new double[MEASURED];
        double[] cpu = new double[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long s = System.nanoTime();
            long c = PROCESS.getProcessCpuTime();
            run.get();
            cpu[i] = (PROCESS.getProcessCpuTime() - c) / 1e6;
            wall[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "%s: %s; first %.0f ms, then wall min %.0f / median %.0f ms, process cpu"
                + " (all threads) min %.0f / median %.0f ms over %d; %d processors, load average %.1f%n", what,
                result, cold, wall[0], wall[MEASURED / 2], cpu[0], cpu[MEASURED / 2], MEASURED,
                Runtime.getRuntime().availableProcessors(), PROCESS.getSystemLoadAverage());
    }
}
