package io.exactline.verifier;

import java.nio.file.Path;
import java.time.Duration;

import io.exactline.core.io.NetworkLoader;
import io.exactline.core.network.Network;
import io.exactline.verifier.bab.BabEngine;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.verdict.Unknown;
import io.exactline.verifier.verdict.Verdict;
import io.exactline.verifier.vnnlib.VnnlibParser;

/**
 * Runs branch and bound on one instance in its own JVM and prints {@code verdict STATUS [reason]} as its last
 * line; {@link ResourceLimitsTest} starts it with a small heap. Arguments: network, property, seconds.
 */
final class SmallHeapProbe {
    private SmallHeapProbe() {
    }

    public static void main(String[] args) {
        Network network = NetworkLoader.load(Path.of(args[0]));
        Property property = VnnlibParser.parse(Path.of(args[1]));
        Verdict verdict = new BabEngine().verify(network, property,
                Deadline.after(Duration.ofSeconds(Long.parseLong(args[2]))));
        System.out.println("verdict " + verdict.status() + (verdict instanceof Unknown u ? " " + u.reason() : ""));
    }
}
