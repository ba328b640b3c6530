package io.exactline.verifier.smt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.apache.commons.numbers.fraction.BigFraction;
import org.sosy_lab.common.ShutdownManager;
import org.sosy_lab.common.configuration.Configuration;
import org.sosy_lab.common.configuration.InvalidConfigurationException;
import org.sosy_lab.common.log.LogManager;
import org.sosy_lab.common.rationals.Rational;
import org.sosy_lab.java_smt.SolverContextFactory;
import org.sosy_lab.java_smt.SolverContextFactory.Solvers;
import org.sosy_lab.java_smt.api.BasicProverEnvironment;
import org.sosy_lab.java_smt.api.BooleanFormula;
import org.sosy_lab.java_smt.api.Model;
import org.sosy_lab.java_smt.api.NumeralFormula.RationalFormula;
import org.sosy_lab.java_smt.api.OptimizationProverEnvironment;
import org.sosy_lab.java_smt.api.OptimizationProverEnvironment.OptStatus;
import org.sosy_lab.java_smt.api.ProverEnvironment;
import org.sosy_lab.java_smt.api.SolverContext;
import org.sosy_lab.java_smt.api.SolverContext.ProverOptions;
import org.sosy_lab.java_smt.api.SolverException;
import org.sosy_lab.java_smt.basicimpl.AbstractFormulaManager;

import com.microsoft.z3.Native;

import io.exactline.verifier.Deadline;
import io.exactline.verifier.encoding.ExactConditions;
import io.exactline.verifier.encoding.LinearObjective;
import io.exactline.verifier.encoding.NetworkRegion;
import io.exactline.verifier.encoding.PreActivationBounds;
import io.exactline.verifier.encoding.PiecewiseAffineNetwork;
import io.exactline.verifier.lp.Sense;
import io.exactline.verifier.lp.TimeLimits;
import io.exactline.verifier.property.OutputCondition;

/**
 * {@link SmtSolver} through JavaSMT: Z3 ({@link #z3()}, with optimisation) or the pure-Java SMTInterpol
 * ({@link #smtInterpol()}, no native libraries, no optimisation). The encoding is {@link SmtEncoding}.
 *
 * <p>Each call creates its own solver context, so calls are independent and may run on several threads. The
 * deadline covers the whole call: a timer trips the context's shutdown notifier when it passes, which interrupts a
 * running check (the call then answers {@code Timeout}). Z3 forgets an interrupt that arrives while no check runs,
 * so right before its check Z3 also gets the remaining time (plus a short grace, so that the notifier normally
 * wins) as its own {@code timeout} parameter. Z3 reacts to an interrupt only at its own checkpoints, which on
 * ACAS Xu networks were sometimes minutes apart; so the query runs on a daemon worker thread, and a query still
 * running a second after the deadline is abandoned: the call answers {@code Timeout} at once, and the worker
 * finishes the interrupted check, closes the context and exits in the background. An interrupt of the calling
 * thread stops the solver and answers {@code Unknown}. Every model is re-checked in exact
 * rational arithmetic before it is reported; a model failing the check (a solver bug) gives {@code Unknown}. Z3's
 * native libraries are found by {@link Z3Natives}.
 */
public final class JavaSmtSolver implements SmtSolver {
    /** Extra time Z3's own timeout allows beyond the limit, so that the shutdown notifier fires first. */
    private static final long Z3_GRACE_MILLIS = 200;
    /** Z3 reads its timeout as an unsigned 32-bit number of milliseconds (about 49 days). */
    private static final long MAX_Z3_TIMEOUT = 0xFFFF_FFFEL;
    /** How long after the deadline a check that ignores the shutdown is waited for before it is abandoned. */
    private static final long ABANDON_GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Daemon workers for the queries; an idle worker exits after a second. */
    private static final ExecutorService WORKERS = workers();

    private final Solvers backend;

    private JavaSmtSolver(Solvers backend) {
        this.backend = backend;
    }

    /** Z3 4.13 through JavaSMT. */
    public static JavaSmtSolver z3() {
        return new JavaSmtSolver(Solvers.Z3);
    }

    /** SMTInterpol (pure Java); {@link #optimize} answers {@code Unknown}. */
    public static JavaSmtSolver smtInterpol() {
        return new JavaSmtSolver(Solvers.SMTINTERPOL);
    }

