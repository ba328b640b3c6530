package io.exactline.verifier.certificate;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import io.exactline.core.io.NetworkLoader;
import io.exactline.core.network.Network;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.bab.BabEngine;
import io.exactline.verifier.bab.ClosedLeaf;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.verdict.Verdict;
import io.exactline.verifier.vnnlib.VnnlibParser;

/**
 * Certificate size and build and check times:
 * {@code java ... io.exactline.verifier.certificate.CertificateBench SHARED_DIR INSTANCE ...}, where an instance is
 * an ACAS Xu network and property {@code NET:PROP}, e.g. {@code 1_1:3 2_1:1}, or {@code ONNX@VNNLIB}, two paths
 * relative to SHARED_DIR, e.g.
 * {@code vnncomp2021/mnistfc/mnist-net_256x2.onnx@vnncomp2021/mnistfc/prop_0_0.03.vnnlib}. Prints one row per
 * instance: verdict, engine time, engine leaves, certificate leaves,
 * bytes, build and check wall time, their CPU time (all threads of the process), check result.
 */
public final class CertificateBench {
    private CertificateBench() {
    }

    /** CPU time of the whole process (all threads), in nanoseconds. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    public static void main(String[] args) {
        Path shared = Path.of(args[0]);
        System.out.println("instance | verdict | bab s | bab leaves | cert leaves (refined) | bytes | build s | check s"
                + " | build+check CPU s | check");
        for (int a = 1; a < args.length; a++) {
            boolean paths = args[a].contains("@");
            String[] parts = args[a].split(paths ? "@" : ":");
            Path onnx = paths ? shared.resolve(parts[0])
                    : shared.resolve("acasxu/onnx/ACASXU_run2a_" + parts[0] + "_batch_2000.onnx");
            Path vnnlib = paths ? shared.resolve(parts[1])
                    : shared.resolve("acasxu/vnnlib/prop_" + parts[1] + ".vnnlib");
            Network net = NetworkLoader.load(onnx);
            Property property = VnnlibParser.parse(vnnlib);
            List<ClosedLeaf> leaves = Collections.synchronizedList(new ArrayList<>());
            long t0 = System.nanoTime();
            Verdict verdict = new BabEngine().search(net, property, Deadline.unlimited(), leaves::add);
            long t1 = System.nanoTime();
            if (!verdict.status().equals("unsat")) {
                System.out.printf(Locale.ROOT, "%s:%s | %s | %.2f | - | - | - | - | - | -%n", parts[0], parts[1],
                        verdict.status(), (t1 - t0) / 1e9);
                continue;
            }
            System.out.printf(Locale.ROOT, "  (bab: %s in %.2f s, %d leaves)%n", verdict.status(), (t1 - t0) / 1e9,
                    leaves.size());
            long cpu1 = cpu();
            CertificateBuilder.Outcome outcome = CertificateBuilder.build(net, property, leaves);
            long t2 = System.nanoTime();
            if (outcome instanceof CertificateBuilder.Outcome.Failed f) {
                System.out.printf(Locale.ROOT, "%s:%s | unsat | %.2f | %d | build failed: %s%n", parts[0], parts[1],
                        (t1 - t0) / 1e9, leaves.size(), f.reason());
                continue;
            }
            CertificateBuilder.Outcome.Built built = (CertificateBuilder.Outcome.Built) outcome;
            long cpu2 = cpu();
            String text = CertificateFormat.format(built.certificate());
            SplitTreeCertificate read = CertificateFormat.parse("bench", text);
            long t3 = System.nanoTime();
            CheckResult result = CertificateChecker.check(net, property, read);
            long t4 = System.nanoTime();
            long cpu4 = cpu();
            long certLeaves = text.lines().filter(l -> l.startsWith("leaf") || l.equals("void")).count();
            System.out.printf(Locale.ROOT, "%s:%s | unsat | %.2f | %d | %d (%d) | %d | %.2f | %.2f | %.2f + %.2f | %s%n",
                    parts[0], parts[1], (t1 - t0) / 1e9, leaves.size(), certLeaves, built.refinedLeaves(),
                    text.getBytes(StandardCharsets.UTF_8).length, (t2 - t1) / 1e9, (t4 - t3) / 1e9,
                    (cpu2 - cpu1) / 1e9, (cpu4 - cpu2) / 1e9, result);
        }
    }
}
