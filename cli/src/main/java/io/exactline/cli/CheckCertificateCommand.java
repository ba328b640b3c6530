package io.exactline.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.exactline.core.io.NetworkLoader;
import io.exactline.core.network.Network;
import io.exactline.verifier.certificate.CertificateChecker;
import io.exactline.verifier.certificate.CertificateFormat;
import io.exactline.verifier.certificate.CertificateFormatException;
import io.exactline.verifier.certificate.CheckResult;
import io.exactline.verifier.certificate.SplitTreeCertificate;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.vnnlib.VnnlibParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code exactline check-certificate NETWORK VNNLIB CERT}: re-checks an unsat certificate written by
 * {@code exactline verify --certificate}. The first stdout line is {@code valid} or {@code invalid: <reason>}; exit
 * code 0 for valid, {@value #INVALID} for invalid (a malformed or truncated certificate is invalid too), 2 when the
 * network or property cannot be read.
 */
@Command(name = "check-certificate", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Re-checks an unsat certificate of 'exactline verify --certificate' independently of the engine"
            + " that wrote it: its split tree must cover every case of VNNLIB, and every leaf's claim must follow from"
            + " the checker's own bounds on NETWORK's weights, with every rounding directed.",
            "The first stdout line is 'valid' or 'invalid: <reason>' (the first failing leaf with its path, box and"
                + " claimed and recomputed bounds)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:valid", "1:internal failure", "2:bad input: the network or property cannot be read",
            "3:invalid certificate (also when the certificate file is malformed)"})
final class CheckCertificateCommand implements Callable<Integer> {
    /** Exit code of an invalid certificate. */
    static final int INVALID = 3;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NETWORK", description = "network file (.nnet or .onnx)")
    Path network;

    @Parameters(index = "1", paramLabel = "VNNLIB", description = "property file (.vnnlib)")
    Path vnnlib;

    @Parameters(index = "2", paramLabel = "CERT", description = "certificate file")
    Path certificate;

    @Override
    public Integer call() {
        Network net = NetworkLoader.load(network);
        Property property = VnnlibParser.parse(vnnlib);
        property.requireCompatible(net);
        PrintWriter out = spec.commandLine().getOut();
        long start = System.nanoTime();
        SplitTreeCertificate read;
        try {
            read = CertificateFormat.read(certificate);
        } catch (CertificateFormatException e) {
            out.println("invalid: " + Failures.oneLine(e.getMessage()));
            out.flush();
            return INVALID;
        }
        CheckResult result = CertificateChecker.check(net, property, read);
        String seconds = String.format(Locale.ROOT, "%.3f s", (System.nanoTime() - start) / 1e9);
        if (result instanceof CheckResult.Invalid invalid) {
            out.println("invalid: " + Failures.oneLine(invalid.reason()));
            out.flush();
            return INVALID;
        }
        CheckResult.Valid valid = (CheckResult.Valid) result;
        out.println("valid");
        out.println(valid.leaves() + " leaves (" + valid.voidLeaves() + " void), " + valid.splits() + " splits, "
                + seconds);
        out.flush();
        return 0;
    }
}
