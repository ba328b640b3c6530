package io.exactline.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.exactline.core.io.NetworkLoader;
import io.exactline.core.layer.Dense;
import io.exactline.core.layer.Relu;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;
import io.exactline.testkit.SharedData;
import io.exactline.testkit.ThreadWatch;
import io.exactline.verifier.bab.BabEngine;
import io.exactline.verifier.bab.BabOptions;
import io.exactline.verifier.encoding.LinearObjective;
import io.exactline.verifier.encoding.NetworkRegion;
import io.exactline.verifier.encoding.RegionLp;
import io.exactline.verifier.lp.GlopLpSolver;
import io.exactline.verifier.lp.Sense;
import io.exactline.verifier.milp.BigMMilpSolver;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.property.LinearInequality;
import io.exactline.verifier.property.OutputCondition;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.property.Variable;
import io.exactline.verifier.smt.JavaSmtSolver;
import io.exactline.verifier.verdict.Unknown;
import io.exactline.verifier.verdict.Verdict;
import io.exactline.verifier.vnnlib.VnnlibParser;

/**
 * Hard limits on every verification path, through the public APIs: each engine of {@link Engines} and the LP, SMT
 * and MILP solvers, given one second on an ACAS Xu instance that takes minutes (property 1 on network 4_7), answer
 * within the second plus a grace for scheduling on a loaded machine, and leave no thread of theirs behind. A branch
 * and bound search in a JVM with a 24 MiB heap answers (unknown for lack of memory, or timeout) instead of dying of
 * an {@link OutOfMemoryError}, and a search whose queue reaches its limit answers unknown naming memory.
 *
 * <p>The grace bounds an overrun, not a speed: a path that ignored its deadline would run for minutes.
 */
class ResourceLimitsTest {
    private static final Duration BUDGET = Duration.ofSeconds(1);
    private static final Duration GRACE = Duration.ofSeconds(3);
    /** How long a thread may take to end after its verification returned (timer threads idle out after 1 s). */
    private static final Duration SETTLE = Duration.ofSeconds(5);
    /** Prop 1 of ACAS Xu, normalised: the unsafe set is Y_0 >= 3.9911256459. */
    private static final double PROP1_THRESHOLD = 3.991125645861615;

    private static Path onnx;
    private static Path vnnlib;
    private static Network network;
    private static Property property;

    @BeforeAll
    static void loadHardInstance() {
        onnx = SharedData.require("acasxu/onnx/ACASXU_run2a_4_7_batch_2000.onnx");
        vnnlib = SharedData.require("acasxu/vnnlib/prop_1.vnnlib");
        network = NetworkLoader.load(onnx);
        property = VnnlibParser.parse(vnnlib);
    }

    @Test
    void everyEngineAnswersWithinItsDeadlineAndLeavesNoThreadBehind() throws InterruptedException {
        List<String> problems = new ArrayList<>();
        for (String name : Engines.names()) {
            Engine engine = Engines.byName(name);
            Outcome<Verdict> outcome = timed(() -> engine.verify(network, property, Deadline.after(BUDGET)));
            check(name, outcome, outcome.value().status(), problems);
        }
        assertThat(problems).as("engines over their deadline or leaving threads").isEmpty();
    }

    @Test
    void lpSmtAndMilpSolversHonourTheirTimeLimitAndLeaveNoThreadBehind() throws InterruptedException {
        NetworkRegion region = NetworkRegion.box(network, property.boundingBox());
        OutputCondition unsafe = OutputCondition.of(LinearInequality.atLeast(Variable.output(0), PROP1_THRESHOLD));
        List<String> problems = new ArrayList<>();
        warmUpNativeSolvers();

        Outcome<?> lp = timed(() -> new GlopLpSolver().solve(
                RegionLp.of(region, LinearObjective.output(0), Sense.MAXIMIZE).program(), Deadline.after(BUDGET)));
        check("lp (GLOP)", lp, lp.value().getClass().getSimpleName(), problems);
        Outcome<?> smt = timed(() -> JavaSmtSolver.z3().findInput(region, unsafe, Deadline.after(BUDGET)));
        check("smt (Z3)", smt, smt.value().getClass().getSimpleName(), problems);
        Outcome<?> milp = timed(() -> new BigMMilpSolver().findInput(region, unsafe, Deadline.after(BUDGET)));
        check("milp (SCIP)", milp, milp.value().getClass().getSimpleName(), problems);

        assertThat(problems).as("solvers over their time limit or leaving threads").isEmpty();
    }

