package io.exactline.maven;

import java.time.Duration;
import java.util.Map;

import io.exactline.core.network.Network;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.Engine;
import io.exactline.verifier.EngineProvider;
import io.exactline.verifier.Guarantee;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.verdict.NetworkDigest;
import io.exactline.verifier.verdict.Provenance;
import io.exactline.verifier.verdict.Unsat;
import io.exactline.verifier.verdict.Verdict;

/** A deliberately wrong plug-in engine for the tests: it answers unsat to everything, without a certificate. */
public final class ToyUnsatEngine implements EngineProvider {
    static final String NAME = "toy-unsat";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Guarantee guarantee() {
        return new Guarantee(true, true, false, "claims unsat for every property (a test plug-in; wrong on purpose)");
    }

    @Override
    public Engine create() {
        return new Engine() {
            @Override
            public String name() {
                return NAME;
            }

            @Override
            public Guarantee guarantee() {
                return ToyUnsatEngine.this.guarantee();
            }

            @Override
            public Verdict verify(Network network, Property property, Deadline deadline) {
                return Unsat.uncertified(Provenance.of(NAME, Map.of(), Duration.ZERO, Map.of(),
                        NetworkDigest.of(network), property.source()));
            }
        };
    }
}
