package io.exactline.verifier.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.exactline.core.io.NetworkLoader;
import io.exactline.core.network.Network;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.Engine;
import io.exactline.verifier.Engines;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.verdict.Verdict;
import io.exactline.verifier.vnnlib.VnnlibParser;

/**
 * Verdicts and wall times of named engines on ACAS Xu instances (a benchmark, not a test). Arguments: the shared
 * folder, the timeout in seconds, a comma-separated list of engine names, then instances as
 * {@code NETWORK:PROPERTY} pairs such as {@code 1_1:1 2_1:2}. Prints one line per instance and engine: network,
 * property, engine, verdict, seconds, and the engine's counts. Run after {@code mvn -pl verifier -am test-compile}
 * with the test class path and {@code -Djava.library.path=verifier/target/native}.
 */
public final class EngineBenchmark {
    private EngineBenchmark() {
    }

    public static void main(String[] args) {
        if (args.length < 4) {
            System.err.println("usage: EngineBenchmark SHARED TIMEOUT_S ENGINE[,ENGINE...] NET:PROP...");
            System.exit(2);
        }
        Path shared = Path.of(args[0]);
        Duration timeout = Duration.ofMillis((long) (Double.parseDouble(args[1]) * 1000));
        List<String> engines = List.of(args[2].split(","));
        List<String[]> instances = new ArrayList<>();
        for (int a = 3; a < args.length; a++) {
            instances.add(args[a].split(":"));
        }
        for (String[] instance : instances) {
            Path onnx = shared.resolve("acasxu/onnx/ACASXU_run2a_" + instance[0] + "_batch_2000.onnx");
            Path vnnlib = shared.resolve("acasxu/vnnlib/prop_" + instance[1] + ".vnnlib");
            if (!Files.exists(onnx) || !Files.exists(vnnlib)) {
                System.err.println("missing " + onnx + " or " + vnnlib);
                System.exit(2);
            }
            Network network = NetworkLoader.load(onnx);
            Property property = VnnlibParser.parse(vnnlib);
            for (String name : engines) {
                Engine engine = Engines.byName(name);
                long start = System.nanoTime();
                Verdict v = engine.verify(network, property, Deadline.after(timeout));
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "%s prop_%s %-5s %-8s %8.3f s  %s%n", instance[0], instance[1], name,
                        v.status(), seconds, v.provenance().counts());
            }
        }
    }
}
