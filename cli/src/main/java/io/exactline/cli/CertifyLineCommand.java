package io.exactline.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.exactline.acasxu.AcasNetworks;
import io.exactline.acasxu.AdvisoryInterval;
import io.exactline.acasxu.EncounterState;
import io.exactline.acasxu.LineAdvisories;
import io.exactline.acasxu.LineCertifier;
import io.exactline.core.BadInputException;
import io.exactline.core.network.Network;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code exactline acasxu certify-line}: the exact advisory intervals along the segment between two encounters,
 * and the intervals that evenly spaced sampling misses.
 */
@Command(name = "certify-line", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Certifies the ACAS Xu advisory exactly along the segment x(t) = A + t (B - A), t in [0, 1].",
            "Prints CSV: header t_start,t_end,advisory, then one row per maximal interval of constant advisory"
                + " (%%.17g numbers), then summary lines starting with '# ': pieces, switches, shortest interval,"
                + " and the intervals that N evenly spaced samples t = k / (N - 1) miss.",
            "Boundaries are where two affine scores cross on an ExactLine piece, exact to floating-point rounding."})
final class CertifyLineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--network", required = true, paramLabel = "NET",
            description = "bundled network id x_y (e.g. 1_1) or an .onnx/.nnet file")
    String network;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Start start;

    @ArgGroup(exclusive = true, multiplicity = "1")
    End end;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "1000",
            description = "evenly spaced samples to compare with (default: ${DEFAULT-VALUE})")
    int samples;

    /** The segment start, physical or normalised. */
    static final class Start {
        @Option(names = "--from", required = true, paramLabel = "STATE",
                description = "start encounter, e.g. rho=60760,theta=0.3,psi=pi,vown=800,vint=600; inputs left out"
                        + " take the middle of the domain")
        String physical;

        @Option(names = "--from-normalized", required = true, paramLabel = "X",
                description = "start as 5 normalised network inputs x1,...,x5 (or @FILE)")
        String normalized;
    }

    /** The segment end, physical or normalised. */
    static final class End {
        @Option(names = "--to", required = true, paramLabel = "STATE", description = "end encounter, like --from")
        String physical;

        @Option(names = "--to-normalized", required = true, paramLabel = "X",
                description = "end as 5 normalised network inputs")
        String normalized;
    }

    @Override
    public Integer call() {
        if (samples < 2) {
            throw new BadInputException("--samples must be at least 2 (both ends of the segment), got " + samples);
        }
        Network net = AcasNetworks.resolve(network);
        Endpoint a = endpoint(net, start.physical, start.normalized, "--from", "--from-normalized");
        Endpoint b = endpoint(net, end.physical, end.normalized, "--to", "--to-normalized");
        PointArgument.requireSegment(a.normalized, b.normalized, "--from", "--to");
        LineAdvisories line = LineCertifier.certifyNormalized(net, a.normalized, b.normalized);
        PrintWriter out = spec.commandLine().getOut();
        out.print(csv(line));
        out.print(summary(line, a.description, b.description, samples));
        out.flush();
        return 0;
    }

    /** A segment end as the network takes it, and as the user gave it. */
    private record Endpoint(double[] normalized, String description) {
    }

    private static Endpoint endpoint(Network net, String physical, String normalized, String option,
            String normalizedOption) {
        if (physical != null) {
            EncounterState state = EncounterArgument.state(option, physical);
            if (!state.inDomain()) {
                throw new BadInputException(option + " " + EncounterArgument.format(state) + " lies outside the ACAS"
                        + " Xu domain (rho 0..60760, theta and psi -3.141593..3.141593, vown 100..1200, vint"
                        + " 0..1200); use " + normalizedOption + " to analyse the network outside it");
            }
            return new Endpoint(state.normalized(), EncounterArgument.format(state));
        }
        double[] x = PointArgument.parse(normalizedOption, normalized).fitting(net);
        return new Endpoint(x, "normalized " + NumberText.commaSeparated(x));
    }

    static String csv(LineAdvisories line) {
        StringBuilder s = new StringBuilder("t_start,t_end,advisory\n");
        for (AdvisoryInterval interval : line.intervals()) {
            s.append(NumberText.of(interval.tStart())).append(',').append(NumberText.of(interval.tEnd())).append(',')
                    .append(interval.advisory()).append('\n');
        }
        return s.toString();
    }

    static String summary(LineAdvisories line, String from, String to, int samples) {
        StringBuilder s = new StringBuilder();
        s.append("# network: ").append(line.source()).append('\n');
        s.append("# from: ").append(from).append('\n');
        s.append("# to: ").append(to).append('\n');
        s.append("# pieces: ").append(line.pieces()).append('\n');
        s.append("# switches: ").append(line.switches()).append('\n');
        s.append("# shortest interval: ").append(describe(line.shortest())).append('\n');
        List<AdvisoryInterval> missed = line.missedBySampling(samples);
        s.append("# ").append(samples).append(" evenly spaced samples miss ").append(missed.size()).append(" of ")
                .append(line.intervals().size()).append(" intervals").append(missed.isEmpty() ? "" : ":").append('\n');
        for (AdvisoryInterval interval : missed) {
            s.append("# missed: ").append(describe(interval)).append(", starting at ")
                    .append(EncounterArgument.format(line.stateAt(interval.tStart()))).append('\n');
        }
        return s.toString();
    }

    private static String describe(AdvisoryInterval interval) {
        return interval.advisory() + " on [" + NumberText.of(interval.tStart()) + ", " + NumberText.of(interval.tEnd())
                + "], length " + String.format(Locale.ROOT, "%.3e", interval.length());
    }
}
