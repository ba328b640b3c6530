package io.exactline.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.exactline.acasxu.AcasProperty;
import io.exactline.acasxu.Advisory;
import io.exactline.acasxu.AdvisoryInterval;
import io.exactline.acasxu.EncounterState;
import io.exactline.acasxu.LineAdvisories;
import io.exactline.acasxu.LineCertifier;
import io.exactline.acasxu.NetworkId;
import io.exactline.acasxu.PolicyPlot;
import io.exactline.acasxu.TopDownView;
import io.exactline.acasxu.TopDownWindow;
import io.exactline.core.io.OnnxLoader;
import io.exactline.core.line.ExactLine;
import io.exactline.core.line.LinePartition;
import io.exactline.core.network.Network;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.Engines;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.verdict.Sat;
import io.exactline.verifier.verdict.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code exactline demo}: the main job on bundled data, for a first look. On the bundled ACAS Xu network N_1,1 it
 * certifies the advisories along an approaching intruder's line (ExactLine), draws the exact top-down policy picture
 * and verifies property 1. The output is for people, not scripts; {@code line}, {@code acasxu certify-line},
 * {@code acasxu certify-slice} and {@code verify} are the scriptable forms.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"On the bundled ACAS Xu network N_1,1: certifies the advisories along an approaching",
            "intruder's line, draws the exact top-down policy picture and verifies property 1. Needs no files."})
final class DemoCommand implements Callable<Integer> {
    static final NetworkId NETWORK = new NetworkId(1, 1);
    /** The intruder flies towards us at bearing 0.3 rad; its distance shrinks from the domain's maximum. */
    static final EncounterState FAR = new EncounterState(60760, 0.3, Math.PI, 800, 600);
    static final EncounterState NEAR = new EncounterState(1000, 0.3, Math.PI, 800, 600);

