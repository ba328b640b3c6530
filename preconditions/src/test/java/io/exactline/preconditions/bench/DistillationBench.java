package io.exactline.preconditions.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import io.exactline.core.io.NetworkLoader;
import io.exactline.core.network.Network;
import io.exactline.preconditions.LayerPrecondition;
import io.exactline.preconditions.LayerPreconditionMiner;
import io.exactline.preconditions.MiningSettings;
import io.exactline.preconditions.SelectiveDistillation;
import io.exactline.verifier.pattern.OutputProperty;
import io.exactline.verifier.pattern.PatternNetwork;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.vnnlib.VnnlibParser;

/**
 * Benchmark of selective distillation on ACAS Xu (not a unit test; run by hand, see BENCHMARKS.md): mines layer
 * preconditions of one hidden layer for an advisory ({@code argmin = k}) from uniform samples of a domain box, keeps
 * the proven ones, and runs the full network and the distilled one over uniform inputs of the same box, printing
 * the share that takes the shortcut, wall and thread CPU time of both (the least of three passes), and their
 * agreement on the shortcut inputs, which must be 100% (the run fails otherwise). The empirical candidates are
 * reported apart: the share of inputs that match one, and how many of those have another advisory.
 *
 * <p>Options: {@code --network FILE} (default {@code ../shared/acasxu/onnx/ACASXU_run2a_1_1_batch_2000.onnx}),
 * {@code --domain FILE.vnnlib} (its input box; default the whole normalised domain), {@code --advisory K} (default
 * 0, COC), {@code --layer L} (default 5), {@code --depth D} (tree depth, default 8), {@code --train N} (mining
 * samples, default 10000), {@code --samples N} (default 1000000), {@code --proof-timeout SECONDS} (default 5),
 * {@code --seed S} (default 1).
 */
