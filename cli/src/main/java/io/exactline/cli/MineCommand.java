package io.exactline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import io.exactline.acasxu.Normalization;
import io.exactline.core.BadInputException;
import io.exactline.core.io.NetworkLoader;
import io.exactline.core.network.Network;
import io.exactline.preconditions.LayerPrecondition;
import io.exactline.preconditions.LayerPreconditionMiner;
import io.exactline.preconditions.MiningReport;
import io.exactline.preconditions.MiningSettings;
import io.exactline.preconditions.PreconditionMiner;
import io.exactline.preconditions.MiningTarget;
import io.exactline.verifier.lp.GlopLpSolver;
import io.exactline.verifier.pattern.OutputProperty;
import io.exactline.verifier.pattern.PatternNetwork;
import io.exactline.verifier.property.Box;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code exactline preconditions mine NETWORK --property argmin=0|argmax=K|@FILE.vnnlib [--domain acasxu] --samples N
 * [--layer L [--tree-depth D]] --out DIR}: mines
 * proven input preconditions by iterative relaxation, checkpointing to DIR; with {@code --layer}, also layer
 * preconditions of hidden ReLU layer L from a decision tree ({@link LayerPreconditionMiner}).
 */
@Command(name = "mine", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Draws inputs from the domain, relaxes the activation signature of every input with the "
                + "property that no precondition found so far covers, and writes DIR/preconditions.jsonl (the "
                + "checkpoint: rerunning the same command resumes), DIR/report.md and DIR/report.json.",
            "Progress goes to stderr; stdout gets the summary."})
