package io.exactline.maven;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import io.exactline.core.BadInputException;
import io.exactline.core.network.Network;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.Engine;
import io.exactline.verifier.Engines;
import io.exactline.verifier.cache.CachedProof;
import io.exactline.verifier.cache.CachingEngine;
import io.exactline.verifier.cache.ProofCache;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.verdict.Assurance;
import io.exactline.verifier.verdict.Counterexample;
import io.exactline.verifier.verdict.Sat;
import io.exactline.verifier.verdict.Timeout;
import io.exactline.verifier.verdict.Unknown;
import io.exactline.verifier.verdict.Unsat;
import io.exactline.verifier.verdict.Verdict;
import io.exactline.verifier.vnnlib.VnnlibParser;

/**
 * Proves one property of one network and judges the verdict against the expectation.
 *
 * <p>{@code holds} passes only on unsat; {@code violated} only on sat, whose counterexample was re-evaluated on
 * the network and checked against the property ({@link Counterexample#confirm}). A timeout or an unknown verdict
 * is never a pass: it is {@link Outcome#UNPROVED}. Neither is, unless the goal accepts unchecked answers, the unsat
 * of a plug-in engine that no certificate checker confirmed ({@link Unsat#unchecked()}): it is reported as
 * {@code unsat, unchecked}. With a cache, conclusive verdicts are kept by network content, property content and
 * engine settings ({@link CachingEngine}; it never stores a plug-in's unsat), and a verdict read back says so.
 */
final class ProofRunner {
    static final String KIND = "proof";

    private final Networks networks;
    private final Optional<ProofCache> cache;
    private final boolean acceptUnchecked;

    /**
     * @param cache where conclusive verdicts are kept, if anywhere
     * @param acceptUnchecked whether a plug-in's unchecked unsat meets the expectation {@code holds}
     */
    ProofRunner(Networks networks, Optional<ProofCache> cache, boolean acceptUnchecked) {
        this.networks = networks;
        this.cache = cache;
        this.acceptUnchecked = acceptUnchecked;
    }

    /** Proves {@code task}; bad input (a missing or malformed file, mismatched sizes) gives an error result. */
    CheckResult prove(ProofTask task) {
        long start = System.nanoTime();
        String expected = task.expectation().word();
        try {
            Engine engine = Engines.byName(task.engine());
            Network network = networks.load(task.network());
            Property property = VnnlibParser.parse(task.property());
            property.requireCompatible(network);
            Engine prover = cache.<Engine>map(c -> new CachingEngine(engine, c)).orElse(engine);
            Verdict verdict = prover.verify(network, property, Deadline.after(task.timeout()));
            return judge(task, verdict, Duration.ofNanos(System.nanoTime() - start), acceptUnchecked);
        } catch (BadInputException e) {
            return CheckResult.error(KIND, task.name(), expected, task.engine(),
                    Duration.ofNanos(System.nanoTime() - start), e.getMessage());
        }
    }

    /**
     * The check result of {@code verdict} for {@code task}.
     *
     * @param acceptUnchecked whether a plug-in's unchecked unsat meets the expectation {@code holds}
     */
    static CheckResult judge(ProofTask task, Verdict verdict, Duration elapsed, boolean acceptUnchecked) {
        boolean cached = verdict.provenance().engine().equals(CachedProof.ENGINE);
        String engine = cached ? verdict.provenance().settings().getOrDefault("provedBy", task.engine())
                : verdict.provenance().engine();
        Expectation expectation = task.expectation();
        Outcome outcome;
        String message;
        Optional<Evidence> evidence = Optional.empty();
        if (verdict instanceof Unsat unsat && unsat.unchecked() && expectation == Expectation.HOLDS) {
            outcome = acceptUnchecked ? Outcome.PASSED : Outcome.UNPROVED;
            message = "plug-in engine " + engine + " answered unsat without a certificate that the checker accepts:"
                    + " nobody has checked this answer" + (acceptUnchecked ? " (accepted: acceptUnchecked is set)"
                    : "; set acceptUnchecked to let such answers pass");
        } else if (verdict instanceof Unsat) {
            outcome = expectation == Expectation.HOLDS ? Outcome.PASSED : Outcome.FAILED;
            message = expectation == Expectation.HOLDS ? "the property holds: no input of its region is unsafe"
                    : "expected a counterexample, but the engine proved that no input of the region is unsafe";
        } else if (verdict instanceof Sat sat) {
            Counterexample cx = sat.counterexample();
            evidence = Optional.of(new Evidence(cx.input(), cx.output(), cx.description()));
            outcome = expectation == Expectation.VIOLATED ? Outcome.PASSED : Outcome.FAILED;
            message = expectation == Expectation.VIOLATED ? "a checked counterexample shows the violation"
                    : "the property is violated: a checked counterexample reaches the unsafe set";
        } else if (verdict instanceof Timeout timeout) {
            outcome = Outcome.UNPROVED;
            message = "no verdict within the time limit of " + seconds(timeout.budget());
        } else {
            outcome = Outcome.UNPROVED;
            message = "the engine could not decide: " + ((Unknown) verdict).reason();
        }
        return new CheckResult(KIND, task.name(), outcome, expectation.word(), verdictText(verdict), engine,
                elapsed, cached, message, evidence);
    }

    /** The status, with the assurance of a plug-in's unsat ({@code unsat, unchecked}) and a timeout's budget. */
    private static String verdictText(Verdict verdict) {
        if (verdict instanceof Timeout timeout) {
            return "timeout after " + seconds(timeout.budget());
        }
        if (verdict instanceof Unsat unsat && unsat.assurance() != Assurance.BUILT_IN) {
            return "unsat, " + unsat.assurance().word();
        }
        return verdict.status();
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3g s", d.toNanos() / 1e9);
    }
}
