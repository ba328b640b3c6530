package io.exactline.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.exactline.core.BadInputException;
import io.exactline.core.io.NetworkLoader;
import io.exactline.core.network.Network;
import io.exactline.preconditions.InputPrecondition;
import io.exactline.preconditions.IterativeRelaxation;
import io.exactline.preconditions.MiningSettings;
import io.exactline.preconditions.MiningTarget;
import io.exactline.preconditions.PatternBranchAndBound;
import io.exactline.preconditions.RelaxationOutcome;
import io.exactline.preconditions.RelaxationStep;
import io.exactline.verifier.lp.GlopLpSolver;
import io.exactline.verifier.pattern.Implication;
import io.exactline.verifier.pattern.PatternNetwork;
import io.exactline.verifier.property.Box;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code exactline preconditions explain NETWORK --input X --property P [--domain BOX]}: one input precondition that
 * contains {@code X}, found by iterative relaxation from {@code X}'s activation signature, with its under-approximation
 * box and the concrete counterexamples that refuted the relaxation steps it could not take. For debugging an input
 * whose output differs from a neighbour's: the box says how far the input can move with the property proved.
 */
@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Relaxes the activation signature of one input into a proven precondition of the property and "
                + "prints it: the pattern, its proof, a box of inputs inside it, and every counterexample found to a "
                + "relaxation step (inputs that satisfy the tried pattern but not the property).",
            "Progress (one line per proof attempt) goes to stderr."})
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NETWORK", description = "network file (.onnx or .nnet), Dense/ReLU only")
    Path network;

    @Option(names = "--input", required = true, paramLabel = "X",
            description = "the input: comma-separated numbers, or @FILE; the property must hold there")
    String input;

    @Option(names = "--property", required = true, paramLabel = "P",
            description = "argmin=K, argmax=K or @FILE.vnnlib, as for mine")
    String property;

    @Option(names = "--domain", paramLabel = "BOX",
            description = "acasxu or L1:U1,...; required unless --property is @FILE.vnnlib")
    String domain;

    @Option(names = "--samples", defaultValue = "2000", paramLabel = "N",
            description = "inputs drawn from the domain as targets and known counterexamples (default 2000)")
    int samples;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "random seed (default 1)")
    long seed;

    @Option(names = "--proof-timeout", defaultValue = "2", paramLabel = "SECONDS",
            description = "time limit of each proof attempt (default 2)")
    double proofTimeout;

    @Option(names = "--relaxation-timeout", defaultValue = "60", paramLabel = "SECONDS",
            description = "time after which the relaxation tries no further steps (default 60)")
    double relaxationTimeout;

    @Override
    public Integer call() {
        Network net = NetworkLoader.load(network);
        double[] x = PointArgument.parse("--input", input).fitting(net);
        MiningTarget target = MineCommand.target(property, domain, net);
        Duration proof = MineCommand.seconds("--proof-timeout", proofTimeout);
        MiningSettings settings = new MiningSettings(target.property(), target.domain(), samples, seed, proof,
                MineCommand.seconds("--relaxation-timeout", relaxationTimeout), Duration.ofDays(3650));
        if (!target.domain().contains(x)) {
            throw new BadInputException("--input " + input + " lies outside the domain " + target.domain());
        }
        if (!target.property().holdsAt(net.evaluate(x))) {
            throw new BadInputException("the property " + target.property().description() + " does not hold at "
                    + "--input " + input + "; give the property its output satisfies");
        }
        List<double[]> targets = new ArrayList<>();
        List<double[]> violations = new ArrayList<>();
        for (double[] s : settings.draw()) {
            (target.property().holdsAt(net.evaluate(s)) ? targets : violations).add(s);
        }
        PatternNetwork patterns = PatternNetwork.of(net);
        IterativeRelaxation relaxation = new IterativeRelaxation(new PatternBranchAndBound(patterns,
                target.domain()), patterns, target.property(), new GlopLpSolver(), proof,
                settings.relaxationLimit(), violations);
        PrintWriter err = spec.commandLine().getErr();
        RelaxationOutcome outcome = relaxation.relax(x, targets, step -> {
            err.println("  " + step.summary());
            err.flush();
        });
        StringBuilder out = new StringBuilder();
        if (outcome instanceof RelaxationOutcome.SignatureNotProven failed) {
            out.append("no precondition: the input's activation signature was not proved to imply ")
                    .append(target.property().description()).append(" (").append(failed.answer()).append(")\n");
            counterexample(failed.step()).ifPresent(c -> out.append(c).append('\n'));
        } else {
            InputPrecondition p = ((RelaxationOutcome.Found) outcome).precondition();
            long inside = targets.stream().filter(p.pattern()::satisfiedBy).count();
            out.append(String.format(Locale.ROOT, "precondition of %s: %d of %d neurons constrained, %s%n",
                    target.property().description(), p.pattern().constrainedCount(),
                    patterns.neuronCount(), p.pattern().isClosed() ? "<-closed" : "not <-closed"));
            out.append("pattern: ").append(p.pattern().encode()).append('\n');
            out.append(String.format(Locale.ROOT, "proof: %s, margin %.6g; %d attempts in %.2f s%n",
                    p.proof().method(), p.proof().margin(), p.steps().size(), p.proofTime().toNanos() / 1e9));
            out.append(String.format(Locale.ROOT, "samples inside: %d of %d with the property%n", inside,
                    targets.size()));
            out.append("under-approximation box: ").append(p.underApproximation().map(ExplainCommand::box)
                    .orElse("none found")).append('\n');
            for (RelaxationStep step : p.steps()) {
                counterexample(step).ifPresent(c -> out.append(c).append('\n'));
            }
        }
        spec.commandLine().getOut().print(out);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static Optional<String> counterexample(RelaxationStep step) {
        if (step.answer() instanceof Implication.Refuted r) {
            return Optional.of("counterexample to '" + step.action() + "': input " + NumberText.commaSeparated(
                    r.input()) + " gives " + NumberText.commaSeparated(r.output()) + " (atom " + r.atom()
                    + " violated)");
        }
        return Optional.empty();
    }

    private static String box(Box b) {
        StringBuilder s = new StringBuilder();
        for (int j = 0; j < b.dimension(); j++) {
            s.append(j == 0 ? "" : ", ").append(String.format(Locale.ROOT, "x%d in [%.6g, %.6g]", j, b.lower(j),
                    b.upper(j)));
        }
        return s.toString();
    }
}
