package io.exactline.preconditions.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

import io.exactline.core.io.NetworkLoader;
import io.exactline.core.network.Network;
import io.exactline.preconditions.DecomposedProof;
import io.exactline.preconditions.DecomposedProofResult;
import io.exactline.preconditions.Interpolant;
import io.exactline.preconditions.MiningReport;
import io.exactline.preconditions.MiningSettings;
import io.exactline.preconditions.PreconditionMiner;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.Engine;
import io.exactline.verifier.Engines;
import io.exactline.verifier.lp.GlopLpSolver;
import io.exactline.verifier.pattern.OutputProperty;
import io.exactline.verifier.pattern.PatternNetwork;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.property.PropertyCase;
import io.exactline.verifier.verdict.Unsat;
import io.exactline.verifier.verdict.Verdict;
import io.exactline.verifier.vnnlib.VnnlibParser;

/**
 * Benchmark of decomposed proofs on ACAS Xu (not a unit test; run by hand, see BENCHMARKS.md). For each property
 * whose requirement is "advisory k is the advisory" (φ5 SR on N_1,1, φ6 COC on N_1,1, φ9 SL on N_3,3, φ10 COC on
 * N_4,5): mines {@code argmin=k} preconditions with samples drawn from each box of the property's region (mining time
 * reported apart: it is paid once), then times the decomposed proof against the direct proof ({@code auto} engine,
 * and the fallback engine alone) on the whole region and on a family of random sub-boxes of it, and checks that they
 * agree.
 *
 * <p>Options: {@code --properties 5,6,9,10}, {@code --vnnlib DIR} (default {@code ../shared/acasxu/vnnlib}),
 * {@code --onnx DIR} (default {@code ../shared/acasxu/onnx}), {@code --samples N} mining samples per box (default
 * 2000), {@code --mine-seconds S} mining time limit per box (default 120), {@code --proof-timeout S} per relaxation
 * step (default 1), {@code --subregions N} (default 100), {@code --depth D} split depth (default 12),
 * {@code --timeout S} per proof (default 60), {@code --seed S} (default 1), {@code --fallback ENGINE} for the boxes no
 * interpolant covers (default bab), {@code --out DIR} mining output (default a fresh temporary folder; an existing
 * run there is resumed).
 */
public final class DecomposedProofBench {
    /** Process CPU time: the direct proof's branch and bound runs on as many threads as there are cores. */
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private static DecomposedProof.Phase lastPhase;
    private static long lastReport;

    private DecomposedProofBench() {
    }

    /** One property of the benchmark: its number, network and the advisory that must be minimal. */
    private record Case(int number, String network, int advisory) {
    }

