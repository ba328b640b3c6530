package io.exactline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

import io.exactline.core.BadInputException;
import io.exactline.core.io.AtomicFiles;
import io.exactline.core.io.NetworkLoader;
import io.exactline.core.network.Network;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.Engine;
import io.exactline.verifier.Engines;
import io.exactline.verifier.bab.BabEngine;
import io.exactline.verifier.bab.ClosedLeaf;
import io.exactline.verifier.certificate.CertificateBuilder;
import io.exactline.verifier.certificate.CertificateFormat;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.verdict.Assurance;
import io.exactline.verifier.verdict.Sat;
import io.exactline.verifier.verdict.Unknown;
import io.exactline.verifier.verdict.Unsat;
import io.exactline.verifier.verdict.Verdict;
import io.exactline.verifier.verdict.VnncompResult;
import io.exactline.verifier.vnnlib.VnnlibParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code exactline verify NETWORK VNNLIB [--timeout S] [--result FILE] [--engine NAME] [--certificate FILE]}: decides
 * a VNN-LIB property. The first stdout line is exactly one of {@code sat}, {@code unsat}, {@code timeout},
 * {@code unknown}; after the unsat of a plug-in engine the second line is its label ({@code unsat (engine NAME,
 * unchecked)} unless a checker accepted its certificate); then a line says which engine answered and how, and after
 * sat the counterexample follows. With {@code --certificate} the last line says whether a certificate was written.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Decides whether some input of the VNNLIB property's region drives NETWORK into its unsafe set.",
            "The first stdout line is exactly one of sat, unsat, timeout, unknown (exit code 0 for each of them);"
                + " the following lines give the engine, the time and, after sat, the counterexample."})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NETWORK", description = "network file (.nnet or .onnx)")
    Path network;

    @Parameters(index = "1", paramLabel = "VNNLIB", description = "property file (.vnnlib)")
    Path vnnlib;

    @Option(names = "--timeout", paramLabel = "S", description = "time limit in seconds (default: none)")
    Optional<Double> timeout;

    @Option(names = "--result", paramLabel = "FILE",
            description = "also write the VNN-COMP result file (status line, then the counterexample after sat),"
                    + " atomically")
    Optional<Path> result;

    @Option(names = "--engine", paramLabel = "NAME", defaultValue = "auto",
            description = "an installed engine: auto, bab, lp, smt, milp, pgd, sampling or a plug-in's name"
                    + " ('exactline engines' lists them with their guarantees; default: ${DEFAULT-VALUE})")
    String engine;

    @Option(names = "--certificate", paramLabel = "FILE",
            description = "on unsat, write a certificate that 'exactline check-certificate' re-checks independently"
                    + " (atomically); runs branch and bound (engine auto or bab) and records its split tree; building"
                    + " it counts against --timeout")
    Optional<Path> certificate;

    @Override
    public Integer call() {
        Engine chosen = Engines.byName(engine);
        Deadline deadline = deadline(timeout);
        Network net = NetworkLoader.load(network);
        Property property = VnnlibParser.parse(vnnlib);
        property.requireCompatible(net);
        Verdict verdict;
        String certificateLine = "";
        if (certificate.isPresent()) {
            if (!engine.equals("auto") && !engine.equals(BabEngine.NAME)) {
                throw new BadInputException("--certificate needs --engine auto or bab (branch and bound writes the"
                        + " split tree a certificate records), not " + engine);
            }
            List<ClosedLeaf> leaves = new CopyOnWriteArrayList<>();
            Certified certified = certify(new BabEngine().search(net, property, deadline, leaves::add), net, property,
                    leaves, deadline);
            verdict = certified.verdict();
            certificateLine = certified.line();
        } else {
            verdict = chosen.verify(net, property, deadline);
        }
        Verdict answer = verdict;
        result.ifPresent(file -> VnncompResult.write(answer, file));
        PrintWriter out = spec.commandLine().getOut();
        out.print(report(verdict));
        out.print(certificateLine);
        out.flush();
        return 0;
    }

    /** A verdict and the line that says what became of its certificate. */
    private record Certified(Verdict verdict, String line) {
    }

    /**
     * An unsat verdict with its certificate written to {@link #certificate}, when one can be built from the leaves;
     * any other verdict as it is. A network the checker does not support keeps its verdict; the line says why there
     * is no certificate.
     */
    private Certified certify(Verdict verdict, Network net, Property property, List<ClosedLeaf> leaves,
            Deadline deadline) {
        if (!(verdict instanceof Unsat unsat)) {
            return new Certified(verdict, "certificate not written: only unsat answers have certificates\n");
        }
        CertificateBuilder.Outcome outcome;
        try {
            outcome = CertificateBuilder.build(net, property, leaves, deadline);
        } catch (BadInputException e) {
            return new Certified(verdict, "certificate not written: " + Failures.oneLine(e.getMessage()) + "\n");
        }
        if (outcome instanceof CertificateBuilder.Outcome.Built built) {
            try {
                AtomicFiles.writeString(certificate.get(), CertificateFormat.format(built.certificate()));
            } catch (IOException e) {
                throw new BadInputException("--certificate: " + e.getMessage(), e);
            }
            return new Certified(new Unsat(Optional.of(built.certificate()), unsat.provenance()),
                    "certificate written to " + certificate.get() + ": " + built.certificate().summary() + "\n");
        }
        return new Certified(verdict, "certificate not written: "
                + ((CertificateBuilder.Outcome.Failed) outcome).reason() + "\n");
    }

    /** The deadline {@code seconds} from now, or none. */
    static Deadline deadline(Optional<Double> seconds) {
        if (seconds.isEmpty()) {
            return Deadline.unlimited();
        }
        double s = seconds.get();
        if (!(s > 0) || Double.isInfinite(s)) {
            throw new BadInputException("--timeout must be a positive number of seconds, got " + s);
        }
        return Deadline.after(Duration.ofNanos((long) Math.min(s * 1e9, Long.MAX_VALUE / 2.0)));
    }

    /**
     * The status line; for an unsat that is not a built-in proof (a plug-in's, or milp's) the label line
     * {@code unsat (engine NAME, unchecked)} (or {@code certificate checked}); one line on how the verdict was reached; the counterexample after sat.
     */
    static String report(Verdict verdict) {
        StringBuilder s = new StringBuilder(verdict.status()).append('\n');
        if (verdict instanceof Unsat unsat && unsat.assurance() != Assurance.BUILT_IN) {
            s.append(unsat.label()).append('\n');
        }
        s.append("engine ").append(verdict.provenance().engine()).append(", ")
                .append(String.format(Locale.ROOT, "%.3f", verdict.provenance().elapsed().toNanos() / 1e9))
                .append(" s, ").append(verdict.provenance().counts());
        if (verdict instanceof Unknown u) {
            s.append(", ").append(u.reason());
        }
        s.append('\n');
        if (verdict instanceof Sat sat) {
            s.append(sat.counterexample().description()).append('\n');
            s.append(VnncompResult.format(verdict).substring(verdict.status().length() + 1));
        }
        return s.toString();
    }
}
