package io.exactline.verifier;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import io.exactline.core.BadInputException;
import io.exactline.core.network.Network;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.verdict.Assurance;
import io.exactline.verifier.verdict.Certificate;
import io.exactline.verifier.verdict.CertificateChecker;
import io.exactline.verifier.verdict.Counterexample;
import io.exactline.verifier.verdict.NetworkDigest;
import io.exactline.verifier.verdict.Provenance;
import io.exactline.verifier.verdict.Sat;
import io.exactline.verifier.verdict.Timeout;
import io.exactline.verifier.verdict.Unknown;
import io.exactline.verifier.verdict.Unsat;
import io.exactline.verifier.verdict.Verdict;

/**
 * A plug-in's engine as {@link Engines} hands it out, so that the plug-in cannot weaken the product's soundness
 * promise:
 * <ul>
 *   <li>sat stands only if the counterexample's input, re-evaluated on this network, lies in this property's
 *       unsafe set ({@link Counterexample#confirm}); otherwise the answer becomes unknown;</li>
 *   <li>unsat is {@link Assurance#CERTIFIED} when the checker accepts its certificate, else
 *       {@link Assurance#UNCHECKED};</li>
 *   <li>an exception other than {@link BadInputException} becomes unknown, naming the engine.</li>
 * </ul>
 * The provenance always names the provider's engine.
 */
final class PluginEngine implements Engine {
    private final EngineProvider provider;
    private final CertificateChecker checker;

    PluginEngine(EngineProvider provider, CertificateChecker checker) {
        this.provider = provider;
        this.checker = checker;
    }

    @Override
    public String name() {
        return provider.name();
    }

    /** The guarantee the plug-in states; its unsat answers are labelled unchecked whatever it says. */
    @Override
    public Guarantee guarantee() {
        return provider.guarantee();
    }

    @Override
    public Verdict verify(Network network, Property property, Deadline deadline) {
        property.requireCompatible(network);
        long start = System.nanoTime();
        Verdict claimed;
        try {
            claimed = provider.create().verify(network, property, deadline);
        } catch (BadInputException e) {
            throw e;
        } catch (RuntimeException e) {
            return new Unknown("engine " + name() + " failed: " + e, fallback(network, property, start));
        }
        if (claimed == null) {
            return new Unknown("engine " + name() + " returned no verdict", fallback(network, property, start));
        }
        Provenance p = renamed(claimed.provenance());
        if (claimed instanceof Sat sat) {
            double[] x = sat.counterexample().input();
            Optional<Counterexample> confirmed = Counterexample.confirm(network, property, x);
            return confirmed.<Verdict>map(c -> new Sat(c, p)).orElseGet(() -> new Unknown("engine " + name()
                    + " claimed sat, but its counterexample x = " + Arrays.toString(x) + " is not in the unsafe set"
                    + " when the network is evaluated there", p));
        }
        if (claimed instanceof Unsat unsat) {
            Optional<Certificate> certificate = unsat.certificate();
            boolean accepted = certificate.isPresent()
                    && checker.rejection(network, property, certificate.get()).isEmpty();
            return new Unsat(certificate, p, accepted ? Assurance.CERTIFIED : Assurance.UNCHECKED);
        }
        if (claimed instanceof Unknown unknown) {
            return new Unknown(unknown.reason(), p);
        }
        return new Timeout(((Timeout) claimed).budget(), p);
    }

    private Provenance renamed(Provenance p) {
        return new Provenance(name(), p.settings(), p.elapsed(), p.counts(), p.networkDigest(), p.property());
    }

    private Provenance fallback(Network network, Property property, long start) {
        return Provenance.of(name(), Map.of(), Duration.ofNanos(System.nanoTime() - start),
                Map.of(), NetworkDigest.of(network), property.source());
    }
}
