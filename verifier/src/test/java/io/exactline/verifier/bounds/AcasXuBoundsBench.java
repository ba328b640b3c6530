package io.exactline.verifier.bounds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.exactline.core.io.OnnxLoader;
import io.exactline.core.network.Network;
import io.exactline.verifier.property.Box;

/**
 * Benchmark of the bounding layer on ACAS Xu (not a test). Run its {@code main} with the test class path:
 * <pre>
 *   AcasXuBoundsBench SHARED [METHODS [PROPS [smear|widest [profile]]]]
 * </pre>
 * {@code SHARED} is the shared data folder ({@code ../shared}); {@code METHODS} a comma-separated list of
 * {@code interval}, {@code forward}, {@code backward}, {@code forward+backward}, each optionally followed by
 * {@code @N} (N alpha-CROWN steps) and {@code /K} (fresh back-substitution only every K-th level of the search,
 * the parent's linear bounds reused in between); {@code PROPS} a list of property numbers 1–4.
 *
 * <p>Runs a plain input-splitting loop over all 45 networks per property (depth first; a box is closed when
 * some unsafe-set inequality has a positive lower bound; the box centre and the bound's candidate corner are
 * tried as counterexamples; otherwise the input with the largest split score is bisected, the halves starting
 * from the box's bounds) and prints boxes, outcome and time per network. {@code profile} instead prints the
 * time of one {@link BoundComputer#bounds} call on each property's box and on a box 1/64 of it. Times are CPU
 * times of the benchmark thread: the machine is shared.
 */
public final class AcasXuBoundsBench {
    private static final Pattern BOUND = Pattern.compile("\\(assert \\((<=|>=) X_(\\d) ([-0-9.eE]+)\\)\\)");
    private static final int BOX_LIMIT = 200_000;

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private AcasXuBoundsBench() {
    }

    /**
     * CPU time of this thread: the machine is shared, and wall-clock time would count the time other processes
     * hold the cores.
     */
    static long cpuNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** The unsafe region's output constraints {@code c . y + d <= 0}, all of which a counterexample meets. */
    record Property(String name, Box box, double[][] c, double[] d) {
    }

    enum Outcome { VERIFIED, COUNTEREXAMPLE, LIMIT }

    record Result(Outcome outcome, long boxes, double seconds) {
    }

    static Box inputBox(Path vnnlib) throws IOException {
        double[] lo = new double[5];
        double[] hi = new double[5];
        Matcher m = BOUND.matcher(Files.readString(vnnlib));
        while (m.find()) {
            int i = Integer.parseInt(m.group(2));
            double v = Double.parseDouble(m.group(3));
            if (m.group(1).equals("<=")) {
                hi[i] = v;
            } else {
                lo[i] = v;
            }
        }
        return new Box(lo, hi);
    }

    static Property property(Path shared, int number) throws IOException {
        Box box = inputBox(shared.resolve("acasxu/vnnlib/prop_" + number + ".vnnlib"));
        switch (number) {
            case 1:
                return new Property("prop_1", box, new double[][] {{-1, 0, 0, 0, 0}}, new double[] {3.991125645861615});
            case 2:
                return new Property("prop_2", box, rows(j -> unit(j, 0)), new double[4]);
            default:
                return new Property("prop_" + number, box, rows(j -> unit(0, j)), new double[4]);
        }
    }

    /** {@code e_a - e_b}. */
    private static double[] unit(int a, int b) {
        double[] c = new double[5];
        c[a] += 1;
        c[b] -= 1;
        return c;
    }

    private static double[][] rows(java.util.function.IntFunction<double[]> row) {
        double[][] c = new double[4][];
        for (int j = 1; j <= 4; j++) {
            c[j - 1] = row.apply(j);
        }
        return c;
    }

    private static boolean unsafe(Property p, double[] y) {
        for (int r = 0; r < p.c.length; r++) {
            double v = p.d[r];
            for (int i = 0; i < y.length; i++) {
                v += p.c[r][i] * y[i];
            }
            if (v > 0) {
                return false;
            }
        }
        return true;
    }

    /** A box waiting in the depth-first search, with its parent's bounds and its depth. */
    private record Pending(Box box, LayerBounds parent, int depth) {
    }

