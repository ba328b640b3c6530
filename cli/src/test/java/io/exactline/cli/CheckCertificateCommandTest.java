package io.exactline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.exactline.testkit.SharedData;

class CheckCertificateCommandTest {
    @TempDir
    Path temp;

    private static String shared(String relative) {
        return SharedData.require(relative).toString();
    }

    @Test
    void verifyWritesACertificateThatChecksAndATamperedOneIsInvalidWithExitCode3() throws IOException {
        Path cert = temp.resolve("unsat.cert");
        String net = shared("vnncomp2021/test/test_unsat.onnx");
        String prop = shared("vnncomp2021/test/test_prop.vnnlib");

        Cli.Result verify = Cli.run("verify", net, prop, "--certificate", cert.toString());
        Cli.Result check = Cli.run("check-certificate", net, prop, cert.toString());
        String text = Files.readString(cert);
        Files.writeString(cert, text.replaceFirst("\\nleaf (\\d+):[^ \\n]+", "\nleaf $1:1e6"));
        Cli.Result tampered = Cli.run("check-certificate", net, prop, cert.toString());
        Files.writeString(cert, text.substring(0, text.lastIndexOf("\nleaf")));
        Cli.Result truncated = Cli.run("check-certificate", net, prop, cert.toString());

        assertThat(verify.code()).as("%s", verify).isZero();
        assertThat(verify.out()).as("%s", verify).startsWith("unsat\nengine bab").contains("certificate written to");
        assertThat(text).startsWith("exactline-certificate 2\n");
        assertThat(temp).isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".tmp"));
        assertThat(check.code()).as("%s", check).isZero();
        assertThat(check.out()).as("%s", check).startsWith("valid\n");
        assertThat(tampered.code()).as("%s", tampered).isEqualTo(CheckCertificateCommand.INVALID);
        assertThat(tampered.out()).as("%s", tampered).startsWith("invalid: ").contains("claims lower bound 1000000.0");
        assertThat(truncated.code()).as("%s", truncated).isEqualTo(CheckCertificateCommand.INVALID);
        assertThat(truncated.out()).as("%s", truncated).startsWith("invalid: ");
    }

    @Test
    void aCertificateIsOnlyValidForItsOwnNetworkAndProperty() {
        Path cert = temp.resolve("unsat.cert");
        String prop = shared("vnncomp2021/test/test_prop.vnnlib");
        Cli.run("verify", shared("vnncomp2021/test/test_unsat.onnx"), prop, "--certificate", cert.toString());

        Cli.Result otherNetwork = Cli.run("check-certificate", shared("vnncomp2021/test/test_sat.onnx"), prop,
                cert.toString());

        assertThat(otherNetwork.code()).as("%s", otherNetwork).isEqualTo(CheckCertificateCommand.INVALID);
        assertThat(otherNetwork.out()).as("%s", otherNetwork).startsWith("invalid: ").contains("digest");
    }

    @Test
    void satAnswersWriteNoCertificateAndOtherEnginesCannotWriteOne() {
        Path cert = temp.resolve("sat.cert");
        String prop = shared("vnncomp2021/test/test_prop.vnnlib");

        Cli.Result sat = Cli.run("verify", shared("vnncomp2021/test/test_sat.onnx"), prop, "--certificate",
                cert.toString());
        Cli.Result pgd = Cli.run("verify", shared("vnncomp2021/test/test_sat.onnx"), prop, "--engine", "pgd",
                "--certificate", cert.toString());
        Cli.Result missing = Cli.run("check-certificate", shared("vnncomp2021/test/test_sat.onnx"), prop,
                cert.toString());

        assertThat(sat.out()).as("%s", sat).startsWith("sat\n").contains("certificate not written");
        assertThat(cert).doesNotExist();
        assertThat(pgd.code()).as("%s", pgd).isEqualTo(2);
        assertThat(pgd.err()).as("%s", pgd).contains("--certificate needs --engine auto or bab");
        assertThat(missing.code()).as("%s", missing).isEqualTo(2);
    }

    @Test
    void aNetworkTheCheckerDoesNotSupportKeepsItsVerdictAndSaysWhyThereIsNoCertificate() throws IOException {
        Path cert = temp.resolve("clip.cert");
        Path prop = Files.writeString(temp.resolve("negative.vnnlib"), "(declare-const X_0 Real)\n"
                + "(declare-const X_1 Real)\n(declare-const Y_0 Real)\n(declare-const Y_1 Real)\n"
                + "(assert (>= X_0 0))\n(assert (<= X_0 1))\n(assert (>= X_1 0))\n(assert (<= X_1 1))\n"
                + "(assert (<= Y_0 -1))\n");

        Cli.Result run = Cli.run("verify", Cli.relus2(), prop.toString(), "--certificate", cert.toString());

        assertThat(run.code()).as("%s", run).isZero();
        assertThat(run.out()).as("%s", run).startsWith("unsat\n")
                .contains("certificate not written: certificates are checked for networks of affine and ReLU layers");
        assertThat(cert).doesNotExist();
    }
}
