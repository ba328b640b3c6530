package io.exactline.junit;

import java.time.Duration;
import java.util.Map;

import io.exactline.core.network.Network;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.Engine;
import io.exactline.verifier.Guarantee;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.verdict.NetworkDigest;
import io.exactline.verifier.verdict.Provenance;
import io.exactline.verifier.verdict.Timeout;
import io.exactline.verifier.verdict.Unknown;
import io.exactline.verifier.verdict.Verdict;

/**
 * An engine that decides nothing: with {@code timeout} it waits for the deadline and answers timeout, otherwise
 * it answers unknown at once.
 */
record UndecidedEngine(boolean timeout) implements Engine {
    @Override
    public String name() {
        return "undecided";
    }

    @Override
    public Guarantee guarantee() {
        return new Guarantee(false, false, false, "decides nothing");
    }

    @Override
    public Verdict verify(Network network, Property property, Deadline deadline) {
        Provenance p = Provenance.of(name(), Map.of(), Duration.ZERO, Map.of(), NetworkDigest.of(network),
                property.source());
        while (timeout && !deadline.expired()) {
            Thread.onSpinWait();
        }
        return timeout ? new Timeout(deadline.budget(), p) : new Unknown("it never tries", p);
    }
}