    /** The property verified: phi_1, typed, in the verifier's form. */
    static final AcasProperty PROPERTY = AcasProperty.phi(1);
    static final Duration VERIFY_TIME = Duration.ofSeconds(60);

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "exactline-demo",
            description = "folder for the pictures (default: ${DEFAULT-VALUE})")
    Path out;

    private final String resource;

    DemoCommand() {
        this("/io/exactline/acasxu/onnx/" + NETWORK.stem() + ".onnx");
    }

    /** A demo reading the network from another classpath resource, an ONNX model (tests). */
    DemoCommand(String resource) {
        this.resource = resource;
    }

    @Override
    public Integer call() throws IOException {
        byte[] model;
        try (InputStream in = DemoCommand.class.getResourceAsStream(resource)) {
            if (in == null) {
                return explain("this build has no bundled ACAS Xu network (classpath resource " + resource
                        + " is missing; the acasxu module bundles it)");
            }
            model = in.readAllBytes();
        }
        return run(OnnxLoader.load(model, resource, NETWORK.stem() + ".onnx"), PROPERTY.toProperty());
    }

    private int explain(String why) {
        spec.commandLine().getErr().println("error: the demo cannot run: " + why + ". Run './exactline line NETWORK"
                + " --from A --to B' on a network file of your own instead.");
        spec.commandLine().getErr().flush();
        return Failures.INTERNAL;
    }

    private int run(Network network, Property property) throws IOException {
        LinePartition partition = ExactLine.partition(network, FAR.normalized(), NEAR.normalized());
        StringBuilder s = new StringBuilder();
        s.append("exactline demo: exact analysis of a bundled ACAS Xu network\n\n");
        s.append("1. Advisories along a line (ExactLine)\n");
        s.append(String.format(Locale.ROOT, "Network  N_%d,%d = %s (previous advisory %s, tau %d s)\n",
                NETWORK.previous(), NETWORK.tauIndex(), NETWORK.stem(), NETWORK.previousAdvisory(),
                NETWORK.tauSeconds()));
        s.append(String.format(Locale.ROOT, "Line     an intruder at bearing theta = %.1f deg flying towards us"
                + " (psi = %.0f deg),\n         own speed %.0f ft/s, intruder speed %.0f ft/s, distance rho from"
                + " %.0f ft down to %.0f ft\n", Math.toDegrees(FAR.theta()), Math.toDegrees(FAR.psi()), FAR.vOwn(),
                FAR.vInt(), FAR.rho(), NEAR.rho()));
        s.append(String.format(Locale.ROOT, "Result   the network is affine on each of %d pieces of this line."
                + " Advisory (minimal score\n         at each piece's midpoint), by distance:\n",
                partition.pieceCount()));
        int runStart = 0;
        for (int i = 1; i <= partition.pieceCount(); i++) {
            int advisory = partition.piece(runStart).argmin();
            if (i == partition.pieceCount() || partition.piece(i).argmin() != advisory) {
                Advisory a = Advisory.ofOutput(advisory);
                s.append(String.format(Locale.ROOT, "    rho %6.0f .. %6.0f ft   %-3s %-18s (%d pieces)\n",
                        rho(partition.ratio(runStart)), rho(partition.ratio(i)), a, a.description(), i - runStart));
                runStart = i;
            }
        }
        LineAdvisories advisories = LineCertifier.certify(network, FAR, NEAR);
        AdvisoryInterval shortest = advisories.shortest();
        s.append(String.format(Locale.ROOT, "Exact    %d advisory switches; the advisory changes at rho =", advisories.switches()));
        for (double t : advisories.boundaries()) {
            s.append(String.format(Locale.ROOT, " %.3f", rho(t)));
        }
        s.append(String.format(Locale.ROOT, " ft;\n         shortest interval %s over %.3f ft; 1,000 evenly spaced samples miss %d"
                + " interval(s)\n", shortest.advisory(), Math.abs(rho(shortest.tEnd()) - rho(shortest.tStart())),
                advisories.missedBySampling(1000).size()));

        s.append("\n2. The policy around the ownship (exact top-down slice)\n");
        TopDownWindow window = TopDownWindow.around(20000, FAR.psi(), FAR.vOwn(), FAR.vInt());
        TopDownView view = TopDownView.compute(network, window);
        Files.createDirectories(out);
        Path picture = out.resolve("top-down-1_1.png");
        PolicyPlot.of(view).writePng(picture);
        s.append(String.format(Locale.ROOT, "Result   %d linear regions of the (rho, theta) slice, intruder heading psi"
                + " = %.0f deg,\n         speeds %.0f / %.0f ft/s, drawn within 20,000 ft of the ownship\n",
                view.polar().regionCount(), Math.toDegrees(FAR.psi()), FAR.vOwn(), FAR.vInt()));
        s.append("Picture  ").append(picture.toAbsolutePath()).append('\n');

        s.append("\n3. Verification of property 1\n");
        s.append("Claim    ").append(PROPERTY.requirement().description()).append("\n         for ")
                .append(PROPERTY.summary()).append('\n');
        Verdict verdict = Engines.byName("auto").verify(network, property, Deadline.after(VERIFY_TIME));
        s.append(String.format(Locale.ROOT, "Verdict  %s (engine %s, %.2f s)%s\n", verdict.status(),
                verdict.provenance().engine(), verdict.provenance().elapsed().toMillis() / 1000.0,
                verdict.status().equals("unsat") ? ": no encounter of the property's region violates it" : ""));
        if (verdict instanceof Sat sat) {
            s.append("         counterexample ").append(sat.counterexample().description()).append('\n');
        }

        s.append("\nThe same analyses on any network:\n"
                + "    ./exactline line NETWORK --from A --to B [--format json]\n"
                + "    ./exactline acasxu certify-slice --network 1_1 --top-down --png out.png\n"
                + "    ./exactline acasxu verify-all --properties 1-4 --networks 1_1,2_1\n"
                + "    ./exactline verify NETWORK PROPERTY.vnnlib\n");
        spec.commandLine().getOut().print(s);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static double rho(double t) {
        return FAR.rho() + t * (NEAR.rho() - FAR.rho());
    }
}
