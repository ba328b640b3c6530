package io.exactline.verifier.bench;

import java.lang.management.ManagementFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;

import com.sun.management.OperatingSystemMXBean;

import io.exactline.core.Vectors;
import io.exactline.core.io.OnnxLoader;
import io.exactline.core.line.ActivationPattern;
import io.exactline.core.network.Network;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.bounds.PartialPattern;
import io.exactline.verifier.encoding.LinearObjective;
import io.exactline.verifier.encoding.NetworkRegion;
import io.exactline.verifier.encoding.PiecewiseAffineNetwork;
import io.exactline.verifier.encoding.PreActivationBounds;
import io.exactline.verifier.encoding.RegionLp;
import io.exactline.verifier.lp.GlopLpSolver;
import io.exactline.verifier.lp.LpResult;
import io.exactline.verifier.lp.SafeBounds;
import io.exactline.verifier.lp.Sense;
import io.exactline.verifier.milp.BigMMilpSolver;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.property.Conjunction;
import io.exactline.verifier.property.LinearInequality;
import io.exactline.verifier.property.OutputCondition;
import io.exactline.verifier.property.Variable;
import io.exactline.verifier.smt.JavaSmtSolver;
import io.exactline.verifier.smt.OptimumResult;
import io.exactline.verifier.smt.SmtResult;

/**
 * Solve times of the solver layer on ACAS Xu networks (a benchmark, not a test). For random centres in the
 * normalised input domain and boxes of a few radii it measures, per query, wall time and the CPU time of the whole
 * process (the native solvers run on worker threads; CPU time is less disturbed by other processes on a shared
 * machine, but includes the JVM's own threads and any abandoned Z3 check still winding down):
 * <ul>
 *   <li>Z3 deciding "the advisory (argmin) at the centre can change in the box" (usually unsat);</li>
 *   <li>Z3 maximising {@code Y_0} over the part of the box with the centre's activation pattern (an exact LP);</li>
 *   <li>GLOP on the LP of the centre's full activation pattern within the box, plus the safe bound from its duals
 *       in double and in exact arithmetic;</li>
 *   <li>GLOP on the triangle relaxation of the box (no pattern);</li>
 *   <li>SCIP maximising {@code Y_0} over the box (big-M MILP with interval bounds).</li>
 * </ul>
 * Every query has 30 s. Run with the shared folder and the number of centres as arguments after {@code mvn -pl verifier -am test-compile}, with the test class
 * path and {@code -Djava.library.path=verifier/target/native}.
 */
public final class SolverBenchmark {
    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    /** The normalised ACAS Xu input domain of the VNN-COMP properties. */
    private static final double[] DOMAIN_LOW = {-0.328422877, -0.5, -0.5, -0.5, -0.5};
    private static final double[] DOMAIN_HIGH = {0.679857769, 0.5, 0.5, 0.5, 0.5};

    private final Map<String, List<double[]>> samples = new TreeMap<>();

    private SolverBenchmark() {
    }

    public static void main(String[] args) {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
        int centres = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        SolverBenchmark bench = new SolverBenchmark();
        for (String id : List.of("1_1", "2_5")) {
            Network net = OnnxLoader.load(shared.resolve("acasxu/onnx/ACASXU_run2a_" + id + "_batch_2000.onnx"));
            for (double radius : new double[] {0.001, 0.01}) {
                bench.run(net, "net " + id, radius, centres, new Random(7));
            }
        }
        bench.report();
        System.exit(0);
    }

