package io.exactline.verifier.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
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

/**
 * On a high-dimensional input (VNN-COMP 2021 mnistfc {@code mnist-net_256x2}, {@code prop_0_0.03}: 784 inputs,
 * two layers of 256 ReLUs) the checker re-proves branch and bound's leaves only with the engine's optimised lower
 * slopes, so the certificate carries them; the checker checks their range.
 */
class MnistCertificateTest {
    private static Network network;
    private static Property property;
    private static String text;

    @BeforeAll
    static void certify() {
        network = NetworkLoader.load(SharedData.require("vnncomp2021/mnistfc/mnist-net_256x2.onnx"));
        property = VnnlibParser.parse(SharedData.require("vnncomp2021/mnistfc/prop_0_0.03.vnnlib"));
        List<ClosedLeaf> leaves = new CopyOnWriteArrayList<>();
        Verdict verdict = new BabEngine().search(network, property, Deadline.after(Duration.ofMinutes(5)),
                leaves::add);
        assertThat(verdict.status()).as("%s", verdict).isEqualTo("unsat");
        CertificateBuilder.Outcome outcome = CertificateBuilder.build(network, property, leaves);
        assertThat(outcome).as("%s", outcome).isInstanceOf(CertificateBuilder.Outcome.Built.class);
        text = CertificateFormat.format(((CertificateBuilder.Outcome.Built) outcome).certificate());
    }

    private static CheckResult check(String certificate) {
        return CertificateChecker.check(network, property, CertificateFormat.parse("mnist", certificate));
    }

    @Test
    void theEnginesCertificateWithSlopesChecksAfterARoundTrip() {
        CheckResult result = check(text);

        assertThat(result).as("%s", result).isInstanceOf(CheckResult.Valid.class);
        assertThat(text).as("the certificate states slopes").contains("\nslopes ");
    }

    @Test
    void withoutItsSlopesTheCertificateIsNotAccepted() {
        String stripped = text.replaceAll("\\nslopes [^\\n]*", "");

        CheckResult result = check(stripped);

        assertThat(result).as("%s", result).isInstanceOf(CheckResult.Invalid.class);
        assertThat(((CheckResult.Invalid) result).reason()).contains("recomputed bound is only");
    }

    @Test
    void aSlopeAboveOneIsRejectedAsOutOfRange() {
        Matcher slope = Pattern.compile("\\nslopes \\d+ (\\d+):(\\d+):([^ \\n]+)").matcher(text);
        assertThat(slope.find()).as("a slope to tamper with").isTrue();
        String tampered = text.substring(0, slope.start(3)) + "1.5" + text.substring(slope.end(3));

        CheckResult result = check(tampered);

        assertThat(result).as("%s", result).isInstanceOf(CheckResult.Invalid.class);
        assertThat(((CheckResult.Invalid) result).reason())
                .contains("slope 1.5 of unit " + slope.group(2) + " of ReLU layer " + slope.group(1))
                .contains("outside [0, 1]");
    }

    @Test
    void aNegativeSlopeAndASlopeOnAMissingUnitAreRejected() {
        Matcher slope = Pattern.compile("\\nslopes \\d+ (\\d+):(\\d+):([^ \\n]+)").matcher(text);
        assertThat(slope.find()).as("a slope to tamper with").isTrue();
        String negative = text.substring(0, slope.start(3)) + "-0.25" + text.substring(slope.end(3));
        String missing = text.substring(0, slope.start(2)) + "256" + text.substring(slope.end(2));

        CheckResult negativeResult = check(negative);
        CheckResult missingResult = check(missing);

        assertThat(negativeResult).as("%s", negativeResult).isInstanceOf(CheckResult.Invalid.class);
        assertThat(((CheckResult.Invalid) negativeResult).reason()).contains("slope -0.25").contains("outside [0, 1]");
        assertThat(missingResult).as("%s", missingResult).isInstanceOf(CheckResult.Invalid.class);
        assertThat(((CheckResult.Invalid) missingResult).reason()).contains("unit 256 of ReLU layer")
                .contains("does not have");
    }

    @Test
    void aClaimRaisedAboveWhatTheSlopesSupportIsRejected() {
        String tampered = text.replaceFirst("\\nleaf (\\d+):[^ \\n]+", "\nleaf $1:50.0");

        CheckResult result = check(tampered);

        assertThat(result).as("%s", result).isInstanceOf(CheckResult.Invalid.class);
        assertThat(((CheckResult.Invalid) result).reason()).contains("claims lower bound 50.0");
    }
}
