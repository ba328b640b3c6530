package io.exactline.verifier.cache;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.exactline.core.network.Network;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.verdict.Counterexample;
import io.exactline.verifier.verdict.NetworkDigest;
import io.exactline.verifier.verdict.Provenance;
import io.exactline.verifier.verdict.Sat;
import io.exactline.verifier.verdict.Unsat;
import io.exactline.verifier.verdict.Verdict;

/**
 * A conclusive answer read from a {@link ProofCache}: {@link Safe} (the property was unsat) or {@link Unsafe} (sat,
 * with the input of its counterexample). Only these two are ever cached; timeouts and unknowns are not answers.
 */
public sealed interface CachedProof permits CachedProof.Safe, CachedProof.Unsafe {

    /** The engine name in the provenance of a verdict replayed from the cache. */
    String ENGINE = "cached";

    /** The question this answer belongs to. */
    ProofKey key();

    /** The name of the engine that found the answer. */
    String provedBy();

    /** How long the engine took to find it. */
    Duration provedIn();

    /**
     * The verdict this entry stands for, for {@code network} and {@code property}: {@link Unsat} for a safe entry;
     * for an unsafe entry a {@link Sat} whose counterexample is evaluated again on {@code network} and checked
     * against {@code property}. Empty when the key is not for this network and property, or the stored input is
     * not a counterexample (wrong length, or outside the unsafe set): then the entry must not be trusted. The provenance names engine
     * {@value #ENGINE}, with the original engine and its time among the settings.
     *
     * @param lookup the time the cache look-up took, the elapsed time of the replayed verdict
     */
    default Optional<Verdict> replay(Network network, Property property, Duration lookup) {
        if (!key().isFor(network, property)) {
            return Optional.empty();
        }
        Provenance provenance = Provenance.of(ENGINE,
                Map.of("provedBy", provedBy(), "provedIn", provedIn().toString(), "settings", key().settings()),
                lookup, Map.of(), NetworkDigest.of(network), property.source());
        if (this instanceof Unsafe unsafe) {
            if (unsafe.inputs().size() != property.inputCount()) {
                return Optional.empty();
            }
            return Counterexample.confirm(network, property, unsafe.input())
                    .map(counterexample -> new Sat(counterexample, provenance));
        }
        return Optional.of(Unsat.uncertified(provenance));
    }

    /** The property was unsat: no input of its region reaches the unsafe set. */
    record Safe(ProofKey key, String provedBy, Duration provedIn) implements CachedProof {
    }

    /**
     * The property was sat, with a counterexample at {@code inputs}.
     *
     * @param inputs the counterexample's input values, in order
     */
    record Unsafe(ProofKey key, String provedBy, Duration provedIn, List<Double> inputs) implements CachedProof {
        public Unsafe {
            inputs = List.copyOf(inputs);
        }

        /** The counterexample's input as an array. */
        public double[] input() {
            return inputs.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }
}
