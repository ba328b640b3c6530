package io.exactline.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.exactline.acasxu.AcasProperty;
import io.exactline.core.BadInputException;
import io.exactline.core.io.NetworkLoader;
import io.exactline.core.network.Network;
import io.exactline.preconditions.DecomposedProof;
import io.exactline.preconditions.DecomposedProofResult;
import io.exactline.preconditions.Interpolant;
import io.exactline.preconditions.MiningTarget;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.Engines;
import io.exactline.verifier.pattern.OutputProperty;
import io.exactline.verifier.pattern.PatternNetwork;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.vnnlib.VnnlibParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code exactline preconditions decompose NETWORK --property P --region R --preconditions DIR...}: a decomposed
 * proof ({@link DecomposedProof}) of the region's requirement with the proven preconditions of mining runs as
 * interpolants, the boxes they miss handed to a direct engine.
 */
@Command(name = "decompose", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Proves that no input of the region reaches its unsafe set by covering the region with the "
                + "proven preconditions of mining runs (each implies the property, which must rule out the unsafe "
                + "set), splitting boxes and neurons, and hands the boxes no precondition covers to a direct engine.",
            "The first stdout line is exactly one of proven, violated, undecided; then the counterexample or the "
                + "reason, and a summary: boxes covered per precondition, boxes to the engine, times.",
            "Progress goes to stderr."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:proven", "1:internal failure", "2:bad input (one line on stderr)",
            "3:violated: a counterexample was found", "4:undecided (time limit, or boxes left without --engine)"})
final class DecomposeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NETWORK", description = "network file (.onnx or .nnet), Dense/ReLU only")
    Path network;

    @Option(names = "--property", required = true, paramLabel = "P",
            description = "the property the preconditions were mined for, exactly as given to mine: argmin=K, "
                    + "argmax=K or @FILE.vnnlib")
    String property;

    @Option(names = "--region", required = true, paramLabel = "R",
            description = "the region A and its unsafe set: @FILE.vnnlib, or acasxu:phiN for the typed ACAS Xu "
                    + "property N (its boxes normalised and widened outward by one ulp)")
    String region;

    @Option(names = "--preconditions", required = true, paramLabel = "DIR",
            description = "the --out directory of a mining run (repeat the option for several)")
    List<Path> preconditions;

    @Option(names = "--engine", defaultValue = "bab", paramLabel = "NAME",
            description = "engine for the boxes no precondition covers (default bab), or 'none' to report them")
    String engine;

    @Option(names = "--depth", defaultValue = "12", paramLabel = "D",
            description = "splits of a sub-problem (box bisections and neuron splits) at most (default 12)")
    int depth;

    @Option(names = "--timeout", defaultValue = "300", paramLabel = "SECONDS",
            description = "time limit of the whole proof (default 300)")
    double timeout;

    @Override
    public Integer call() {
        Network net = NetworkLoader.load(network);
        PatternNetwork patterns = PatternNetwork.of(net);
        OutputProperty mined = property.startsWith("@")
                ? MiningTarget.fromVnnlib(Path.of(property.substring(1)), net.inputSize(), net.outputSize()).property()
                : MineCommand.parseProperty(property, net.outputSize());
        Property goal = region(region);
        goal.requireCompatible(net);
        List<Interpolant> interpolants = new ArrayList<>();
        for (Path dir : preconditions) {
            interpolants.addAll(Interpolant.fromMining(dir, patterns, mined));
        }
        DecomposedProof proof = new DecomposedProof(patterns, interpolants, depth,
                engine.equals("none") ? Optional.empty() : Optional.of(Engines.byName(engine)));
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "%d preconditions of %s from %d mining runs; covering %s%n", interpolants.size(),
                mined.description(), preconditions.size(), goal.source());
        err.flush();
        boolean terminal = System.console() != null;
        ProgressBar[] bar = new ProgressBar[1];
        DecomposedProofResult result = proof.prove(goal,
                Deadline.after(MineCommand.seconds("--timeout", timeout)), p -> {
                    if (p.phase() == DecomposedProof.Phase.FALLBACK) {
                        if (bar[0] == null) {
                            err.printf(Locale.ROOT, "%d boxes not covered: to engine %s%n", p.total(), engine);
                            bar[0] = new ProgressBar(err, terminal, p.total());
                        }
                        bar[0].update(p.done(), Map.of());
                    }
                });
        if (bar[0] != null) {
            bar[0].finish(Map.of());
        }
        PrintWriter out = spec.commandLine().getOut();
        DecomposedProofResult.Outcome outcome = result.outcome();
        out.println(outcome.word());
        if (outcome instanceof DecomposedProofResult.Violated v) {
            out.println("counterexample: input " + NumberText.commaSeparated(v.counterexample().input())
                    + " gives " + NumberText.commaSeparated(v.counterexample().output()));
        } else if (outcome instanceof DecomposedProofResult.Undecided u) {
            out.println("reason: " + u.reason());
        }
        out.printf(Locale.ROOT, "%d sub-problems bounded, %d covered, %d void, %d proved on the spot, %d boxes to "
                + "%s; cover %.3f s, engine %.3f s%n", result.boundComputations(), result.covered().size(),
                result.voidSubProblems(), result.provedOnTheSpot(), result.fallback().size(), engine,
                result.coverTime().toNanos() / 1e9, result.fallbackTime().toNanos() / 1e9);
        for (int i = 0; i < interpolants.size(); i++) {
            int boxes = result.coveredBy(i).size();
            if (boxes > 0) {
                out.printf(Locale.ROOT, "precondition %d (%s): %d boxes%n", i, interpolants.get(i).origin(), boxes);
            }
        }
        out.flush();
        if (outcome instanceof DecomposedProofResult.Proven) {
            return 0;
        }
        return outcome instanceof DecomposedProofResult.Violated ? 3 : 4;
    }

    /** The region of {@code --region}: a VNN-LIB file or a typed ACAS Xu property. */
    private static Property region(String text) {
        if (text.startsWith("@")) {
            return VnnlibParser.parse(Path.of(text.substring(1)));
        }
        if (text.startsWith("acasxu:phi")) {
            try {
                return AcasProperty.phi(Integer.parseInt(text.substring("acasxu:phi".length()))).toProperty();
            } catch (NumberFormatException e) {
                throw new BadInputException("--region " + text + ": give acasxu:phiN with N in 1..10");
            }
        }
        throw new BadInputException("--region '" + text + "' is neither @FILE.vnnlib nor acasxu:phiN");
    }
}
