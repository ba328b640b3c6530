package io.exactline.acasxu;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.exactline.verifier.Deadline;
import io.exactline.verifier.Engine;
import io.exactline.verifier.verdict.Verdict;

/**
 * One verification question: does property {@code property} hold for the bundled network {@code network}?
 *
 * @param network the network
 * @param property the property
 */
public record AcasInstance(NetworkId network, AcasProperty property) {

    /**
     * The instances for the given properties on the given networks, property by property, networks in order
     * 1_1 .. 5_9: every network the property {@link AcasProperty#networks() is stated for}, or with
     * {@code vnncomp2021} every network VNN-COMP 2021 checked it on ({@link AcasProperty#vnncomp2021Networks()}).
     */
    public static List<AcasInstance> plan(List<AcasProperty> properties, Collection<NetworkId> networks,
            boolean vnncomp2021) {
        List<AcasInstance> plan = new ArrayList<>();
        for (AcasProperty p : properties) {
            for (NetworkId id : NetworkId.all()) {
                boolean applies = vnncomp2021 ? p.vnncomp2021Networks().contains(id) : p.appliesTo(id);
                if (applies && networks.contains(id)) {
                    plan.add(new AcasInstance(id, p));
                }
            }
        }
        return plan;
    }

    /**
     * Decides the instance with {@code engine} on the bundled network and the typed property
     * ({@link AcasProperty#toProperty()}), giving the engine {@code timeout}.
     */
    public AcasOutcome verify(Engine engine, Duration timeout) {
        long start = System.nanoTime();
        Verdict verdict = engine.verify(AcasNetworks.bundled(network), property.toProperty(), Deadline.after(timeout));
        return new AcasOutcome(this, verdict, Duration.ofNanos(System.nanoTime() - start));
    }

    @Override
    public String toString() {
        return property.name() + " on N_" + network;
    }
}
