package io.exactline.core.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import io.exactline.core.io.OnnxLoader;
import io.exactline.core.layer.Layer;
import io.exactline.core.layer.PiecewiseLinearLayer;
import io.exactline.core.line.ExactLine;
import io.exactline.core.line.LinePartition;
import io.exactline.core.line.RandomNetworks;
import io.exactline.core.line.Segment;
import io.exactline.core.line.SpecBoxes;
import io.exactline.core.network.Network;

/**
 * Benchmark of ExactLine (not a unit test; run by hand, see BENCHMARKS.md). Modes:
 * <ul>
 *   <li>{@code acas} (default): ACAS Xu networks 1_1, 2_5 and 5_9 from {@code <shared>/acasxu/onnx}; random lines
 *       between uniform points of the normalised domain {@code [-0.328423, 0.679858] x [-0.5, 0.5]^4}, after a
 *       JIT warm-up. Prints the median, 90th percentile and mean wall time per line on one thread, the mean thread
 *       CPU time per line (less disturbed by other processes), lines per second on one thread and through
 *       {@link ExactLine#partitionAll} on all cores, and the mean number of pieces per line;</li>
 *   <li>{@code random}: the same on random He-initialised {@code 5 -> 6 x 50 ReLU -> 5} networks;</li>
 *   <li>{@code conv}: CIFAR-10 convolutional networks of VNN-COMP 2021 (oval21, marabou-cifar10), lines from the
 *       zero image to the midpoint of specification boxes; prints time, pieces and the number of points each
 *       piecewise-linear layer sees.</li>
 * </ul>
 * Options: {@code --lines N} (acas, random), {@code --images N} (conv: specifications per network), {@code --seed S},
 * {@code --warmup ROUNDS}, {@code --shared DIR} (default: the {@code exactline.shared} system property, else
 * {@code ../shared}).
 */