    @Override
    public SmtResult findInput(NetworkRegion region, PreActivationBounds bounds, OutputCondition condition,
            Deadline deadline) {
        PiecewiseAffineNetwork network = region.network();
        ExactConditions.checkVariables(condition, network.inputSize(), network.outputSize());
        if (deadline.expired()) {
            return new SmtResult.Timeout();
        }
        ShutdownManager manager = ShutdownManager.create();
        ShutdownTimer timer = new ShutdownTimer(manager, deadline);
        try {
            return await(manager, deadline, () -> decide(region, bounds, condition, deadline, manager),
                    new SmtResult.Timeout(), SmtResult.Unknown::new);
        } finally {
            timer.disarm();
        }
    }

    private SmtResult decide(NetworkRegion region, PreActivationBounds bounds, OutputCondition condition,
            Deadline deadline, ShutdownManager manager) {
        PiecewiseAffineNetwork network = region.network();
        try (SolverContext context = context(manager);
                ProverEnvironment prover = context.newProverEnvironment(ProverOptions.GENERATE_MODELS)) {
            SmtEncoding encoding = new SmtEncoding(context.getFormulaManager(), region, bounds);
            addAll(prover, encoding.constraints());
            prover.addConstraint(encoding.condition(condition));
            if (!arm(context, deadline)) {
                return new SmtResult.Timeout();
            }
            if (prover.isUnsat()) {
                return new SmtResult.Unsat();
            }
            Witness witness = witness(prover, encoding, region);
            BigFraction[] x = witness.exactInputArray();
            if (!region.containsExactly(x) || !ExactConditions.holds(condition, x, network.evaluateExactly(x))) {
                return new SmtResult.Unknown(backend + " model " + witness + " fails the exact re-check");
            }
            return new SmtResult.Sat(witness);
        } catch (InterruptedException e) {
            return stopped(manager) ? new SmtResult.Timeout() : new SmtResult.Unknown("interrupted");
        } catch (SolverException e) {
            return stopped(manager) ? new SmtResult.Timeout()
                    : new SmtResult.Unknown(backend + " failed: " + e.getMessage());
        }
    }

    @Override
    public OptimumResult optimize(NetworkRegion region, LinearObjective objective, Sense sense, Deadline deadline) {
        PiecewiseAffineNetwork network = region.network();
        ExactConditions.checkVariables(objective.terms(), network.inputSize(), network.outputSize(), "objective");
        if (deadline.expired()) {
            return new OptimumResult.Timeout();
        }
        if (backend != Solvers.Z3) {
            return new OptimumResult.Unknown(backend + " has no optimisation; use Z3");
        }
        ShutdownManager manager = ShutdownManager.create();
        ShutdownTimer timer = new ShutdownTimer(manager, deadline);
        try {
            return await(manager, deadline, () -> optimum(region, objective, sense, deadline, manager),
                    new OptimumResult.Timeout(), OptimumResult.Unknown::new);
        } finally {
            timer.disarm();
        }
    }

    private OptimumResult optimum(NetworkRegion region, LinearObjective objective, Sense sense, Deadline deadline,
            ShutdownManager manager) {
        PiecewiseAffineNetwork network = region.network();
        try (SolverContext context = context(manager);
                OptimizationProverEnvironment prover =
                        context.newOptimizationProverEnvironment(ProverOptions.GENERATE_MODELS)) {
            SmtEncoding encoding = new SmtEncoding(context.getFormulaManager(), region,
                    region.intervalBounds());
            addAll(prover, encoding.constraints());
            int handle = sense == Sense.MAXIMIZE ? prover.maximize(encoding.objective(objective))
                    : prover.minimize(encoding.objective(objective));
            if (!arm(context, deadline)) {
                return new OptimumResult.Timeout();
            }
            OptStatus status = prover.check();
            if (status == OptStatus.UNSAT) {
                return new OptimumResult.Infeasible();
            }
            if (status != OptStatus.OPT) {
                return stopped(manager) ? new OptimumResult.Timeout()
                        : new OptimumResult.Unknown(backend + " optimisation ended with status " + status);
            }
            Optional<Rational> bound = sense == Sense.MAXIMIZE ? prover.upper(handle, Rational.ZERO)
                    : prover.lower(handle, Rational.ZERO);
            if (bound.isEmpty()) {
                return new OptimumResult.Unknown(backend + " reports no finite optimum");
            }
            BigFraction value = fraction(bound.get());
            Witness witness = witness(prover, encoding, region);
            BigFraction[] x = witness.exactInputArray();
            if (!region.containsExactly(x) || !objective.exactValueAt(x, network.evaluateExactly(x)).equals(value)) {
                return new OptimumResult.Unknown(backend + " optimum " + value + " at " + witness
                        + " fails the exact re-check");
            }
            return new OptimumResult.Optimum(value, witness);
        } catch (InterruptedException e) {
            return stopped(manager) ? new OptimumResult.Timeout() : new OptimumResult.Unknown("interrupted");
        } catch (SolverException e) {
            return stopped(manager) ? new OptimumResult.Timeout()
                    : new OptimumResult.Unknown(backend + " failed: " + e.getMessage());
        }
    }

