package io.exactline.verifier.encoding;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import io.exactline.core.network.Network;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.bounds.BoundComputer;
import io.exactline.verifier.bounds.BoundNetwork;
import io.exactline.verifier.bounds.BoundOptions;
import io.exactline.verifier.property.OutputCondition;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.property.PropertyCase;
import io.exactline.verifier.verdict.Counterexample;
import io.exactline.verifier.verdict.NetworkDigest;
import io.exactline.verifier.verdict.Provenance;
import io.exactline.verifier.verdict.Sat;
import io.exactline.verifier.verdict.Timeout;
import io.exactline.verifier.verdict.Unknown;
import io.exactline.verifier.verdict.Unsat;
import io.exactline.verifier.verdict.Verdict;

/**
 * Verification by one solver query per property case, for engines whose solver decides "is there an input of this
 * region whose outputs meet this condition?" on its own (SMT, MILP). Each case's region gets pre-activation bounds
 * from outward-rounded forward and back-substituted bound propagation over its box. A case the solver finds no
 * input for is closed (with the solver's guarantee); a solver's input is re-evaluated ({@link Counterexample#confirm})
 * and, when rounding or the solver's tolerances make it miss, the solver is asked again with the condition
 * {@link OutputCondition#tightened tightened} by each of the given margins in turn.
 */
public final class CaseQueries {
    private CaseQueries() {
    }

    /** What a solver said about one region and condition. */
    public sealed interface Answer {
        /** A candidate input, to be re-evaluated. */
        record Candidate(double[] input) implements Answer {
            public Candidate {
                input = input.clone();
            }

            @Override
            public double[] input() {
                return input.clone();
            }

            @Override
            public boolean equals(Object o) {
                return o instanceof Candidate c && Arrays.equals(input, c.input);
            }

            @Override
            public int hashCode() {
                return Arrays.hashCode(input);
            }

            @Override
            public String toString() {
                return "Candidate[input=" + Arrays.toString(input) + "]";
            }
        }

        /** No input of the region meets the condition. */
        record NoInput() implements Answer {
        }

        /** The solver gave no answer; {@code reason} says why. */
        record Undecided(String reason) implements Answer {
        }

        /** The deadline passed first. */
        record OutOfTime() implements Answer {
        }
    }

    /** A solver query over a region with valid pre-activation bounds. */
    @FunctionalInterface
    public interface Query {
        Answer ask(NetworkRegion region, PreActivationBounds bounds, OutputCondition condition, Deadline deadline);
    }

    /**
     * Runs {@code query} once per case of {@code property} and turns the answers into a verdict of engine
     * {@code engine}: sat with the first confirmed counterexample, timeout when time runs out, unknown when some
     * case stays undecided (or has only candidates that are no counterexample), unsat when every case has no input.
     *
     * @param margins the tightening margins tried, in order, after a candidate that is no counterexample
     */
    public static Verdict verify(String engine, Map<String, String> settings, Query query, double[] margins,
            Network network, Property property, Deadline deadline) {
        property.requireCompatible(network);
        long start = System.nanoTime();
        PiecewiseAffineNetwork encoded = PiecewiseAffineNetwork.of(network);
        BoundComputer bounds = new BoundComputer(BoundNetwork.of(network), BoundOptions.FORWARD_BACKWARD);
        long queries = 0;
        Optional<String> unknown = Optional.empty();
        for (PropertyCase c : property.cases()) {
            NetworkRegion region = NetworkRegion.of(encoded, c);
            PreActivationBounds pre = bounds.bounds(c.box(), region.pattern()).map(PreActivationBounds::of)
                    .orElseGet(region::intervalBounds);
            queries++;
            Answer answer = query.ask(region, pre, c.outputCondition(), deadline);
            if (answer instanceof Answer.Candidate candidate) {
                Optional<Counterexample> found = confirm(query, candidate.input(), margins, region, pre,
                        c.outputCondition(), network, property, deadline);
                if (found.isPresent()) {
                    return new Sat(found.get(), provenance(engine, settings, network, property, start, queries));
                }
                unknown = unknown.or(() -> Optional.of(missed(candidate.input(), margins)));
            } else if (answer instanceof Answer.OutOfTime) {
                return new Timeout(deadline.budget(), provenance(engine, settings, network, property, start, queries));
            } else if (answer instanceof Answer.Undecided undecided) {
                unknown = unknown.or(() -> Optional.of("the solver left a case undecided: " + undecided.reason()));
            }
        }
        Provenance provenance = provenance(engine, settings, network, property, start, queries);
        return unknown.<Verdict>map(reason -> new Unknown(reason, provenance))
                .orElseGet(() -> Unsat.uncertified(provenance));
    }

    /**
     * A counterexample from the solver's {@code candidate}: the candidate itself if it is one, else the first
     * input the solver finds for {@code condition} tightened by {@code margins[0]}, {@code margins[1]}, ... that is
     * one. Empty when none is, or the deadline passes.
     */
    public static Optional<Counterexample> confirm(Query query, double[] candidate, double[] margins,
            NetworkRegion region, PreActivationBounds bounds, OutputCondition condition, Network network,
            Property property, Deadline deadline) {
        Optional<Counterexample> found = Counterexample.confirm(network, property, candidate);
        for (int m = 0; found.isEmpty() && m < margins.length && !deadline.expired(); m++) {
            Answer answer = query.ask(region, bounds, condition.tightened(margins[m]), deadline);
            if (answer instanceof Answer.Candidate deeper) {
                found = Counterexample.confirm(network, property, deeper.input());
            }
        }
        return found;
    }

    /** Why a candidate that {@link #confirm} could not turn into a counterexample leaves the answer unknown. */
    public static String missed(double[] candidate, double[] margins) {
        return "the solver's input " + Arrays.toString(candidate) + " reaches the unsafe set only in its own"
                + " arithmetic (exact, or within tolerances), not when the network is evaluated there, and neither"
                + " does any input it finds with the condition tightened by " + Arrays.toString(margins);
    }

    private static Provenance provenance(String engine, Map<String, String> settings, Network network,
            Property property, long start, long queries) {
        return Provenance.of(engine, settings, Duration.ofNanos(System.nanoTime() - start), Map.of("queries", queries),
                NetworkDigest.of(network), property.source());
    }
}