public final class ExactLineBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final double[] LOW = {-0.328423, -0.5, -0.5, -0.5, -0.5};
    private static final double[] HIGH = {0.679858, 0.5, 0.5, 0.5, 0.5};
    private static final String[] ACAS = {"1_1", "2_5", "5_9"};
    /** Network, specification folder, and the start and a part of the name of its specifications. */
    private static final String[][] CONV = {
        {"oval21/nets/cifar_base_kw.onnx", "oval21/vnnlib", "cifar_base_kw-", "-eps"},
        {"oval21/nets/cifar_wide_kw.onnx", "oval21/vnnlib", "cifar_wide_kw-", "-eps"},
        {"oval21/nets/cifar_deep_kw.onnx", "oval21/vnnlib", "cifar_deep_kw-", "-eps"},
        {"marabou-cifar10/nets/cifar10_small.onnx", "marabou-cifar10/specs", "networkcifar10_small_", "_eps0.012_"},
        {"marabou-cifar10/nets/cifar10_medium.onnx", "marabou-cifar10/specs", "networkcifar10_medium_", "_eps0.012_"},
        {"marabou-cifar10/nets/cifar10_large.onnx", "marabou-cifar10/specs", "networkcifar10_large_", "_eps0.012_"},
    };

    private ExactLineBench() {
    }

    public static void main(String[] args) {
        String mode = "acas";
        int lines = 1000;
        long seed = 1;
        int warmup = 5;
        int images = 3;
        Path shared = Path.of(System.getProperty("exactline.shared", "../shared"));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "acas", "random", "conv" -> mode = args[i];
                case "--lines" -> lines = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--images" -> images = Integer.parseInt(args[++i]);
                case "--shared" -> shared = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; usage: [acas|random|conv] [--lines N] [--seed S] [--warmup ROUNDS] [--images N]"
                        + " [--shared DIR]");
            }
        }
        System.out.printf(Locale.ROOT, "ExactLine benchmark (%s): %d cores, JDK %s, max heap %d MiB%n", mode,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"),
                Runtime.getRuntime().maxMemory() >> 20);
        if (mode.equals("conv")) {
            conv(shared, images, warmup);
            return;
        }
        System.out.printf(Locale.ROOT, "%d lines per network, %d warm-up rounds%n", lines, warmup);
        System.out.printf(Locale.ROOT, "%-36s %9s %9s %9s %9s %11s %11s %8s%n", "network", "median ms", "p90 ms",
                "mean ms", "cpu ms", "lines/s x1", "lines/s all", "pieces");
        for (int n = 0; n < 3; n++) {
            Network network = mode.equals("acas")
                    ? OnnxLoader.load(shared.resolve("acasxu/onnx/ACASXU_run2a_" + ACAS[n] + "_batch_2000.onnx"))
                    : RandomNetworks.dense(new Random(n + 1), RandomNetworks.Activation.RELU, 5, 5,
                            50, 50, 50, 50, 50, 50);
            String name = mode.equals("acas") ? network.source() : "random He 5-6x50-5 #" + (n + 1);
            report(name, network, segments(new Random(seed), lines), warmup);
        }
    }

    private static List<Segment> segments(Random random, int count) {
        List<Segment> segments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            segments.add(new Segment(RandomNetworks.uniformPoint(random, LOW, HIGH),
                    RandomNetworks.uniformPoint(random, LOW, HIGH)));
        }
        return segments;
    }

    private static void report(String name, Network network, List<Segment> segments, int warmup) {
        for (int round = 0; round < warmup; round++) {
            for (Segment segment : segments) {
                ExactLine.partition(network, segment);
            }
            ExactLine.partitionAll(network, segments);
        }
        double[] millis = new double[segments.size()];
        long pieces = 0;
        long cpuBegin = THREADS.getCurrentThreadCpuTime();
        long begin = System.nanoTime();
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            LinePartition partition = ExactLine.partition(network, segments.get(i));
            millis[i] = (System.nanoTime() - start) / 1e6;
            pieces += partition.pieceCount();
        }
        double serialSeconds = (System.nanoTime() - begin) / 1e9;
        double cpuMillis = (THREADS.getCurrentThreadCpuTime() - cpuBegin) / 1e6 / segments.size();
        double parallelSeconds = Double.POSITIVE_INFINITY;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            ExactLine.partitionAll(network, segments);
            parallelSeconds = Math.min(parallelSeconds, (System.nanoTime() - start) / 1e9);
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-36s %9.4f %9.4f %9.4f %9.4f %11.0f %11.0f %8.1f%n", name,
                percentile(sorted, 0.5), percentile(sorted, 0.9), Arrays.stream(millis).average().orElse(0), cpuMillis,
                segments.size() / serialSeconds, segments.size() / parallelSeconds,
                (double) pieces / segments.size());
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }

    /** For each conv network, {@code images} lines from zero to a specification box midpoint. */
    private static void conv(Path shared, int images, int warmup) {
        Path root = shared.resolve("vnncomp2021");
        System.out.printf(Locale.ROOT, "lines from the zero image to spec box midpoints; best of %d runs after %d"
                + " warm-up runs%n", 3, warmup);
        System.out.printf(Locale.ROOT, "%-22s %-52s %9s %9s %7s  %s%n", "network", "spec", "wall ms", "cpu ms",
                "pieces", "points entering each piecewise-linear layer (width)");
        for (String[] net : CONV) {
            Network network = OnnxLoader.load(root.resolve(net[0]));
            List<Path> specs = specs(root.resolve(net[1]), net[2], net[3], images);
            for (Path spec : specs) {
                double[] end = SpecBoxes.midpoint(spec, network.inputSize());
                double[] start = new double[network.inputSize()];
                for (int round = 0; round < warmup; round++) {
                    ExactLine.partition(network, start, end);
                }
                double wall = Double.POSITIVE_INFINITY;
                double cpu = Double.POSITIVE_INFINITY;
                LinePartition partition = null;
                for (int round = 0; round < 3; round++) {
                    long c0 = THREADS.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    partition = ExactLine.partition(network, start, end);
                    wall = Math.min(wall, (System.nanoTime() - t0) / 1e6);
                    cpu = Math.min(cpu, (THREADS.getCurrentThreadCpuTime() - c0) / 1e6);
                }
                System.out.printf(Locale.ROOT, "%-22s %-52s %9.1f %9.1f %7d  %s%n", network.source(),
                        abbreviate(spec.getFileName().toString(), 52), wall, cpu, partition.pieceCount(),
                        pointsPerLayer(network, start, end));
            }
        }
    }

    private static String abbreviate(String s, int length) {
        return s.length() <= length ? s : s.substring(0, length - 3) + "...";
    }

    /** The number of points entering every piecewise-linear layer, with its width, e.g. "2 (4096), 1394 (2048)". */
    private static String pointsPerLayer(Network network, double[] start, double[] end) {
        List<String> counts = new ArrayList<>();
        List<Layer> layers = network.layers();
        int points = 2;
        for (int k = 0; k < layers.size(); k++) {
            if (layers.get(k) instanceof PiecewiseLinearLayer pwl) {
                counts.add(points + " (" + pwl.unitCount() + ")");
                Network prefix = new Network(layers.subList(0, k + 1), network.source() + " to layer " + k);
                points = ExactLine.partition(prefix, start, end).pieceCount() + 1;
            }
        }
        return String.join(", ", counts);
    }

    private static List<Path> specs(Path folder, String prefix, String part, int count) {
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix))
                    .filter(f -> f.getFileName().toString().contains(part)).sorted().limit(count).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
