package io.exactline.core.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import io.exactline.core.line.ExactLine;
import io.exactline.core.line.LinePartition;
import io.exactline.core.line.RandomNetworks;
import io.exactline.core.line.Segment;
import io.exactline.core.network.Network;

/**
 * Benchmark of ExactLine on ACAS Xu-shaped networks (not a unit test; run it by hand, see BENCHMARKS.md):
 * random lines between uniform points of the normalised ACAS Xu domain
 * {@code [-0.328423, 0.679858] x [-0.5, 0.5]^4}, after a JIT warm-up; prints the median, 90th percentile and mean
 * wall time per line on one thread, the mean thread CPU time per line (less disturbed by other processes), lines per second on one thread and through {@link ExactLine#partitionAll} on all
 * cores, and the mean number of pieces per line.
 *
 * <p>Arguments: {@code [--lines N] [--seed S] [--warmup ROUNDS]}. The networks are random He-initialised
 * {@code 5 -> 6 x 50 ReLU -> 5} networks (seeds 1, 2, 3).
 */
public final class ExactLineBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final double[] LOW = {-0.328423, -0.5, -0.5, -0.5, -0.5};
    private static final double[] HIGH = {0.679858, 0.5, 0.5, 0.5, 0.5};

    private ExactLineBench() {
    }

    public static void main(String[] args) {
        int lines = 1000;
        long seed = 1;
        int warmup = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--lines" -> lines = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; usage: [--lines N] [--seed S] [--warmup ROUNDS]");
            }
        }
        System.out.printf(Locale.ROOT, "ExactLine benchmark: %d lines per network, %d warm-up rounds, %d cores, %s%n",
                lines, warmup, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        System.out.printf(Locale.ROOT, "%-28s %9s %9s %9s %9s %11s %11s %8s%n", "network", "median ms", "p90 ms",
                "mean ms", "cpu ms", "lines/s x1", "lines/s all", "pieces");
        for (int n = 1; n <= 3; n++) {
            Network network = RandomNetworks.dense(new Random(n), RandomNetworks.Activation.RELU, 5, 5,
                    50, 50, 50, 50, 50, 50);
            report("random He ACAS shape #" + n, network, segments(new Random(seed), lines), warmup);
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
        System.out.printf(Locale.ROOT, "%-28s %9.4f %9.4f %9.4f %9.4f %11.0f %11.0f %8.1f%n", name,
                percentile(sorted, 0.5), percentile(sorted, 0.9), Arrays.stream(millis).average().orElse(0), cpuMillis,
                segments.size() / serialSeconds, segments.size() / parallelSeconds,
                (double) pieces / segments.size());
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }
}