    @Test
    void branchAndBoundUnderASmallHeapAnswersInsteadOfRunningOutOfMemory() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx24m", "-XX:+UseSerialGC",
                "-Djava.library.path=" + System.getProperty("java.library.path"),
                "-cp", System.getProperty("java.class.path"), SmallHeapProbe.class.getName(), onnx.toString(),
                vnnlib.toString(), "15");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);

        assertThat(finished).as("probe finished; output so far: %s", output).isTrue();
        assertThat(output).as("probe output").doesNotContain("OutOfMemoryError");
        assertThat(process.exitValue()).as("probe exit code; output: %s", output).isZero();
        String verdict = output.strip().lines().reduce((a, b) -> b).orElse("");
        System.out.println("resource limits: branch and bound under -Xmx24m: " + verdict);
        assertThat(verdict).as("the probe's verdict line").matches("verdict (unknown|timeout|unsat|sat).*");
    }

    @Test
    void aFullBranchAndBoundQueueGivesUnknownNamingMemory() {
        BabEngine engine = new BabEngine(BabOptions.defaults(network.inputSize(), 300).withMaxQueued(4));

        Verdict verdict = engine.verify(network, property, Deadline.after(Duration.ofSeconds(60)));

        assertThat(verdict).as("%s", verdict).isInstanceOfSatisfying(Unknown.class,
                u -> assertThat(u.reason()).startsWith("memory"));
    }

    /**
     * Loads the solvers' native libraries (tens of megabytes, unpacked once per JVM) on a one-unit problem, so that
     * the timed calls measure how each solver honours its limit, not the first load.
     */
    private static void warmUpNativeSolvers() {
        Network tiny = new Network(List.of(new Dense(new double[][] {{1}}, new double[] {0}), new Relu(Shape.vector(1))),
                "warm-up");
        NetworkRegion unit = NetworkRegion.box(tiny, new Box(new double[] {-1}, new double[] {1}));
        OutputCondition above = OutputCondition.of(LinearInequality.atLeast(Variable.output(0), 0.5));
        Duration limit = Duration.ofSeconds(30);
        new GlopLpSolver().solve(RegionLp.of(unit, LinearObjective.output(0), Sense.MAXIMIZE).program(),
                Deadline.after(limit));
        JavaSmtSolver.z3().findInput(unit, above, Deadline.after(limit));
        new BigMMilpSolver().findInput(unit, above, Deadline.after(limit));
    }

    /** What a timed call returned, how long it took and which threads it started that are still alive. */
    private record Outcome<T>(T value, Duration elapsed, List<String> lingering) {
    }

    private static <T> Outcome<T> timed(Supplier<T> call) throws InterruptedException {
        ThreadWatch threads = ThreadWatch.start();
        long start = System.nanoTime();
        T value = call.get();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new Outcome<>(value, elapsed, threads.leftAfter(SETTLE));
    }

    private static void check(String name, Outcome<?> outcome, String answer, List<String> problems) {
        String line = name + ": " + answer + " after " + outcome.elapsed().toMillis() + " ms";
        System.out.println("resource limits: " + line);
        if (outcome.elapsed().compareTo(BUDGET.plus(GRACE)) > 0) {
            problems.add(line + ", over the budget of " + BUDGET.toMillis() + " ms plus " + GRACE.toMillis()
                    + " ms grace");
        }
        if (!outcome.lingering().isEmpty()) {
            problems.add(line + ", leaving threads " + outcome.lingering());
        }
    }
}
