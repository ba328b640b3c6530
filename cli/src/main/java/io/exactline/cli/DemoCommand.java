package io.exactline.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.exactline.acasxu.Advisory;
import io.exactline.acasxu.EncounterState;
import io.exactline.acasxu.NetworkId;
import io.exactline.core.io.OnnxLoader;
import io.exactline.core.line.ExactLine;
import io.exactline.core.line.LinePartition;
import io.exactline.core.network.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code exactline demo}: ExactLine on a bundled ACAS Xu network along one encounter line, for a first look.
 * The output is for people, not scripts; {@code exactline line} is the scriptable form.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Runs ExactLine on the bundled ACAS Xu network N_1,1 along an approaching intruder's line",
            "and prints where the advisory changes. Needs no files."})
final class DemoCommand implements Callable<Integer> {
    static final NetworkId NETWORK = new NetworkId(1, 1);
    /** The intruder flies towards us at bearing 0.3 rad; its distance shrinks from the domain's maximum. */
    static final EncounterState FAR = new EncounterState(60760, 0.3, Math.PI, 800, 600);
    static final EncounterState NEAR = new EncounterState(1000, 0.3, Math.PI, 800, 600);

    @Spec
    CommandSpec spec;

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
        return run(OnnxLoader.load(model, resource, NETWORK.stem() + ".onnx"));
    }

    private int explain(String why) {
        spec.commandLine().getErr().println("error: the demo cannot run: " + why + ". Run './exactline line NETWORK"
                + " --from A --to B' on a network file of your own instead.");
        spec.commandLine().getErr().flush();
        return Failures.INTERNAL;
    }

    private int run(Network network) {
        LinePartition partition = ExactLine.partition(network, FAR.normalized(), NEAR.normalized());
        StringBuilder s = new StringBuilder();
        s.append("exactline demo: ExactLine on a bundled ACAS Xu network\n\n");
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
        s.append("\nThe same analysis on any network, one row per piece:\n"
                + "    ./exactline line NETWORK --from A --to B [--format json]\n");
        spec.commandLine().getOut().print(s);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static double rho(double t) {
        return FAR.rho() + t * (NEAR.rho() - FAR.rho());
    }
}
