package io.exactline.junit;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.exactline.core.network.Network;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.Engine;
import io.exactline.verifier.Guarantee;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.verdict.Assurance;
import io.exactline.verifier.verdict.NetworkDigest;
import io.exactline.verifier.verdict.Provenance;
import io.exactline.verifier.verdict.Unsat;
import io.exactline.verifier.verdict.Verdict;

/** A plug-in engine as {@code Engines} wraps one without a certificate: it says unsat, unchecked, to everything. */
record UncheckedEngine() implements Engine {
    @Override
    public String name() {
        return "unchecked-plugin";
    }

    @Override
    public Guarantee guarantee() {
        return new Guarantee(true, false, false, "claims unsat without a certificate");
    }

    @Override
    public Verdict verify(Network network, Property property, Deadline deadline) {
        return new Unsat(Optional.empty(), Provenance.of(name(), Map.of(), Duration.ZERO, Map.of(),
                NetworkDigest.of(network), property.source()), Assurance.UNCHECKED);
    }
}
