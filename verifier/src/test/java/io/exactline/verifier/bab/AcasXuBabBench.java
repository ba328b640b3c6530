package io.exactline.verifier.bab;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.exactline.core.io.NetworkLoader;
import io.exactline.core.network.Network;
import io.exactline.verifier.AutoEngine;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.falsify.GradientFalsifier;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.verdict.Verdict;
import io.exactline.verifier.vnnlib.VnnlibParser;

/**
 * Benchmark of the auto engine on ACAS Xu VNN-COMP instances with settings given on the command line (not a test).
 * Run its {@code main} with the test class path:
 * <pre>
 *   AcasXuBabBench SHARED [REGEX [TIMEOUT_SCALE [key=value ...]]]
 * </pre>
 * {@code SHARED} is the shared data folder; {@code REGEX} selects the lines of {@code acasxu/instances.csv} it finds
 * (default: all); keys are {@code alpha} (alpha-CROWN steps), {@code reuse} (parent linear bounds), {@code lookahead}, {@code workers},
 * {@code hunt} (seconds before the hunter starts, or {@code none}), {@code restarts} and {@code steps} (of the
 * falsifier). Prints per instance the verdict, wall and process CPU
 * seconds and the branch-and-bound counts, then the totals and the answers that contradict the VNN-COMP 2021
 * results ({@link AcasXuGroundTruth}).
 */
public final class AcasXuBabBench {
    private AcasXuBabBench() {
    }

    public static void main(String[] args) throws IOException {
        Path shared = Path.of(args[0]);
        Pattern select = Pattern.compile(args.length > 1 ? args[1] : ".*");
        double scale = args.length > 2 ? Double.parseDouble(args[2]) : 1.0;
        Map<String, String> settings = new TreeMap<>();
        for (int i = 3; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            settings.put(kv[0], kv[1]);
        }
        int restarts = Integer.parseInt(settings.getOrDefault("restarts", "-1"));
        int steps = Integer.parseInt(settings.getOrDefault("steps", "-1"));
        GradientFalsifier falsifier = restarts < 0 ? GradientFalsifier.standard()
                : new GradientFalsifier(restarts, steps, 1L);
        BabEngine bab = new BabEngine(net -> {
            BabOptions o = BabOptions.defaults(net.inputSize(), BabEngine.unitCount(net));
            if (settings.containsKey("alpha")) {
                o = o.withBounds(o.bounds().withAlphaSteps(Integer.parseInt(settings.get("alpha"))));
            }
            if (settings.containsKey("reuse")) {
                o = o.withBounds(o.bounds().withParentLinearBounds(Boolean.parseBoolean(settings.get("reuse"))));
            }
            if (settings.containsKey("lookahead")) {
                o = o.withLookahead(Integer.parseInt(settings.get("lookahead")));
            }
            if (settings.containsKey("workers")) {
                o = o.withWorkers(Integer.parseInt(settings.get("workers")));
            }
            if (settings.containsKey("hunt")) {
                String hunt = settings.get("hunt");
                o = o.withHunt(hunt.equals("none") ? Optional.empty()
                        : Optional.of(Duration.ofMillis((long) (Double.parseDouble(hunt) * 1000))));
            }
            return o;
        }, (net, o) -> new DeepPolyBounder(net, o.bounds()));
        AutoEngine engine = new AutoEngine(falsifier, bab);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<double[]> times = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> tally = new TreeMap<>();
        for (String line : Files.readAllLines(shared.resolve("acasxu/instances.csv"))) {
            if (line.isBlank() || !select.matcher(line).find()) {
                continue;
            }
            String[] f = line.split(",");
            Network net = NetworkLoader.load(shared.resolve("acasxu/onnx/" + f[0]));
            Property p = VnnlibParser.parse(shared.resolve("acasxu/vnnlib/" + f[1]));
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            Verdict v = engine.verify(net, p, Deadline.after(Duration.ofMillis((long) (Double.parseDouble(f[2])
                    * scale * 1000))));
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            times.add(new double[] {wall, cpu});
            tally.merge(v.status(), 1, Integer::sum);
            String id = AcasXuGroundTruth.id(f[0], f[1]);
            if (AcasXuGroundTruth.contradicts(f[0], f[1], v.status())) {
                wrong.add(id + " " + v.status());
            }
            System.out.printf(Locale.ROOT, "%-12s %-8s %8.3f s wall %8.3f s cpu  %s%n", id, v.status(), wall, cpu,
                    v.provenance().counts());
        }
        double[] walls = times.stream().mapToDouble(t -> t[0]).sorted().toArray();
        double cpu = times.stream().mapToDouble(t -> t[1]).sum();
        double median = walls.length == 0 ? 0 : walls.length % 2 == 1 ? walls[walls.length / 2]
                : 0.5 * (walls[walls.length / 2 - 1] + walls[walls.length / 2]);
        System.out.printf(Locale.ROOT, "instances %d %s, wrong %d %s, wall total %.1f s, median %.3f s, cpu %.1f s%n",
                walls.length, tally, wrong.size(), wrong, Arrays.stream(walls).sum(), median, cpu);
    }
}
