package io.exactline.verifier.smt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
import io.exactline.verifier.encoding.PiecewiseAffineNetwork;
import io.exactline.verifier.lp.Sense;
import io.exactline.verifier.lp.TimeLimits;
import io.exactline.verifier.property.OutputCondition;

/**
 * {@link SmtSolver} through JavaSMT: Z3 ({@link #z3()}, with optimisation) or the pure-Java SMTInterpol
 * ({@link #smtInterpol()}, no native libraries, no optimisation). The encoding is {@link SmtEncoding}.
 *
 * <p>Each call creates its own solver context and closes it before returning, so calls are independent and may
 * run on several threads. The deadline covers the whole call: a timer trips the context's shutdown notifier when
 * it passes, which interrupts a running check (the call then answers {@code Timeout}). Z3 forgets an interrupt
 * that arrives while no check runs, so right before its check Z3 also gets the remaining time (plus a short grace,
 * so that the notifier normally wins) as its own {@code timeout} parameter. Every model is re-checked in exact
 * rational arithmetic before it is reported; a model failing the check (a solver bug) gives {@code Unknown}. Z3's
 * native libraries are found by {@link Z3Natives}.
 */
public final class JavaSmtSolver implements SmtSolver {
    /** Extra time Z3's own timeout allows beyond the limit, so that the shutdown notifier fires first. */
    private static final long Z3_GRACE_MILLIS = 200;
    /** Z3 reads its timeout as an unsigned 32-bit number of milliseconds (about 49 days). */
    private static final long MAX_Z3_TIMEOUT = 0xFFFF_FFFEL;

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
    public SmtResult findInput(NetworkRegion region, OutputCondition condition, Deadline deadline) {
        PiecewiseAffineNetwork network = region.network();
        ExactConditions.checkVariables(condition, network.inputSize(), network.outputSize());
        if (deadline.expired()) {
            return new SmtResult.Timeout();
        }
        ShutdownManager manager = ShutdownManager.create();
        try (ShutdownTimer timer = new ShutdownTimer(manager, deadline);
                SolverContext context = context(manager);
                ProverEnvironment prover = context.newProverEnvironment(ProverOptions.GENERATE_MODELS)) {
            try {
                SmtEncoding encoding = new SmtEncoding(context.getFormulaManager(), region);
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
                if (!region.containsExactly(x)
                        || !ExactConditions.holds(condition, x, network.evaluateExactly(x))) {
                    return new SmtResult.Unknown(backend + " model " + witness + " fails the exact re-check");
                }
                return new SmtResult.Sat(witness);
            } catch (InterruptedException e) {
                return interrupted(timer) ? new SmtResult.Timeout() : new SmtResult.Unknown("interrupted");
            } catch (SolverException e) {
                return timer.expired() ? new SmtResult.Timeout()
                        : new SmtResult.Unknown(backend + " failed: " + e.getMessage());
            }
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
        try (ShutdownTimer timer = new ShutdownTimer(manager, deadline);
                SolverContext context = context(manager);
                OptimizationProverEnvironment prover =
                        context.newOptimizationProverEnvironment(ProverOptions.GENERATE_MODELS)) {
            try {
                SmtEncoding encoding = new SmtEncoding(context.getFormulaManager(), region);
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
                    return timer.expired() ? new OptimumResult.Timeout()
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
                if (!region.containsExactly(x)
                        || !objective.exactValueAt(x, network.evaluateExactly(x)).equals(value)) {
                    return new OptimumResult.Unknown(backend + " optimum " + value + " at " + witness
                            + " fails the exact re-check");
                }
                return new OptimumResult.Optimum(value, witness);
            } catch (InterruptedException e) {
                return interrupted(timer) ? new OptimumResult.Timeout() : new OptimumResult.Unknown("interrupted");
            } catch (SolverException e) {
                return timer.expired() ? new OptimumResult.Timeout()
                        : new OptimumResult.Unknown(backend + " failed: " + e.getMessage());
            }
        }
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

    /** Whether an interruption came from the time limit; restores the thread's flag if it did not. */
    private static boolean interrupted(ShutdownTimer timer) {
        if (timer.expired()) {
            return true;
        }
        Thread.currentThread().interrupt();
        return false;
    }
}
