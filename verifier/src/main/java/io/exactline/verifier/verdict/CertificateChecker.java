package io.exactline.verifier.verdict;

import java.util.Optional;

import io.exactline.core.network.Network;
import io.exactline.verifier.property.Property;

/**
 * An independent checker of unsat {@link Certificate}s: it accepts a certificate only when it re-derives, without
 * trusting the engine that produced it, that no input of the property's region reaches the unsafe set of the
 * network. A plug-in engine's unsat counts as checked only if such a checker accepts its certificate.
 */
@FunctionalInterface
public interface CertificateChecker {

    /** The checker that accepts no certificate (the default while no certificate format is installed). */
    CertificateChecker NONE = (network, property, certificate) -> Optional.of("no checker is installed for "
            + "certificates of kind '" + certificate.kind() + "'");

    /**
     * Checks {@code certificate} for {@code property} on {@code network}.
     *
     * @return empty when the certificate is accepted, otherwise the reason it is rejected
     */
    Optional<String> rejection(Network network, Property property, Certificate certificate);
}
