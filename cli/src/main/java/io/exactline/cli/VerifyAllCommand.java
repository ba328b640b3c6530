package io.exactline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import io.exactline.acasxu.AcasCounterexample;
import io.exactline.acasxu.AcasInstance;
import io.exactline.acasxu.AcasOutcome;
import io.exactline.acasxu.AcasProperty;
import io.exactline.acasxu.NetworkId;
import io.exactline.core.BadInputException;
import io.exactline.core.io.AtomicFiles;
import io.exactline.core.io.JsonText;
import io.exactline.verifier.Engine;
import io.exactline.verifier.Engines;
import io.exactline.verifier.verdict.Assurance;
import io.exactline.verifier.verdict.Unknown;
import io.exactline.verifier.verdict.Unsat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code exactline acasxu verify-all [--properties LIST] [--networks LIST] [--timeout S] [--engine NAME]
 * [--vnncomp2021] [--out FILE.csv|FILE.json]}: verifies the typed properties φ1–φ10 on their bundled networks.
 */
@Command(name = "verify-all", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Verifies the ACAS Xu properties phi1-phi10 on the bundled networks they are stated for.",
            "The properties are typed, their physical bounds normalised outward; the networks are the Reluplex"
                + " paper's: phi1 on all 45, phi2 on N_x,y with"
                + " x >= 2, phi3 and phi4 on all but N_1,7..N_1,9, phi5-phi10 on one network each (171 instances;"
                + " --vnncomp2021: VNN-COMP 2021's 186, phi1-phi4 on all 45).",
            "Prints one row per instance (property, network, verdict, seconds; after sat the advisory the"
                + " counterexample produces and the encounter in physical units), then the counts per property."
                + " unsat means the property holds on its whole region. Progress goes to stderr.",
            "Exit code 0 when the run finished, whatever the verdicts; 2 for bad options."})
final class VerifyAllCommand implements Callable<Integer> {
    private static final String CSV_HEADER = "property,network,verdict,seconds,advisory,rho,theta,psi,vown,vint,"
            + "score_coc,score_wl,score_wr,score_sl,score_sr,reason";

    @Spec
    CommandSpec spec;

    @Option(names = "--properties", paramLabel = "LIST", defaultValue = "all",
            description = "property numbers and ranges, e.g. 1,2,5-7, or all (default: ${DEFAULT-VALUE})")
    String properties;