    public static void main(String[] args) throws IOException {
        List<Integer> numbers = List.of(5, 6, 9, 10);
        Path vnnlib = Path.of("../shared/acasxu/vnnlib");
        Path onnx = Path.of("../shared/acasxu/onnx");
        int samples = 2000;
        double mineSeconds = 120;
        double proofSeconds = 1;
        int subregions = 100;
        int depth = 12;
        double timeout = 60;
        long seed = 1;
        Path out = null;
        String fallbackEngine = "bab";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--properties" -> numbers = Arrays.stream(args[i + 1].split(","))
                        .map(String::strip).map(Integer::valueOf).toList();
                case "--vnnlib" -> vnnlib = Path.of(args[i + 1]);
                case "--onnx" -> onnx = Path.of(args[i + 1]);
                case "--samples" -> samples = Integer.parseInt(args[i + 1]);
                case "--mine-seconds" -> mineSeconds = Double.parseDouble(args[i + 1]);
                case "--proof-timeout" -> proofSeconds = Double.parseDouble(args[i + 1]);
                case "--subregions" -> subregions = Integer.parseInt(args[i + 1]);
                case "--depth" -> depth = Integer.parseInt(args[i + 1]);
                case "--timeout" -> timeout = Double.parseDouble(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--fallback" -> fallbackEngine = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (out == null) {
            out = Files.createTempDirectory("decomposed-bench");
        }
        Duration limit = seconds(timeout);
        for (int number : numbers) {
            Case c = switch (number) {
                case 5 -> new Case(5, "1_1", 4);
                case 6 -> new Case(6, "1_1", 0);
                case 9 -> new Case(9, "3_3", 3);
                case 10 -> new Case(10, "4_5", 0);
                default -> throw new IllegalArgumentException("property " + number + " is not 'advisory k is the "
                        + "advisory'; choose among 5, 6, 9, 10");
            };
            Network net = NetworkLoader.load(onnx.resolve("ACASXU_run2a_" + c.network() + "_batch_2000.onnx"));
            PatternNetwork patterns = PatternNetwork.of(net);
            Property property = VnnlibParser.parse(vnnlib.resolve("prop_" + number + ".vnnlib"));
            OutputProperty argmin = OutputProperty.argmin(c.advisory(), 5);
            List<Interpolant> interpolants = new ArrayList<>();
            double mining = 0;
            for (int k = 0; k < property.cases().size(); k++) {
                Box box = property.cases().get(k).box();
                MiningSettings settings = new MiningSettings(argmin, box, samples, seed + k, seconds(proofSeconds),
                        seconds(20 * proofSeconds), seconds(mineSeconds));
                Path dir = out.resolve("prop_" + number + "_box_" + k);
                MiningReport report = new PreconditionMiner(patterns, settings, new GlopLpSolver())
                        .mine(dir, line -> { });
                mining += report.wallTime().toNanos() / 1e9;
                interpolants.addAll(Interpolant.fromMining(dir, patterns, argmin));
                System.out.printf(Locale.ROOT, "phi%d box %d: mined %d preconditions covering %.1f%% of %d samples "
                        + "in %.1f s (%s)%n", number, k, report.entries().size(), 100 * report.coverage(),
                        report.propertySamples(), report.wallTime().toNanos() / 1e9, dir);
            }
            Engine direct = Engines.byName("auto");
            Engine plain = Engines.byName(fallbackEngine);
            DecomposedProof decomposed = new DecomposedProof(patterns, interpolants, depth, Optional.of(plain));
            // warm-up of all three on the whole region, then the timed runs
            direct.verify(net, property, Deadline.after(limit));
            plain.verify(net, property, Deadline.after(limit));
            decomposed.prove(property, Deadline.after(limit), p -> { });
            long[] directWhole = new long[2];
            Verdict directVerdict = timed(directWhole, () -> direct.verify(net, property, Deadline.after(limit)));
            long[] plainWhole = new long[2];
            Verdict plainVerdict = timed(plainWhole, () -> plain.verify(net, property, Deadline.after(limit)));
            long[] decomposedWhole = new long[2];
            DecomposedProofResult result = timed(decomposedWhole,
                    () -> decomposed.prove(property, Deadline.after(limit), DecomposedProofBench::report));
            System.out.printf(Locale.ROOT, "phi%d on N_%s, whole region: direct auto %s in %.3f s wall (%.3f s CPU), "
                    + "direct %s %s in %.3f s wall (%.3f s CPU); decomposed %s in %.3f s wall (%.3f s CPU): "
                    + "%d sub-problems bounded, %d covered by %d of %d interpolants, %d void, %d proved on the spot, "
                    + "%d boxes to the direct proof (%.3f s of it); mining %.1f s%n",
                    number, c.network(),
                    directVerdict.status(), directWhole[0] / 1e9, directWhole[1] / 1e9, fallbackEngine,
                    plainVerdict.status(), plainWhole[0] / 1e9, plainWhole[1] / 1e9, result.outcome().word(),
                    decomposedWhole[0] / 1e9, decomposedWhole[1] / 1e9, result.boundComputations(),
                    result.covered().size(),
                    usedInterpolants(result, interpolants.size()), interpolants.size(), result.voidSubProblems(),
                    result.provedOnTheSpot(), result.fallback().size(),
                    result.fallbackTime().toNanos() / 1e9, mining);
            check(directVerdict, result, "phi" + number + " whole region");
            check(plainVerdict, result, "phi" + number + " whole region");
            family(net, property, decomposed, direct, plain, subregions, seed, limit, number);
        }
    }