public final class DistillationBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Timed passes over all inputs, alternating full and distilled; the least wall and CPU times are reported. */
    private static final int TIMED_ROUNDS = 3;
    /** The normalised ACAS Xu domain, as in {@code ExactLineBench}. */
    private static final Box DOMAIN = new Box(new double[] {-0.328423, -0.5, -0.5, -0.5, -0.5},
            new double[] {0.679858, 0.5, 0.5, 0.5, 0.5});

    private DistillationBench() {
    }

    public static void main(String[] args) {
        Path file = Path.of("../shared/acasxu/onnx/ACASXU_run2a_1_1_batch_2000.onnx");
        Box domain = DOMAIN;
        int advisory = 0;
        int depth = LayerPreconditionMiner.MAX_DEPTH;
        int layer = 5;
        int train = 10_000;
        int samples = 1_000_000;
        double proofSeconds = 5;
        long seed = 1;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--network" -> file = Path.of(args[i + 1]);
                case "--domain" -> domain = VnnlibParser.parse(Path.of(args[i + 1])).cases().get(0).box();
                case "--advisory" -> advisory = Integer.parseInt(args[i + 1]);
                case "--depth" -> depth = Integer.parseInt(args[i + 1]);
                case "--layer" -> layer = Integer.parseInt(args[i + 1]);
                case "--train" -> train = Integer.parseInt(args[i + 1]);
                case "--samples" -> samples = Integer.parseInt(args[i + 1]);
                case "--proof-timeout" -> proofSeconds = Double.parseDouble(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Network net = NetworkLoader.load(file);
        PatternNetwork patterns = PatternNetwork.of(net);
        OutputProperty target = OutputProperty.argmin(advisory, net.outputSize());
        Duration limit = Duration.ofNanos((long) (proofSeconds * 1e9));
        MiningSettings settings = new MiningSettings(target, domain, train, seed, limit, limit, Duration.ofDays(1));
        long start = System.nanoTime();
        List<LayerPrecondition> candidates = new LayerPreconditionMiner(patterns, settings, layer, depth)
                .mine(System.out::println);
        List<LayerPrecondition> proven = candidates.stream().filter(LayerPrecondition::proven).toList();
        System.out.printf(Locale.ROOT, "mining: %d candidates, %d proven, %.1f s; proven support %.4f%n",
                candidates.size(), proven.size(), (System.nanoTime() - start) / 1e9,
                proven.stream().mapToDouble(LayerPrecondition::support).sum());
        Random random = new Random(seed + 1);
        double[][] inputs = new double[samples][];
        for (int s = 0; s < samples; s++) {
            double[] x = new double[domain.dimension()];
            for (int j = 0; j < x.length; j++) {
                x[j] = Math.min(domain.upper(j), domain.lower(j) + random.nextDouble() * domain.width(j));
            }
            inputs[s] = x;
        }
        reportEmpirical(patterns, candidates, inputs, advisory);
        if (proven.isEmpty()) {
            System.out.println("no proven layer precondition: nothing to distil");
            return;
        }
        SelectiveDistillation distilled = new SelectiveDistillation(patterns, domain, proven, advisory,
                DistillationBench::argmin);
        int[] full = new int[samples];
        int[] fast = new int[samples];
        for (int round = 0; round < 2; round++) {
            runFull(net, inputs, full, Math.min(samples, 100_000));
            runDistilled(distilled, inputs, fast, Math.min(samples, 100_000));
        }
        long[] fullTime = {Long.MAX_VALUE, Long.MAX_VALUE};
        long[] fastTime = {Long.MAX_VALUE, Long.MAX_VALUE};
        for (int round = 0; round < TIMED_ROUNDS; round++) {
            fullTime = fastest(fullTime, runFull(net, inputs, full, samples));
            fastTime = fastest(fastTime, runDistilled(distilled, inputs, fast, samples));
        }
        long shortcuts = 0;
        long disagreements = 0;
        for (int s = 0; s < samples; s++) {
            shortcuts += distilled.takesShortcut(inputs[s]) ? 1 : 0;
            if (full[s] != fast[s]) {
                disagreements++;
                System.out.println("DISAGREEMENT at " + java.util.Arrays.toString(inputs[s]) + ": full " + full[s]
                        + ", distilled " + fast[s]);
            }
        }
        System.out.printf(Locale.ROOT, "%s layer %d over %s: %d samples, shortcut %d (%.2f%%), agreement on the "
                + "shortcut inputs %d of %d, overall %.4f%%%n", file, layer, domain, samples, shortcuts,
                100.0 * shortcuts / samples, shortcuts - disagreements, shortcuts,
                100.0 * (samples - disagreements) / samples);
        System.out.printf(Locale.ROOT, "full network: %.3f s wall, %.3f s CPU; distilled: %.3f s wall, %.3f s CPU; "
                + "speed-up %.2fx wall, %.2fx CPU%n", fullTime[0] / 1e9, fullTime[1] / 1e9, fastTime[0] / 1e9,
                fastTime[1] / 1e9, (double) fullTime[0] / fastTime[0], (double) fullTime[1] / fastTime[1]);
        if (disagreements > 0) {
            throw new AssertionError(disagreements + " disagreements with proven preconditions");
        }
    }

    /**
     * The share of {@code inputs} matching an empirical candidate, and how many of those the network gives another
     * advisory than the candidates claim (in floating point; not used for shortcuts).
     */
    private static void reportEmpirical(PatternNetwork patterns, List<LayerPrecondition> candidates,
            double[][] inputs, int advisory) {
        List<LayerPrecondition> empirical = candidates.stream()
                .filter(c -> c.validation() instanceof LayerPrecondition.Empirical).toList();
        if (empirical.isEmpty()) {
            System.out.println("no empirical candidate");
            return;
        }
        long matching = 0;
        long wrong = 0;
        for (double[] x : inputs) {
            List<double[]> pre = patterns.preActivations(x);
            if (empirical.stream().anyMatch(c -> c.pattern().matches(pre))) {
                matching++;
                wrong += argmin(patterns.network().evaluate(x)) != advisory ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "empirical candidates (%d, not used for shortcuts): %d of %d inputs match "
                + "(%.2f%%), %d of them with another advisory (agreement %.4f%%)%n", empirical.size(), matching,
                inputs.length, 100.0 * matching / inputs.length, wrong,
                matching == 0 ? 100.0 : 100.0 * (matching - wrong) / matching);
    }

    /** The least of two (wall, CPU) pairs, component by component. */
    private static long[] fastest(long[] a, long[] b) {
        return new long[] {Math.min(a[0], b[0]), Math.min(a[1], b[1])};
    }

    /** Wall and thread CPU nanoseconds of the full network's advisories of the first {@code n} inputs. */
    private static long[] runFull(Network net, double[][] inputs, int[] out, int n) {
        long wall = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        for (int s = 0; s < n; s++) {
            out[s] = argmin(net.evaluate(inputs[s]));
        }
        return new long[] {System.nanoTime() - wall, THREADS.getCurrentThreadCpuTime() - cpu};
    }

    private static long[] runDistilled(SelectiveDistillation distilled, double[][] inputs, int[] out, int n) {
        long wall = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        for (int s = 0; s < n; s++) {
            out[s] = distilled.decide(inputs[s]);
        }
        return new long[] {System.nanoTime() - wall, THREADS.getCurrentThreadCpuTime() - cpu};
    }

    /** The index of a least output (the first on ties): the ACAS Xu advisory. */
    private static int argmin(double[] y) {
        int k = 0;
        for (int i = 1; i < y.length; i++) {
            k = y[i] < y[k] ? i : k;
        }
        return k;
    }
}
