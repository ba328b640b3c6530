package io.exactline.junit;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import org.assertj.core.api.AbstractAssert;

import io.exactline.acasxu.EncounterState;
import io.exactline.core.network.Network;
import io.exactline.verifier.Engine;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.verdict.Counterexample;
import io.exactline.verifier.verdict.Sat;
import io.exactline.verifier.verdict.Timeout;
import io.exactline.verifier.verdict.Unknown;
import io.exactline.verifier.verdict.Unsat;
import io.exactline.verifier.verdict.Verdict;

/**
 * Assertions about a {@link Network}: proofs of VNN-LIB properties by a verification engine, and exact facts along
 * segments of inputs ({@link #onSegment}). Made by {@link ExactlineAssertions#assertThat(Network)}.
 *
 * <p>Proofs run with the engine, proof cache and time limit of the {@link ExactlineExtension} session of the
 * test, or, outside the extension, with the {@code auto} engine, no cache and 60 s per proof;
 * {@link #using(Engine)} and {@link #within(Duration)} override them for this assertion. Only a proof passes a
 * proof assertion: a timeout or an unknown answer fails it, saying so.
 */
public final class NetworkAssert extends AbstractAssert<NetworkAssert, Network> {
    private Optional<Engine> engine = Optional.empty();
    private Optional<Duration> limit = Optional.empty();

    NetworkAssert(Network actual) {
        super(actual, NetworkAssert.class);
    }

    /** Proves with {@code engine} instead of the test's engine (still through the test's proof cache). */
    public NetworkAssert using(Engine engine) {
        this.engine = Optional.of(engine);
        return myself;
    }

    /** Gives each proof of this assertion {@code limit}, counted from its start, instead of the test's deadline. */
    public NetworkAssert within(Duration limit) {
        if (limit.isZero() || limit.isNegative()) {
            throw new IllegalArgumentException("a proof time limit must be positive, got " + limit);
        }
        this.limit = Optional.of(limit);
        return myself;
    }

    /**
     * Passes when the engine proves the property unsat: no input of its region drives the network into its unsafe
     * set. Fails with the counterexample (input, outputs, the unsafe condition it meets) when the property is sat,
     * with "timeout after ..." or "unknown" when the engine does not decide it, and with the label
     * {@code unsat (engine NAME, unchecked)} when a plug-in engine's unsat has no accepted certificate.
     */
    public NetworkAssert satisfies(Property property) {
        return decides(property, true);
    }

    /**
     * Passes when the engine finds a counterexample to the property (it is sat); fails when the engine proves
     * the property holds, or does not decide it.
     */
    public NetworkAssert violates(Property property) {
        return decides(property, false);
    }

    private NetworkAssert decides(Property property, boolean holds) {
        isNotNull();
        Verdict verdict = ProofSession.current().prove(actual, property, engine, limit);
        String expectation = "Expecting network " + actual.source() + " to " + (holds ? "satisfy" : "violate")
                + " property " + property.source();
        if (holds && verdict instanceof Unsat unsat && unsat.unchecked()) {
            throw failure("%s, but the only answer is %s: a plug-in engine's unsat that no certificate checker"
                    + " confirmed proves nothing; use an engine that certifies its answers", expectation,
                    unsat.label());
        }
        if (holds ? verdict instanceof Unsat : verdict instanceof Sat) {
            return myself;
        }
        if (verdict instanceof Sat sat) {
            throw failure("%s, but it does not.%n%s", expectation, describe(sat));
        }
        if (verdict instanceof Unsat) {
            throw failure("%s, but %s proved that no input of the region is unsafe (unsat).", expectation,
                    origin(verdict));
        }
        throw failure("%s, but %s", expectation, undecided(verdict));
    }

    /** Assertions along the segment {@code x(t) = a + t (b - a)}, {@code t in [0, 1]}, of network inputs. */
    public SegmentAssert onSegment(double[] a, double[] b) {
        isNotNull();
        return new SegmentAssert(actual, a, b);
    }

    /**
     * Assertions along the segment between two ACAS Xu encounters (physical units), on the normalised inputs
     * {@link EncounterState#normalized()}.
     */
    public SegmentAssert onSegment(EncounterState from, EncounterState to) {
        return onSegment(from.normalized(), to.normalized());
    }

    private static String describe(Sat sat) {
        Counterexample c = sat.counterexample();
        return String.format("Counterexample (found by %s):%n  input   x    = %s%n  outputs f(x) = %s%n"
                + "  unsafe condition met: %s", origin(sat), Arrays.toString(c.input()),
                Arrays.toString(c.output()), c.description());
    }

    private static String undecided(Verdict verdict) {
        if (verdict instanceof Timeout t) {
            return "the proof ended in a timeout after " + t.budget() + " (" + origin(verdict)
                    + " decided nothing in that time; raise the limit with @ProofTest(timeout = ...) or within(...))";
        }
        return "the proof ended unknown: " + ((Unknown) verdict).reason() + " (engine " + origin(verdict) + ")";
    }

    private static String origin(Verdict verdict) {
        return ProofRecord.provedBy(verdict) + (ProofRecord.isCached(verdict) ? ", answer from the proof cache" : "");
    }
}