    /**
     * Depth-first input splitting until every box is proved or a counterexample is found. Each box's bounds
     * start from its parent's; at depths that are multiples of {@code refresh} every unstable unit is
     * back-substituted afresh, at other depths the parent's linear bounds are reused.
     */
    static Result split(BoundComputer fresh, BoundComputer reuse, int refresh, Property p, boolean smear) {
        long start = cpuNanos();
        Network network = fresh.network().network();
        PartialPattern free = PartialPattern.free(fresh.network());
        Deque<Pending> stack = new ArrayDeque<>();
        stack.push(new Pending(p.box, null, 0));
        long boxes = 0;
        while (!stack.isEmpty()) {
            if (boxes >= BOX_LIMIT) {
                return new Result(Outcome.LIMIT, boxes, (cpuNanos() - start) / 1e9);
            }
            Pending pending = stack.pop();
            Box box = pending.box;
            boxes++;

            BoundComputer computer = pending.depth % refresh == 0 ? fresh : reuse;
            Optional<LayerBounds> bounds = pending.parent == null ? computer.bounds(box, free)
                    : computer.bounds(box, free, pending.parent);
            if (bounds.isEmpty()) {
                continue;
            }
            double best = Double.NEGATIVE_INFINITY;
            ObjectiveBound bestBound = null;
            for (int r = 0; r < p.c.length; r++) {
                ObjectiveBound o = computer.lowerBound(bounds.get(), p.c[r]);
                double margin = o.lower() + p.d[r];
                if (margin > best) {
                    best = margin;
                    bestBound = o;
                }
            }
            if (best > 0) {
                continue;
            }
            if (unsafe(p, network.evaluate(box.midpoint())) || unsafe(p, network.evaluate(bestBound.candidate()))) {

                return new Result(Outcome.COUNTEREXAMPLE, boxes, (cpuNanos() - start) / 1e9);
            }
            int dim = smear ? bestBound.bestInputSplit() : widest(box, p.box);
            if (!box.canBisect(dim)) {
                return new Result(Outcome.LIMIT, boxes, (cpuNanos() - start) / 1e9);
            }
            Box[] halves = box.bisect(dim);
            stack.push(new Pending(halves[1], bounds.get(), pending.depth + 1));
            stack.push(new Pending(halves[0], bounds.get(), pending.depth + 1));
        }
        return new Result(Outcome.VERIFIED, boxes, (cpuNanos() - start) / 1e9);
    }

    /** The dimension widest relative to the property's box. */
    private static int widest(Box box, Box root) {
        int best = 0;
        double width = -1;
        for (int i = 0; i < box.dimension(); i++) {
            double w = root.width(i) == 0 ? 0 : box.width(i) / root.width(i);
            if (w > width) {
                width = w;
                best = i;
            }
        }
        return best;
    }

