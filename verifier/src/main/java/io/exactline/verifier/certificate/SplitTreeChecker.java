package io.exactline.verifier.certificate;

import java.util.Optional;

import io.exactline.core.BadInputException;
import io.exactline.core.network.Network;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.verdict.Certificate;

/**
 * The product's independent checker as the engine SPI sees it: a plug-in engine's unsat counts as checked when it
 * carries a {@link SplitTreeCertificate} that {@link CertificateChecker#check} accepts. Certificates of any other
 * kind are rejected, naming the kind.
 */
public final class SplitTreeChecker implements io.exactline.verifier.verdict.CertificateChecker {

    @Override
    public Optional<String> rejection(Network network, Property property, Certificate certificate) {
        if (!(certificate instanceof SplitTreeCertificate tree)) {
            return Optional.of("certificates of kind '" + certificate.kind() + "' have no checker; only '"
                    + SplitTreeCertificate.KIND + "' certificates are checked");
        }
        try {
            CheckResult result = CertificateChecker.check(network, property, tree);
            return result instanceof CheckResult.Invalid invalid ? Optional.of(invalid.reason()) : Optional.empty();
        } catch (BadInputException e) {
            return Optional.of(e.getMessage());
        }
    }
}