final class MineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NETWORK", description = "network file (.nnet or .onnx), Dense/ReLU only")
    Path network;

    @Option(names = "--property", required = true, paramLabel = "P",
            description = "argmin=K (output K is a least output, e.g. ACAS Xu advisory COC is argmin=0), argmax=K, "
                    + "or @FILE.vnnlib: the negation of the file's unsafe output condition, over its input box")
    String property;

    @Option(names = "--domain", paramLabel = "BOX",
            description = "the input box: 'acasxu' (the normalised ACAS Xu training domain) or L1:U1,L2:U2,...; "
                    + "required unless --property is @FILE.vnnlib, whose box it replaces")
    String domain;

    @Option(names = "--samples", defaultValue = "1000", paramLabel = "N", description = "inputs to draw (default 1000)")
    int samples;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "random seed (default 1)")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output and checkpoint directory")
    Path out;

    @Option(names = "--proof-timeout", defaultValue = "1", paramLabel = "SECONDS",
            description = "time limit of each proof attempt (default 1)")
    double proofTimeout;

    @Option(names = "--relaxation-timeout", defaultValue = "20", paramLabel = "SECONDS",
            description = "time after which one sample's relaxation tries no further steps (default 20)")
    double relaxationTimeout;

    @Option(names = "--time-limit", paramLabel = "SECONDS",
            description = "stop relaxing new samples after this long and write the report (default: no limit)")
    Double timeLimit;

    @Option(names = "--layer", paramLabel = "L",
            description = "also mine layer preconditions of hidden ReLU layer L (0 = first): a decision tree over "
                    + "that layer's neuron states, each candidate proved or else tested on held-out samples")
    Integer layer;

    @Option(names = "--tree-depth", defaultValue = "8", paramLabel = "D",
            description = "with --layer: the decision tree's maximum depth; deeper trees give candidates that "
                    + "constrain more neurons, cover less and are more often provable (default 8)")
    int treeDepth;

    @Override
    public Integer call() throws IOException {
        Network net = NetworkLoader.load(network);
        MiningTarget target = target(property, domain, net);
        MiningSettings settings = new MiningSettings(target.property(), target.domain(), samples, seed,
                seconds("--proof-timeout", proofTimeout),
                seconds("--relaxation-timeout", relaxationTimeout),
                timeLimit == null ? Duration.ofDays(3650) : seconds("--time-limit", timeLimit));
        PatternNetwork patterns = PatternNetwork.of(net);
        Optional<LayerPreconditionMiner> layerMiner = Optional.ofNullable(layer)
                .map(l -> new LayerPreconditionMiner(patterns, settings, l, treeDepth));
        // the output folder before any progress line: a file in its place is one error line, not a late failure
        Files.createDirectories(out);
        PrintWriter err = spec.commandLine().getErr();
        Consumer<String> progress = line -> {
            err.println(line);
            err.flush();
        };
        MiningReport report = new PreconditionMiner(patterns, settings, new GlopLpSolver()).mine(out, progress);
        if (layerMiner.isPresent()) {
            report = report.withLayerPreconditions(layerMiner.get().mine(progress));
            report.write(out);
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%d preconditions; coverage %d/%d = %.2f%% of samples with %s; %d relaxed, %d not "
                + "proved%s; report in %s%n", report.entries().size(), report.covered(), report.propertySamples(),
                100 * report.coverage(), settings.property().description(), report.relaxed(), report.notProven(),
                report.complete() ? "" : " (time limit reached: rerun to resume)", out.resolve("report.md"));
        if (layer != null) {
            long proven = report.layerPreconditions().stream().filter(LayerPrecondition::proven).count();
            o.printf(Locale.ROOT, "layer %d: %d candidates, %d proven%n", layer, report.layerPreconditions().size(),
                    proven);
        }
        o.flush();
        return 0;
    }

    /** The property and domain of {@code --property} and {@code --domain} (or the VNN-LIB file's box). */
    static MiningTarget target(String property, String domain, Network net) {
        if (property.startsWith("@")) {
            if (domain != null) {
                throw new BadInputException("--domain and --property @FILE both give the domain; the file's input box "
                        + "is used, so leave out --domain");
            }
            return MiningTarget.fromVnnlib(Path.of(property.substring(1)), net.inputSize(), net.outputSize());
        }
        if (domain == null) {
            throw new BadInputException("--domain is required with --property " + property);
        }
        return new MiningTarget(parseProperty(property, net.outputSize()), parseDomain(domain, net.inputSize()));
    }

    static OutputProperty parseProperty(String text, int outputs) {
        String[] parts = text.split("=", 2);
        if (parts.length == 2 && (parts[0].equals("argmin") || parts[0].equals("argmax"))) {
            int k;
            try {
                k = Integer.parseInt(parts[1].strip());
            } catch (NumberFormatException e) {
                throw new BadInputException("--property " + text + ": '" + parts[1] + "' is not an output index");
            }
            return parts[0].equals("argmin") ? OutputProperty.argmin(k, outputs) : OutputProperty.argmax(k, outputs);
        }
        throw new BadInputException("--property '" + text + "' is not argmin=K or argmax=K");
    }

    static Box parseDomain(String text, int inputs) {
        if (text.equals("acasxu")) {
            if (inputs != 5) {
                throw new BadInputException("--domain acasxu is for ACAS Xu networks with 5 inputs; this network has "
                        + inputs);
            }
            return new Box(Normalization.normalizedMin(), Normalization.normalizedMax());
        }
        String[] intervals = text.split(",");
        if (intervals.length != inputs) {
            throw new BadInputException("--domain has " + intervals.length + " intervals but the network has "
                    + inputs + " inputs; give L1:U1,...,L" + inputs + ":U" + inputs);
        }
        double[] lower = new double[inputs];
        double[] upper = new double[inputs];
        for (int j = 0; j < inputs; j++) {
            String[] ends = intervals[j].split(":");
            try {
                if (ends.length != 2) {
                    throw new NumberFormatException();
                }
                lower[j] = Double.parseDouble(ends[0].strip());
                upper[j] = Double.parseDouble(ends[1].strip());
            } catch (NumberFormatException e) {
                throw new BadInputException("--domain interval " + (j + 1) + " '" + intervals[j]
                        + "' is not L:U with two numbers");
            }
            if (!Double.isFinite(lower[j]) || !Double.isFinite(upper[j]) || lower[j] > upper[j]) {
                throw new BadInputException("--domain interval " + (j + 1) + " '" + intervals[j]
                        + "' needs finite L <= U");
            }
        }
        return new Box(lower, upper);
    }

    static Duration seconds(String option, double s) {
        if (!(s > 0) || !Double.isFinite(s)) {
            throw new BadInputException(option + " must be a positive number of seconds, got " + s);
        }
        return Duration.ofNanos((long) (s * 1e9));
    }
}