    @Option(names = "--networks", paramLabel = "LIST", defaultValue = "all",
            description = "network ids x_y separated by commas, e.g. 1_1,2_5, or all (default: ${DEFAULT-VALUE});"
                    + " a property runs only on the listed networks it applies to")
    String networks;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "116",
            description = "time limit per instance in seconds (default: ${DEFAULT-VALUE}, as in VNN-COMP 2021)")
    double timeout;

    @Option(names = "--engine", paramLabel = "NAME", defaultValue = "auto",
            description = "verification engine: auto, bab, pgd or sampling (default: ${DEFAULT-VALUE})")
    String engine;

    @Option(names = "--vnncomp2021",
            description = "run VNN-COMP 2021's pairs (phi1-phi4 on all 45 networks) instead of the paper's")
    boolean vnncomp2021;

    @Option(names = "--out", paramLabel = "FILE",
            description = "also write the results to FILE, as CSV (.csv) or JSON (.json), atomically")
    Optional<Path> out;

    @Override
    public Integer call() {
        if (!(timeout > 0) || Double.isInfinite(timeout)) {
            throw new BadInputException("--timeout must be a positive number of seconds, got " + timeout);
        }
        boolean json = out.map(VerifyAllCommand::isJson).orElse(false);
        out.ifPresent(VerifyAllCommand::requireFolder);
        Engine chosen = Engines.byName(engine);
        List<AcasInstance> plan = AcasInstance.plan(AcasProperty.parseList(properties), networkList(networks),
                vnncomp2021);
        if (plan.isEmpty()) {
            throw new BadInputException("no property of --properties " + properties + " applies to a network of"
                    + " --networks " + networks + (vnncomp2021 ? "" : "; add --vnncomp2021 for VNN-COMP's pairs"));
        }
        Duration budget = Duration.ofNanos((long) Math.min(timeout * 1e9, Long.MAX_VALUE / 2.0));
        PrintWriter stdout = spec.commandLine().getOut();
        ProgressBar progress = new ProgressBar(spec.commandLine().getErr(), System.console() != null, plan.size());
        Map<String, Integer> tally = new TreeMap<>();
        List<AcasOutcome> outcomes = new ArrayList<>();
        stdout.println(String.format(Locale.ROOT, "%-8s %-7s %-8s %9s  %-8s %s", "property", "network", "verdict",
                "seconds", "advisory", "counterexample"));
        for (AcasInstance instance : plan) {
            AcasOutcome outcome = instance.verify(chosen, budget);
            outcomes.add(outcome);
            tally.merge(outcome.verdict().status(), 1, Integer::sum);
            stdout.println(row(outcome));
            stdout.flush();
            progress.update(outcomes.size(), tally);
        }
        progress.finish(tally);
        stdout.print(summary(outcomes));
        stdout.println(String.format(Locale.ROOT, "engine %s, timeout %s s per instance, pairs of %s", chosen.name(),
                NumberText.of(timeout).replaceAll("\\.?0+$", ""), vnncomp2021 ? "VNN-COMP 2021" : "the Reluplex paper"));
        out.ifPresent(file -> {
            try {
                AtomicFiles.writeString(file, json ? json(outcomes, chosen) : csv(outcomes));
            } catch (IOException e) {
                throw new BadInputException("--out: " + e.getMessage(), e);
            }
            stdout.println("results: " + file);
        });
        stdout.flush();
        return 0;
    }

    private static boolean isJson(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return true;
        }
        if (name.endsWith(".csv")) {
            return false;
        }
        throw new BadInputException("--out " + file + ": name the file .csv or .json to choose the format");
    }

    /** Fails before the run, not after it, when the result file's folder is missing. */
    private static void requireFolder(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new BadInputException("--out " + file + ": folder " + folder + " does not exist; create it first");
        }
    }

    /** {@code all} or ids separated by commas. */
    static Set<NetworkId> networkList(String text) {
        if (text.trim().equalsIgnoreCase("all")) {
            return new LinkedHashSet<>(NetworkId.all());
        }
        Set<NetworkId> ids = new LinkedHashSet<>();
        for (String part : text.split(",", -1)) {
            try {
                ids.add(NetworkId.parse(part));
            } catch (BadInputException e) {
                throw new BadInputException("--networks " + text + ": " + e.getMessage(), e);
            }
        }
        return ids;
    }

    private static String row(AcasOutcome outcome) {
        Optional<AcasCounterexample> cex = outcome.counterexample();
        String detail = cex.map(c -> EncounterArgument.format(c.state())).orElse(
                outcome.verdict() instanceof Unknown u ? Failures.oneLine(u.reason())
                        : outcome.verdict() instanceof Unsat u && u.assurance() != Assurance.BUILT_IN ? u.label() : "");
        return String.format(Locale.ROOT, "%-8s %-7s %-8s %9.3f  %-8s %s", outcome.instance().property().key(),
                outcome.instance().network(), outcome.verdict().status(), outcome.seconds(),
                cex.map(c -> c.advisory().name()).orElse(""), detail).stripTrailing();
    }

    /** Counts per property and verdict, and the total time. */
    static String summary(List<AcasOutcome> outcomes) {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        double total = 0;
        for (AcasOutcome o : outcomes) {
            counts.computeIfAbsent(o.instance().property().key(), k -> new TreeMap<>())
                    .merge(o.verdict().status(), 1, Integer::sum);
            total += o.seconds();
        }
        StringBuilder s = new StringBuilder("\n");
        for (Map.Entry<String, Map<String, Integer>> e : counts.entrySet()) {
            AcasProperty p = AcasProperty.phi(Integer.parseInt(e.getKey().substring("prop_".length())));
            s.append(String.format(Locale.ROOT, "%-8s %s  (%s)%n", e.getKey(), text(e.getValue()),
                    p.requirement().description()));
        }
        Map<String, Integer> all = new TreeMap<>();
        counts.values().forEach(m -> m.forEach((k, v) -> all.merge(k, v, Integer::sum)));
        s.append(String.format(Locale.ROOT, "total    %d instances: %s, %.3f s%n", outcomes.size(), text(all), total));
        return s.toString();
    }

    private static String text(Map<String, Integer> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((status, n) -> parts.add(n + " " + status));
        return String.join(", ", parts);
    }

    static String csv(List<AcasOutcome> outcomes) {
        StringBuilder s = new StringBuilder(CSV_HEADER).append('\n');
        for (AcasOutcome o : outcomes) {
            s.append(o.instance().property().key()).append(',').append(o.instance().network()).append(',')
                    .append(o.verdict().status()).append(',').append(String.format(Locale.ROOT, "%.3f", o.seconds()));
            Optional<AcasCounterexample> cex = o.counterexample();
            if (cex.isPresent()) {
                s.append(',').append(cex.get().advisory()).append(',')
                        .append(NumberText.commaSeparated(cex.get().state().toArray())).append(',')
                        .append(NumberText.commaSeparated(cex.get().physicalScores()));
            } else {
                s.append(",".repeat(11));
            }
            s.append(',');
            if (o.verdict() instanceof Unknown u) {
                s.append('"').append(Failures.oneLine(u.reason()).replace("\"", "\"\"")).append('"');
            }
            s.append('\n');
        }
        return s.toString();
    }

    static String json(List<AcasOutcome> outcomes, Engine engine) {
        StringBuilder s = new StringBuilder("{\n  \"engine\": ").append(JsonText.quote(engine.name()))
                .append(",\n  \"results\": [");
        for (int i = 0; i < outcomes.size(); i++) {
            AcasOutcome o = outcomes.get(i);
            AcasProperty p = o.instance().property();
            s.append(i == 0 ? "\n" : ",\n").append("    {\"property\": ").append(JsonText.quote(p.key()))
                    .append(", \"network\": ").append(JsonText.quote(o.instance().network().toString()))
                    .append(", \"requirement\": ").append(JsonText.quote(p.requirement().description()))
                    .append(", \"verdict\": ").append(JsonText.quote(o.verdict().status()))
                    .append(", \"seconds\": ").append(NumberText.json(o.seconds()));
            o.counterexample().ifPresent(c -> s.append(", \"advisory\": ").append(JsonText.quote(
                    c.advisory().name())).append(", \"encounter\": ").append(NumberText.jsonArray(c.state().toArray()))
                    .append(", \"scores\": ").append(NumberText.jsonArray(c.physicalScores())));
            if (o.verdict() instanceof Unknown u) {
                s.append(", \"reason\": ").append(JsonText.quote(u.reason()));
            }
            s.append('}');
        }
        return s.append("\n  ]\n}\n").toString();
    }
}