    /** Median time in microseconds of {@code repeats} bounds calls (after warm-up) on a box. */
    static double boundsMicros(BoundComputer computer, Box box, int repeats) {
        PartialPattern free = PartialPattern.free(computer.network());
        double[] times = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t0 = cpuNanos();
            computer.bounds(box, free);
            times[r] = (cpuNanos() - t0) / 1e3;
        }
        java.util.Arrays.sort(times);
        return times[repeats / 2];
    }

    public static void main(String[] args) throws IOException {
        Locale.setDefault(Locale.ROOT);
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
        List<String> modes = List.of(args.length > 1 ? args[1].split(",") : new String[] {"forward+backward"});
        int[] props = args.length > 2
                ? java.util.Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {3, 4};
        boolean smear = args.length <= 3 || !args[3].equals("widest");
        List<Network> nets = new ArrayList<>();
        for (int a = 1; a <= 5; a++) {
            for (int b = 1; b <= 9; b++) {
                nets.add(OnnxLoader.load(shared.resolve("acasxu/onnx/ACASXU_run2a_" + a + "_" + b
                        + "_batch_2000.onnx")));
            }
        }
        if (args.length > 4 && args[4].equals("profile")) {
            profile(shared, nets, modes, props);
            return;
        }
        for (String mode : modes) {
            BoundOptions options = options(mode);
            System.out.println("== method " + mode + " " + options + (smear ? " smear" : " widest"));
            for (int number : props) {
                Property p = property(shared, number);
                BoundNetwork net0 = BoundNetwork.of(nets.get(0));
                BoundComputer warm = new BoundComputer(net0, options);
                boundsMicros(warm, p.box, 2000);
                LayerBounds root = warm.bounds(p.box, PartialPattern.free(net0)).orElseThrow();
                System.out.printf("%s root box on 1_1: %.1f us per bounds call, %d unstable units%n", p.name,
                        boundsMicros(warm, p.box, 2000), root.unstableCount());
                long boxes = 0;
                double seconds = 0;
                int verified = 0;
                int falsified = 0;
                int limit = 0;
                StringBuilder detail = new StringBuilder();
                for (int n = 0; n < nets.size(); n++) {
                    BoundNetwork net = BoundNetwork.of(nets.get(n));
                    Result r = split(new BoundComputer(net, options),
                            new BoundComputer(net, options.withParentLinearBounds(true)), refresh(mode), p, smear);
                    boxes += r.boxes;
                    seconds += r.seconds;
                    switch (r.outcome) {
                        case VERIFIED -> verified++;
                        case COUNTEREXAMPLE -> falsified++;
                        default -> limit++;
                    }
                    detail.append(String.format(" %d_%d:%s/%d/%.2fs", n / 9 + 1, n % 9 + 1,
                            r.outcome.name().charAt(0), r.boxes, r.seconds));
                }
                System.out.printf("%s: %d verified, %d counterexamples, %d over the limit; %d boxes, %.2f s, "
                        + "%.1f us per box%n", p.name, verified, falsified, limit, boxes, seconds,
                        seconds * 1e6 / boxes);
                System.out.println("  " + detail.toString().trim());
            }
        }
    }

    /** Per-call times on each property's root box of network 1_1 and a box 1/64 of its width. */
    private static void profile(Path shared, List<Network> nets, List<String> modes, int[] props) throws IOException {
        for (int number : props) {
            Property p = property(shared, number);
            Box small = p.box;
            for (int i = 0; i < 3; i++) {
                small = small.bisect(0)[0].bisect(3)[0];
            }
            for (String mode : modes) {
                BoundNetwork net = BoundNetwork.of(nets.get(0));
                BoundComputer computer = new BoundComputer(net, options(mode));
                boundsMicros(computer, p.box, 3000);
                LayerBounds root = computer.bounds(p.box, PartialPattern.free(net)).orElseThrow();
                LayerBounds leaf = computer.bounds(small, PartialPattern.free(net)).orElseThrow();
                double rootTime = boundsMicros(computer, p.box, 2000);
                double leafTime = boundsMicros(computer, small, 2000);
                long t0 = cpuNanos();
                double lb = 0;
                for (int r = 0; r < 2000; r++) {
                    lb = computer.lowerBound(root, p.c[0]).lower();
                }
                double objectiveTime = (cpuNanos() - t0) / 1e3 / 2000;
                System.out.printf("%s %-22s root %7.1f us (%3d unstable)  small box %7.1f us (%3d unstable)  "
                        + "objective %6.1f us lb %.4f%n", p.name, mode, rootTime, root.unstableCount(), leafTime,
                        leaf.unstableCount(), objectiveTime, lb);
            }
        }
    }

    /** The refresh period of a mode {@code method[@alpha][/refresh]}; 1 (always fresh) by default. */
    static int refresh(String mode) {
        String[] parts = mode.split("/");
        return parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
    }

    static BoundOptions options(String mode) {
        String[] parts = mode.split("/")[0].split("@");
        BoundOptions base = switch (parts[0]) {
            case "interval" -> BoundOptions.INTERVAL;
            case "forward" -> BoundOptions.FORWARD;
            case "backward" -> BoundOptions.BACKWARD;
            case "forward+backward" -> BoundOptions.FORWARD_BACKWARD;
            default -> throw new IllegalArgumentException("unknown method " + mode);
        };
        return parts.length > 1 ? base.withAlphaSteps(Integer.parseInt(parts[1])) : base;
    }
}
