package io.exactline.verifier.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.exactline.core.io.NetworkLoader;
import io.exactline.core.network.Network;
import io.exactline.testkit.SharedData;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.bab.BabEngine;
import io.exactline.verifier.bab.ClosedLeaf;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.verdict.Verdict;
import io.exactline.verifier.vnnlib.VnnlibParser;

/** Certificates of real ACAS Xu unsat instances check, and a raised claim on one of them does not. */
class AcasXuCertificateTest {

    private record Instance(Network network, Property property, SplitTreeCertificate certificate, long engineLeaves) {
    }

    private static Instance certify(String id, int prop) {
        Network net = NetworkLoader.load(SharedData.require("acasxu/onnx/ACASXU_run2a_" + id + "_batch_2000.onnx"));
        Path vnnlib = SharedData.require("acasxu/vnnlib/prop_" + prop + ".vnnlib");
        Property property = VnnlibParser.parse(vnnlib);
        List<ClosedLeaf> leaves = new CopyOnWriteArrayList<>();
        Verdict v = new BabEngine().search(net, property, Deadline.after(Duration.ofMinutes(5)), leaves::add);
        assertThat(v.status()).as("%s prop %d", id, prop).isEqualTo("unsat");
        CertificateBuilder.Outcome outcome = CertificateBuilder.build(net, property, leaves);
        assertThat(outcome).isInstanceOf(CertificateBuilder.Outcome.Built.class);
        return new Instance(net, property, ((CertificateBuilder.Outcome.Built) outcome).certificate(),
                leaves.size());
    }

    @Test
    void certificatesOfProperty1On2_1Property3On2_3AndProperty4On3_3CheckAfterARoundTrip() {
        for (Instance instance : List.of(certify("2_1", 1), certify("2_3", 3), certify("3_3", 4))) {
            String text = CertificateFormat.format(instance.certificate());

            CheckResult result = CertificateChecker.check(instance.network(), instance.property(),
                    CertificateFormat.parse("acas", text));

            assertThat(result).as("%s", instance.property()).isInstanceOf(CheckResult.Valid.class);
            assertThat(((CheckResult.Valid) result).leaves()).as("every engine leaf is in the certificate")
                    .isGreaterThanOrEqualTo(instance.engineLeaves());
        }
    }

    @Test
    void aClaimRaisedAboveWhatTheWeightsSupportIsRejectedOnARealNetwork() {
        Instance instance = certify("3_3", 4);
        String text = CertificateFormat.format(instance.certificate());
        String tampered = text.replaceFirst("\\nleaf (\\d+):[^ \\n]+", "\nleaf $1:100.0");

        CheckResult result = CertificateChecker.check(instance.network(), instance.property(),
                CertificateFormat.parse("acas", tampered));

        assertThat(result).isInstanceOf(CheckResult.Invalid.class);
        assertThat(((CheckResult.Invalid) result).reason()).contains("claims lower bound 100.0");
    }
}
