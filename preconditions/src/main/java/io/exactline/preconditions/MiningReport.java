package io.exactline.preconditions;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.exactline.core.io.AtomicFiles;

/**
 * The result of a mining run: every proven precondition with its support, and the coverage of the sampled inputs
 * with the property.
 *
 * @param network where the network came from
 * @param digest the network's content digest
 * @param settings the run's settings
 * @param propertySamples how many drawn inputs have the property (in floating point)
 * @param covered how many of those satisfy some proven precondition
 * @param relaxed how many samples were relaxed (this run and earlier ones)
 * @param notProven how many relaxed samples' signatures were not proved
 * @param complete whether every property sample was covered or relaxed (false when the run limit stopped it)
 * @param entries the preconditions, in the order found
 * @param wallTime this run's time
 * @param layerPreconditions layer precondition candidates with their validation ({@link LayerPreconditionMiner}),
 *     empty when none were mined
 */
public record MiningReport(String network, String digest, MiningSettings settings, int propertySamples, int covered,
        int relaxed, int notProven, boolean complete, List<Entry> entries, Duration wallTime,
        List<LayerPrecondition> layerPreconditions) {
    /** UA boxes of at most this many inputs are listed in the Markdown table; larger ones are summarised. */
    private static final int LISTED_INPUTS = 10;

    public MiningReport {
        entries = List.copyOf(entries);
        layerPreconditions = List.copyOf(layerPreconditions);
    }

    /** A report of input preconditions only. */
    public MiningReport(String network, String digest, MiningSettings settings, int propertySamples, int covered,
            int relaxed, int notProven, boolean complete, List<Entry> entries, Duration wallTime) {
        this(network, digest, settings, propertySamples, covered, relaxed, notProven, complete, entries, wallTime,
                List.of());
    }

    /** This report with {@code layers} as its layer preconditions. */
    public MiningReport withLayerPreconditions(List<LayerPrecondition> layers) {
        return new MiningReport(network, digest, settings, propertySamples, covered, relaxed, notProven, complete,
                entries, wallTime, layers);
    }

    /**
     * One precondition with its support.
     *
     * @param precondition the precondition
     * @param support the fraction of all drawn inputs that satisfy it
     * @param propertySupport the fraction of the drawn inputs with the property that satisfy it
     */
    public record Entry(MinedPrecondition precondition, double support, double propertySupport) {
    }

    /** The share of property samples covered by proven preconditions (0 when there are none). */
    public double coverage() {
        return propertySamples == 0 ? 0.0 : (double) covered / propertySamples;
    }

    /** Writes {@code report.md} and {@code report.json} into {@code dir}. */
    public void write(Path dir) throws IOException {
        AtomicFiles.writeString(dir.resolve("report.md"), markdown());
        AtomicFiles.writeString(dir.resolve("report.json"), json());
    }

    /** The report as Markdown. */
    public String markdown() {
        StringBuilder s = new StringBuilder();
        s.append("# Input preconditions of ").append(network).append(" for ")
                .append(settings.property().description()).append("\n\n");
        s.append("- network digest: `").append(digest).append("`\n");
        s.append("- domain: ").append(settings.domain().dimension() > LISTED_INPUTS ? widths(settings.domain())
                + " (ends in report.json)" : settings.domain()).append('\n');
        s.append("- samples: ").append(settings.samples()).append(" (seed ").append(settings.seed()).append("), ")
                .append(propertySamples).append(" with the property\n");
        s.append(String.format(Locale.ROOT, "- coverage: %d of %d property samples (%.2f%%) satisfy a proven "
                + "precondition%n", covered, propertySamples, 100 * coverage()));
        s.append("- relaxed samples: ").append(relaxed).append(", signature not proved: ").append(notProven)
                .append(complete ? "" : " (run limit reached: resume with the same command)").append('\n');
        s.append("- this run's time: ").append(seconds(wallTime)).append(" s\n\n");
        s.append("All preconditions are input preconditions (decision patterns), each proved over the whole "
                + "domain by branch and bound over input boxes with sound outward-rounded bounds (the proof column). "
                + "Support is measured on the samples in floating "
                + "point.\n\n");
        s.append("| # | sample | constrained | support | property support | proof | margin | proof time (s) | "
                + "attempts | UA box |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            MinedPrecondition p = e.precondition();
            s.append(String.format(Locale.ROOT, "| %d | %d | %d | %.4f | %.4f | %s | %.3g | %s | %d | %s |%n", i,
                    p.sample(), p.pattern().constrainedCount(), e.support(), e.propertySupport(), p.method(),
                    p.margin(), seconds(p.proofTime()), p.attempts(),
                    p.underApproximation().map(MiningReport::box).orElse("none")));
        }
        s.append("\n## Patterns\n\nOne string per ReLU layer: 1 on, 0 off, * free.\n\n");
        for (int i = 0; i < entries.size(); i++) {
            s.append(i).append(". `").append(entries.get(i).precondition().pattern().encode()).append("`\n");
        }
        if (!layerPreconditions.isEmpty()) {
            s.append("\n## Layer preconditions\n\nCandidates from a CART decision tree over one hidden layer's "
                    + "neuron states (root-to-leaf paths predicting the property), each validated by branch and "
                    + "bound over the whole domain; when the proof times out, only tested on held-out samples "
                    + "(empirical: not a guarantee). A refuted candidate shows its counterexample (input, output).\n\n"
                    + "Pattern: the layer's neurons, 1 on, 0 off, * free (the JSON has the whole pattern).\n\n"
                    + "| # | layer | constrained | support | status | pattern of the layer |\n"
                    + "|---|---|---|---|---|---|\n");
            for (int i = 0; i < layerPreconditions.size(); i++) {
                LayerPrecondition c = layerPreconditions.get(i);
                s.append(String.format(Locale.ROOT, "| %d | %d | %d | %.4f | %s | `%s` |%n", i, c.layer(),
                        c.pattern().constrainedCount(), c.support(), status(c.validation()),
                        c.pattern().encode().split("/")[c.layer()]));
            }
        }
        return s.toString();
    }

    /** The report as JSON: a summary object followed by the preconditions. */
    public String json() {
        StringBuilder s = new StringBuilder("{\n  \"summary\": ");
        s.append(new JsonLine().put("network", network).put("digest", digest)
                .put("property", settings.property().description()).put("domainLower", settings.domain().lower())
                .put("domainUpper", settings.domain().upper()).put("samples", settings.samples())
                .put("seed", settings.seed()).put("propertySamples", propertySamples).put("covered", covered)
                .put("coverage", coverage()).put("relaxed", relaxed).put("notProven", notProven)
                .put("complete", complete).put("preconditions", entries.size())
                .put("wallSeconds", wallTime.toNanos() / 1e9).write());
        s.append(",\n  \"preconditions\": [");
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            MinedPrecondition p = e.precondition();
            JsonLine line = new JsonLine().put("kind", "input").put("sample", p.sample())
                    .put("pattern", p.pattern().encode()).put("constrained", p.pattern().constrainedCount())
                    .put("support", e.support()).put("propertySupport", e.propertySupport())
                    .put("proof", p.method().name()).put("margin", p.margin())
                    .put("proofSeconds", p.proofTime().toNanos() / 1e9).put("attempts", p.attempts());
            p.underApproximation().ifPresent(b -> line.put("uaLower", b.lower()).put("uaUpper", b.upper()));
            s.append(i == 0 ? "\n    " : ",\n    ").append(line.write());
        }
        s.append("\n  ],\n  \"layerPreconditions\": [");
        for (int i = 0; i < layerPreconditions.size(); i++) {
            LayerPrecondition c = layerPreconditions.get(i);
            JsonLine line = new JsonLine().put("kind", "layer").put("layer", c.layer())
                    .put("pattern", c.pattern().encode()).put("constrained", c.pattern().constrainedCount())
                    .put("support", c.support()).put("status", c.validation().label());
            if (c.validation() instanceof LayerPrecondition.Proven p) {
                line.put("margin", p.margin()).put("proofSeconds", p.time().toNanos() / 1e9);
            } else if (c.validation() instanceof LayerPrecondition.Refuted r) {
                line.put("counterexampleInput", r.counterexample().input())
                        .put("counterexampleOutput", r.counterexample().output());
            } else if (c.validation() instanceof LayerPrecondition.Empirical e) {
                line.put("heldOut", e.heldOut()).put("violations", e.violations())
                        .put("undecidedBecause", e.reason());
            }
            s.append(i == 0 ? "\n    " : ",\n    ").append(line.write());
        }
        return s.append("\n  ]\n}\n").toString();
    }

    private static String status(LayerPrecondition.Validation v) {
        if (v instanceof LayerPrecondition.Proven p) {
            return String.format(Locale.ROOT, "proven (margin %.3g, %s s)", p.margin(), seconds(p.time()));
        }
        if (v instanceof LayerPrecondition.Refuted r) {
            return "refuted at input " + java.util.Arrays.toString(r.counterexample().input()) + ", output "
                    + java.util.Arrays.toString(r.counterexample().output());
        }
        return v.label();
    }

    private static String box(io.exactline.verifier.property.Box b) {
        if (b.dimension() > LISTED_INPUTS) {
            return widths(b) + ": ends in report.json, pictures in " + UnderApproximationImages.FOLDER
                    + "/ for image inputs";
        }
        StringBuilder s = new StringBuilder();
        for (int j = 0; j < b.dimension(); j++) {
            s.append(j == 0 ? "" : ", ").append(String.format(Locale.ROOT, "[%.4g, %.4g]", b.lower(j), b.upper(j)));
        }
        return s.toString();
    }

    /** A box too large to list: its size and the range of its widths. */
    private static String widths(io.exactline.verifier.property.Box b) {
        double least = Double.POSITIVE_INFINITY;
        double most = 0;
        double sum = 0;
        for (int j = 0; j < b.dimension(); j++) {
            least = Math.min(least, b.width(j));
            most = Math.max(most, b.width(j));
            sum += b.width(j);
        }
        return String.format(Locale.ROOT, "%d inputs, widths %.3g to %.3g (mean %.3g)", b.dimension(), least, most,
                sum / b.dimension());
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e9);
    }
}
