package io.exactline.verifier;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import io.exactline.core.network.Network;
import io.exactline.verifier.bab.BabEngine;
import io.exactline.verifier.bab.ClosedLeaf;
import io.exactline.verifier.certificate.CertificateBuilder;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.property.LinearInequality;
import io.exactline.verifier.property.OutputCondition;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.property.Variable;
import io.exactline.verifier.verdict.Certificate;
import io.exactline.verifier.verdict.Counterexample;
import io.exactline.verifier.verdict.NetworkDigest;
import io.exactline.verifier.verdict.Provenance;
import io.exactline.verifier.verdict.Sat;
import io.exactline.verifier.verdict.Unsat;
import io.exactline.verifier.verdict.Verdict;

/**
 * Deliberately wrong plug-in engines, registered in this module's test {@code META-INF/services} so that
 * {@link Engines} finds them like any plug-in: they check that the SPI cannot weaken the soundness promise.
 */
public final class ToyPlugins {
    private ToyPlugins() {
    }

    /** The certificate {@link Certifying} attaches; a test checker accepts it. */
    public record ToyCertificate(String claim) implements Certificate {
        @Override
        public String kind() {
            return "toy";
        }

        @Override
        public String summary() {
            return claim;
        }
    }

    private abstract static class Toy implements EngineProvider, Engine {
        @Override
        public Guarantee guarantee() {
            return new Guarantee(true, true, false, "a toy that claims what it likes");
        }

        @Override
        public Engine create() {
            return this;
        }

        Provenance provenance(Network network, Property property) {
            return Provenance.of(name(), Map.of(), Duration.ZERO, Map.of(), NetworkDigest.of(network),
                    property.source());
        }
    }

    /** Says unsat to everything, without certificate. */
    public static final class AlwaysUnsat extends Toy {
        @Override
        public String name() {
            return "toy-unsat";
        }

        @Override
        public Verdict verify(Network network, Property property, Deadline deadline) {
            return Unsat.uncertified(provenance(network, property));
        }
    }

    /** Says unsat to everything, with a {@link ToyCertificate}. */
    public static final class Certifying extends Toy {
        @Override
        public String name() {
            return "toy-certified";
        }

        @Override
        public Verdict verify(Network network, Property property, Deadline deadline) {
            return new Unsat(Optional.of(new ToyCertificate("trust me")), provenance(network, property));
        }
    }

    /**
     * Says sat with a counterexample confirmed against a different property (one whose unsafe set is the whole
     * box), so the point is genuine for that property but need not be for the one asked.
     */
    public static final class WrongSat extends Toy {
        @Override
        public String name() {
            return "toy-sat";
        }

        @Override
        public Verdict verify(Network network, Property property, Deadline deadline) {
            Box box = property.boundingBox();
            Property anything = Property.of("anything", box, property.outputCount(), OutputCondition.of(
                    LinearInequality.atMost(Variable.output(0), Double.MAX_VALUE)));
            Counterexample fake = Counterexample.confirm(network, anything, box.midpoint()).orElseThrow();
            return new Sat(fake, provenance(network, property));
        }
    }

    /**
     * A well-behaved plug-in: branch and bound, and for an unsat the split-tree certificate built from its leaves, so
     * that the product's own checker can vouch for the answer.
     */
    public static final class SplitTreeProver extends Toy {
        @Override
        public String name() {
            return "toy-split-tree";
        }

        @Override
        public Verdict verify(Network network, Property property, Deadline deadline) {
            List<ClosedLeaf> leaves = new CopyOnWriteArrayList<>();
            Verdict verdict = new BabEngine().search(network, property, deadline, leaves::add);
            if (verdict instanceof Unsat && CertificateBuilder.build(network, property, leaves)
                    instanceof CertificateBuilder.Outcome.Built built) {
                return new Unsat(Optional.of(built.certificate()), provenance(network, property));
            }
            return verdict;
        }
    }

    /** Says unsat with the split-tree certificate of another, provable property: a forged certificate. */
    public static final class Forger extends Toy {
        @Override
        public String name() {
            return "toy-forger";
        }

        @Override
        public Verdict verify(Network network, Property property, Deadline deadline) {
            Property provable = Property.of("unreachable", property.boundingBox(), property.outputCount(),
                    OutputCondition.of(LinearInequality.atLeast(Variable.output(0), 1e6)));
            Verdict other = new SplitTreeProver().verify(network, provable, deadline);
            return new Unsat(((Unsat) other).certificate(), provenance(network, property));
        }
    }

    /** Throws from {@link #verify}. */
    public static final class Crashing extends Toy {
        @Override
        public String name() {
            return "toy-crash";
        }

        @Override
        public Verdict verify(Network network, Property property, Deadline deadline) {
            throw new IllegalStateException("toy engine crashed");
        }
    }

    /** Claims the built-in name {@code bab}; it must not replace the built-in engine. */
    public static final class Impostor extends Toy {
        @Override
        public String name() {
            return "bab";
        }

        @Override
        public Verdict verify(Network network, Property property, Deadline deadline) {
            return Unsat.uncertified(provenance(network, property));
        }
    }
}