    /** Times both methods on {@code n} random sub-boxes of the region and checks that they agree. */
    private static void family(Network net, Property property, DecomposedProof decomposed, Engine direct,
            Engine plain, int n, long seed, Duration limit, int number) {
        Random random = new Random(seed + 1000L * number);
        long[] directTime = new long[2];
        long[] plainTime = new long[2];
        long[] decomposedTime = new long[2];
        int fullyCovered = 0;
        int fallbackBoxes = 0;
        int proven = 0;
        for (int s = 0; s < n; s++) {
            PropertyCase whole = property.cases().get(random.nextInt(property.cases().size()));
            Property part = new Property(property.source() + " sub-box " + s, 5, 5,
                    List.of(new PropertyCase(subBox(whole.box(), random), whole.inputConstraints(),
                            whole.outputCondition())));
            Verdict verdict = timed(directTime, () -> direct.verify(net, part, Deadline.after(limit)));
            Verdict plainVerdict = timed(plainTime, () -> plain.verify(net, part, Deadline.after(limit)));
            DecomposedProofResult result = timed(decomposedTime,
                    () -> decomposed.prove(part, Deadline.after(limit), p -> { }));
            check(verdict, result, part.source());
            check(plainVerdict, result, part.source());
            fullyCovered += result.fallback().isEmpty() ? 1 : 0;
            fallbackBoxes += result.fallback().size();
            proven += result.outcome() instanceof DecomposedProofResult.Proven ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "phi%d, %d random sub-boxes (sides 5-50%% of the region's): %d proven; "
                + "direct auto %.3f s wall (%.3f s CPU), direct %s %.3f s wall (%.3f s CPU), decomposed %.3f s "
                + "wall (%.3f s CPU); speed-up over auto %.2fx CPU, over %s %.2fx CPU; %d sub-boxes covered "
                + "without the direct proof, %d leftover boxes in all%n", number, n, proven,
                directTime[0] / 1e9, directTime[1] / 1e9, plain.name(), plainTime[0] / 1e9, plainTime[1] / 1e9,
                decomposedTime[0] / 1e9, decomposedTime[1] / 1e9, (double) directTime[1] / decomposedTime[1],
                plain.name(), (double) plainTime[1] / decomposedTime[1], fullyCovered, fallbackBoxes);
    }

    /** A box inside {@code box} with each side a random 5-50% of the box's side, placed uniformly. */
    private static Box subBox(Box box, Random random) {
        double[] lower = new double[box.dimension()];
        double[] upper = new double[box.dimension()];
        for (int j = 0; j < lower.length; j++) {
            double w = box.width(j) * (0.05 + 0.45 * random.nextDouble());
            lower[j] = box.lower(j) + random.nextDouble() * (box.width(j) - w);
            upper[j] = Math.min(box.upper(j), lower[j] + w);
        }
        return new Box(lower, upper);
    }

    /** Prints a progress line at each phase change and every 5 seconds. */
    private static void report(DecomposedProof.Progress p) {
        long now = System.nanoTime();
        if (p.phase() != lastPhase || now - lastReport > 5_000_000_000L) {
            System.err.printf(Locale.ROOT, "  %s %d/%d%n", p.phase(), p.done(), p.total());
            lastPhase = p.phase();
            lastReport = now;
        }
    }

    /** Fails the run when the two methods disagree (an unsat against a violation, or the reverse). */
    private static void check(Verdict direct, DecomposedProofResult decomposed, String where) {
        boolean directUnsat = direct instanceof Unsat;
        boolean decomposedProven = decomposed.outcome() instanceof DecomposedProofResult.Proven;
        boolean directSat = direct.status().equals("sat");
        boolean decomposedViolated = decomposed.outcome() instanceof DecomposedProofResult.Violated;
        if (directUnsat && decomposedViolated || directSat && decomposedProven) {
            throw new AssertionError(where + ": direct " + direct.status() + " but decomposed "
                    + decomposed.outcome());
        }
        if (directUnsat != decomposedProven) {
            System.out.println(where + ": direct " + direct.status() + ", decomposed " + decomposed.outcome());
        }
    }

    private static int usedInterpolants(DecomposedProofResult result, int count) {
        int used = 0;
        for (int i = 0; i < count; i++) {
            used += result.coveredBy(i).isEmpty() ? 0 : 1;
        }
        return used;
    }

    /** Runs {@code task}, adding its wall and process CPU nanoseconds to {@code time}. */
    private static <T> T timed(long[] time, Supplier<T> task) {
        long wall = System.nanoTime();
        long cpu = OS.getProcessCpuTime();
        T value = task.get();
        time[0] += System.nanoTime() - wall;
        time[1] += OS.getProcessCpuTime() - cpu;
        return value;
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos((long) (s * 1e9));
    }
}
