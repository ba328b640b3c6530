package io.exactline.preconditions;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import io.exactline.core.io.ImageLayout;
import io.exactline.core.network.Network;
import io.exactline.verifier.lp.LpSolver;
import io.exactline.verifier.pattern.DecisionPattern;
import io.exactline.verifier.pattern.PatternNetwork;
import io.exactline.verifier.verdict.NetworkDigest;

/**
 * A mining run: draw the samples, and for each sample with the property that no precondition found so far covers
 * (in floating point, {@link DecisionPattern#matches}), run {@link IterativeRelaxation} from it, with the samples
 * that violate the property as known counterexamples and the uncovered samples with the property as targets; record
 * every
 * outcome in the {@link Checkpoint} as it happens, and report support and coverage at the end. A restarted run with
 * the same settings draws the same samples and skips the ones its checkpoint lists.
 */
public final class PreconditionMiner {
    private final PatternNetwork network;
    private final MiningSettings settings;
    private final LpSolver solver;

    public PreconditionMiner(PatternNetwork network, MiningSettings settings, LpSolver solver) {
        this.network = network;
        this.settings = settings;
        this.solver = solver;
    }

    /**
     * Mines into {@code dir} ({@code preconditions.jsonl}, {@code report.md}, {@code report.json}), reporting
     * progress lines to {@code progress}.
     *
     * @throws io.exactline.core.BadInputException if {@code dir} holds the checkpoint of another run
     */
    public MiningReport mine(Path dir, Consumer<String> progress) throws IOException {
        long start = System.nanoTime();
        Network net = network.network();
        String digest = NetworkDigest.of(net);
        List<double[]> samples = settings.draw();
        List<List<double[]>> pre = new ArrayList<>(samples.size());
        List<Integer> withProperty = new ArrayList<>();
        List<double[]> violations = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            pre.add(network.preActivations(samples.get(i)));
            if (settings.property().holdsAt(net.evaluate(samples.get(i)))) {
                withProperty.add(i);
            } else {
                violations.add(samples.get(i));
            }
        }
        progress.accept(String.format("%d samples drawn, %d with %s", samples.size(), withProperty.size(),
                settings.property().description()));
        IterativeRelaxation relaxation = new IterativeRelaxation(new PatternBranchAndBound(network,
                settings.domain()), network, settings.property(), solver, settings.proofLimit(),
                settings.relaxationLimit(), violations);
        try (Checkpoint checkpoint = Checkpoint.open(dir, network, digest, settings)) {
            List<MinedPrecondition> found = new ArrayList<>(checkpoint.found());
            Set<Integer> done = new HashSet<>(checkpoint.done());
            int notProven = done.size() - found.size();
            if (!done.isEmpty()) {
                progress.accept("resumed: " + done.size() + " samples already relaxed, " + found.size()
                        + " preconditions");
            }
            boolean[] covered = new boolean[samples.size()];
            for (MinedPrecondition p : found) {
                cover(p.pattern(), withProperty, pre, covered);
            }
            boolean complete = true;
            for (int i : withProperty) {
                if (covered[i] || done.contains(i)) {
                    continue;
                }
                if (Duration.ofNanos(System.nanoTime() - start).compareTo(settings.runLimit()) > 0) {
                    complete = false;
                    progress.accept("run limit " + settings.runLimit() + " reached; rerun to resume");
                    break;
                }
                List<double[]> targets = new ArrayList<>();
                for (int t : withProperty) {
                    if (!covered[t] && t != i) {
                        targets.add(samples.get(t));
                    }
                }
                RelaxationOutcome outcome = relaxation.relax(samples.get(i), targets,
                        step -> progress.accept("  " + step.summary()));
                done.add(i);
                if (outcome instanceof RelaxationOutcome.Found f) {
                    MinedPrecondition p = MinedPrecondition.of(i, f.precondition());
                    checkpoint.recordFound(p);
                    found.add(p);
                    int gained = cover(p.pattern(), withProperty, pre, covered);
                    progress.accept(String.format("sample %d: precondition %d, %d neurons constrained, covers %d "
                            + "more; coverage %d/%d; proof %.2f s in %d attempts", i, found.size() - 1,
                            p.pattern().constrainedCount(), gained, count(covered), withProperty.size(),
                            p.proofTime().toNanos() / 1e9, p.attempts()));
                } else {
                    RelaxationOutcome.SignatureNotProven failed = (RelaxationOutcome.SignatureNotProven) outcome;
                    checkpoint.recordNotProven(i, failed.answer().getClass().getSimpleName(), failed.step().time());
                    notProven++;
                    progress.accept("sample " + i + ": signature not proved (" + failed.answer().getClass()
                            .getSimpleName() + ")");
                }
            }
            List<MiningReport.Entry> entries = new ArrayList<>();
            for (MinedPrecondition p : found) {
                int all = 0;
                int withP = 0;
                for (int i = 0; i < samples.size(); i++) {
                    if (p.pattern().matches(pre.get(i))) {
                        all++;
                    }
                }
                for (int i : withProperty) {
                    if (p.pattern().matches(pre.get(i))) {
                        withP++;
                    }
                }
                entries.add(new MiningReport.Entry(p, (double) all / samples.size(),
                        withProperty.isEmpty() ? 0.0 : (double) withP / withProperty.size()));
            }
            MiningReport report = new MiningReport(net.source(), digest, settings, withProperty.size(),
                    count(covered), done.size(), notProven, complete, entries,
                    Duration.ofNanos(System.nanoTime() - start));
            report.write(dir);
            Optional<ImageLayout> image = ImageLayout.of(net.inputShape());
            if (image.isPresent()) {
                UnderApproximationImages.write(dir, report, image.get());
            }
            return report;
        }
    }

    /** Marks the property samples {@code pattern} covers; returns how many were not covered before. */
    private static int cover(DecisionPattern pattern, List<Integer> withProperty, List<List<double[]>> pre,
            boolean[] covered) {
        int gained = 0;
        for (int i : withProperty) {
            if (!covered[i] && pattern.matches(pre.get(i))) {
                covered[i] = true;
                gained++;
            }
        }
        return gained;
    }

    private static int count(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        return n;
    }
}