    private void run(Network net, String name, double radius, int centres, Random random) {
        PiecewiseAffineNetwork steps = PiecewiseAffineNetwork.of(net);
        JavaSmtSolver z3 = JavaSmtSolver.z3();
        GlopLpSolver glop = new GlopLpSolver();
        BigMMilpSolver scip = new BigMMilpSolver();
        String key = String.format(Locale.ROOT, "r=%.3f", radius);
        for (int c = 0; c < centres; c++) {
            double[] centre = new double[5];
            for (int j = 0; j < 5; j++) {
                centre[j] = DOMAIN_LOW[j] + (DOMAIN_HIGH[j] - DOMAIN_LOW[j]) * random.nextDouble();
            }
            Box box = Box.around(centre, radius, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
            NetworkRegion region = new NetworkRegion(steps, box, Conjunction.TRUE, steps.freePattern());
            PreActivationBounds bounds = region.intervalBounds();
            int unstable = 0;
            for (int k = 0; k < bounds.layerCount(); k++) {
                for (int i = 0; i < steps.activations().get(k).size(); i++) {
                    if (bounds.lower(k, i) < 0 && bounds.upper(k, i) > 0) {
                        unstable++;
                    }
                }
            }
            record(key + " unstable ReLUs (interval bounds)", unstable, unstable);
            int advisory = Vectors.argmin(net.evaluate(centre));
            List<Conjunction> others = new ArrayList<>();
            for (int j = 0; j < 5; j++) {
                if (j != advisory) {
                    others.add(Conjunction.of(LinearInequality.lessOrEqual(Variable.output(j),
                            Variable.output(advisory))));
                }
            }
            OutputCondition changes = new OutputCondition(others);
            SmtResult decided = time(key + " Z3 advisory-change query", () -> z3.findInput(region, changes, limit()));
            record(key + " Z3 advisory-change answered share", decided instanceof SmtResult.Timeout ? 0 : 1, 0);
            NetworkRegion pattern = region.with(PartialPattern.of(ActivationPattern.at(net, centre)));
            OptimumResult max = time(key + " Z3 max Y_0 on the centre's pattern", () -> z3.optimize(pattern,
                    LinearObjective.output(0), Sense.MAXIMIZE, limit()));
            record(key + " Z3 max Y_0 on the pattern answered share", max instanceof OptimumResult.Timeout ? 0 : 1, 0);

            RegionLp fixed = time(key + " build LP of the centre's pattern",
                    () -> RegionLp.of(pattern, bounds, LinearObjective.output(0), Sense.MINIMIZE));
            LpResult solved = time(key + " GLOP LP of the centre's pattern", () -> glop.solve(fixed.program(), limit()));
            if (solved instanceof LpResult.Optimal optimal) {
                time(key + " safe bound, double", () -> SafeBounds.objectiveBound(fixed.program(), optimal.duals()));
                time(key + " safe bound, exact", () -> SafeBounds.exactObjectiveBound(fixed.program(), optimal.duals()));
            }
            RegionLp relaxed = RegionLp.of(region, bounds, LinearObjective.output(0), Sense.MINIMIZE);
            time(key + " GLOP triangle relaxation", () -> glop.solve(relaxed.program(), limit()));
            time(key + " SCIP max Y_0", () -> scip.optimize(region, bounds, LinearObjective.output(0), Sense.MAXIMIZE,
                    limit()));
            System.out.printf(Locale.ROOT, "%s %s centre %d: %d unstable, advisory query %s, max %s%n", name, key, c,
                    unstable, decided.getClass().getSimpleName(), max.getClass().getSimpleName());
        }
    }

    private static Deadline limit() {
        return Deadline.after(Duration.ofSeconds(30));
    }

    private <T> T time(String what, Supplier<T> task) {
        long wall = System.nanoTime();
        long cpu = PROCESS.getProcessCpuTime();
        T result = task.get();
        record(what, (System.nanoTime() - wall) / 1e6, (PROCESS.getProcessCpuTime() - cpu) / 1e6);
        return result;
    }

    private void record(String what, double wall, double cpu) {
        samples.computeIfAbsent(what, k -> new ArrayList<>()).add(new double[] {wall, cpu});
    }

    private void report() {
        System.out.println();
        System.out.println("what: n, wall median / max ms, cpu median ms");
        samples.forEach((what, values) -> {
            double[] wall = values.stream().mapToDouble(v -> v[0]).sorted().toArray();
            double[] cpu = values.stream().mapToDouble(v -> v[1]).sorted().toArray();
            System.out.printf(Locale.ROOT, "%s: %d, %.2f / %.2f, %.2f%n", what, wall.length, wall[wall.length / 2],
                    wall[wall.length - 1], cpu[cpu.length / 2]);
        });
    }
}
