package io.exactline.verifier.cache;

import io.exactline.core.network.Network;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.verdict.NetworkDigest;

/**
 * What a proof depends on: the network, the property and the engine settings. Two runs with equal keys decide
 * the same question with the same method, so a conclusive answer of one may stand for the other.
 *
 * @param network the network's content digest, {@code "sha256:<hex>"} ({@link NetworkDigest#of(Network)})
 * @param property the property's content digest, {@code "sha256:<hex>"} ({@link PropertyDigest#of(Property)})
 * @param settings the engine's name, options and time limit, as one line of text
 */
public record ProofKey(String network, String property, String settings) {
    public ProofKey {
        if (network == null || property == null || settings == null) {
            throw new IllegalArgumentException("a proof key needs a network digest, a property digest and settings");
        }
        if (network.contains("\n") || property.contains("\n") || settings.contains("\n")) {
            throw new IllegalArgumentException("proof key parts are single lines, got settings '" + settings + "'");
        }
    }

    /** The key of deciding {@code property} for {@code network} with the given settings. */
    public static ProofKey of(Network network, Property property, String settings) {
        return new ProofKey(NetworkDigest.of(network), PropertyDigest.of(property), settings);
    }

    /** Whether this key was made for {@code network} and {@code property} (their digests match). */
    public boolean isFor(Network network, Property property) {
        return this.network.equals(NetworkDigest.of(network)) && this.property.equals(PropertyDigest.of(property));
    }

    /** The file name of this key's entry: the SHA-256 of the three parts, in hex, with {@code .proof}. */
    String fileName() {
        return PropertyDigest.sha256(network + "\n" + property + "\n" + settings).substring("sha256:".length())
                + ".proof";
    }
}