    /**
     * Runs {@code task} on a worker thread and waits for it until the deadline plus a grace. A task still running
     * then (a check that does not react to the shutdown) is abandoned: the answer is {@code timeout}, and the task
     * finishes and frees its solver on the worker, which exits once idle. An interrupt of the calling thread shuts
     * the solver down and answers {@code unknown}. Exceptions of the task are rethrown.
     */
    private static <T> T await(ShutdownManager manager, Deadline deadline, Callable<T> task, T timeout,
            Function<String, T> unknown) {
        Future<T> future = WORKERS.submit(task);
        try {
            if (deadline.isUnlimited()) {
                return future.get();
            }
            return future.get(deadline.remaining().toNanos() + ABANDON_GRACE_NANOS, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            manager.requestShutdown("abandoned after the deadline");
            return timeout;
        } catch (InterruptedException e) {
            manager.requestShutdown("the calling thread was interrupted");
            Thread.currentThread().interrupt();
            return unknown.apply("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("SMT query failed", e.getCause());
        }
    }

    private static ExecutorService workers() {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 1, TimeUnit.SECONDS, new SynchronousQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "exactline-smt-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    private SolverContext context(ShutdownManager manager) {
        try {
            return SolverContextFactory.createSolverContext(Configuration.defaultConfiguration(),
                    LogManager.createNullLogManager(), manager.getNotifier(), backend, Z3Natives::load);
        } catch (InvalidConfigurationException e) {
            throw new IllegalStateException("JavaSMT rejected its default configuration for " + backend, e);
        }
    }

    /**
     * Prepares the check that follows: false if the deadline has passed; for Z3, sets its {@code timeout}
     * parameter (read by every check) to the remaining time plus the grace.
     */
    private boolean arm(SolverContext context, Deadline deadline) {
        if (deadline.expired()) {
            return false;
        }
        if (backend == Solvers.Z3 && !deadline.isUnlimited()
                && context.getFormulaManager() instanceof AbstractFormulaManager<?, ?, ?, ?> formulas
                && formulas.getEnvironment() instanceof Long z3Context) {
            long millis = TimeLimits.millis(deadline.remaining()) + Z3_GRACE_MILLIS;
            Native.updateParamValue(z3Context, "timeout", Long.toString(Math.min(millis, MAX_Z3_TIMEOUT)));
        }
        return true;
    }

    private static void addAll(BasicProverEnvironment<?> prover, List<BooleanFormula> constraints)
            throws InterruptedException {
        for (BooleanFormula constraint : constraints) {
            prover.addConstraint(constraint);
        }
    }

    /** The model's input point; an input the model leaves open takes its lower bound (any value satisfies). */
    private static Witness witness(BasicProverEnvironment<?> prover, SmtEncoding encoding, NetworkRegion region)
            throws SolverException {
        double[] lower = region.box().lower();
        double[] upper = region.box().upper();
        List<BigFraction> exact = new ArrayList<>(lower.length);
        double[] rounded = new double[lower.length];
        try (Model model = prover.getModel()) {
            for (int j = 0; j < lower.length; j++) {
                RationalFormula x = encoding.inputs().get(j);
                Rational value = model.evaluate(x);
                BigFraction v = value == null ? BigFraction.from(lower[j]) : fraction(value);
                exact.add(v);
                rounded[j] = Math.min(upper[j], Math.max(lower[j], v.doubleValue()));
            }
        }
        return new Witness(exact, rounded);
    }

    private static BigFraction fraction(Rational r) {
        return BigFraction.of(r.getNum(), r.getDen());
    }

    /** Whether the solver was asked to stop (deadline passed, or the caller gave up). */
    private static boolean stopped(ShutdownManager manager) {
        return manager.getNotifier().shouldShutdown();
    }

    /** The backend's name, e.g. {@code Z3}. */
    @Override
    public String toString() {
        return backend.toString();
    }
}
