package io.exactline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import io.exactline.core.BadInputException;
import io.exactline.core.io.AtomicFiles;
import io.exactline.core.io.NetworkLoader;
import io.exactline.core.network.Network;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.Engine;
import io.exactline.verifier.Engines;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.verdict.Verdict;
import io.exactline.verifier.vnnlib.VnnlibParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code exactline vnncomp INSTANCES_CSV [--root DIR]... [--out results.csv] [--timeout-scale F] [--engine NAME]}:
 * runs every instance of a VNN-COMP instance list ({@code onnx,vnnlib,timeout_seconds} per line, no header) and
 * writes {@code onnx,vnnlib,result,seconds} per instance.
 */
@Command(name = "vnncomp", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Runs every instance of a VNN-COMP instance list (lines onnx,vnnlib,timeout_seconds; no header).",
            "Writes the CSV onnx,vnnlib,result,seconds (result: sat, unsat, timeout, unknown or error) as it goes,"
                + " atomically after each instance, and"
                + " prints a summary on stdout. Progress goes to stderr: a bar on a terminal, else a line every"
                + " 10 seconds."})
final class VnncompCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INSTANCES_CSV", description = "the instance list")
    Path instances;

    @Option(names = "--root", paramLabel = "DIR",
            description = "folder the instance paths are relative to; repeat to search several in order (default:"
                    + " the folder of INSTANCES_CSV)")
    List<Path> roots = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "results.csv",
            description = "results CSV (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--timeout-scale", paramLabel = "F", defaultValue = "1.0",
            description = "multiply every instance's timeout by F (default: ${DEFAULT-VALUE})")
    double timeoutScale;

    @Option(names = "--engine", paramLabel = "NAME", defaultValue = "auto",
            description = "an installed engine ('exactline engines' lists them; default: ${DEFAULT-VALUE})")
    String engine;

    /** One line of the instance list. */
    record Instance(int line, String onnx, String vnnlib, double timeoutSeconds) {
    }

    @Override
    public Integer call() {
        if (!(timeoutScale > 0) || Double.isInfinite(timeoutScale)) {
            throw new BadInputException("--timeout-scale must be a positive number, got " + timeoutScale);
        }
        Engine chosen = Engines.byName(engine);
        List<Instance> list = read(instances);
        List<Path> searchPath = roots.isEmpty()
                ? List.of(Optional.ofNullable(instances.toAbsolutePath().getParent()).orElse(Path.of(".")))
                : roots;
        PrintWriter err = spec.commandLine().getErr();
        ProgressBar progress = new ProgressBar(err, System.console() != null, list.size());
        Map<String, Integer> tally = new TreeMap<>();
        double[] seconds = new double[list.size()];
        Path cachedPath = null;
        Network cached = null;
        StringBuilder csv = new StringBuilder();
        writeCsv(csv);
        for (int i = 0; i < list.size(); i++) {
            Instance instance = list.get(i);
            long start = System.nanoTime();
            String status;
            try {
                Path onnx = resolve(searchPath, instance.onnx(), instance);
                Path vnnlib = resolve(searchPath, instance.vnnlib(), instance);
                if (!onnx.equals(cachedPath)) {
                    cached = NetworkLoader.load(onnx);
                    cachedPath = onnx;
                }
                Property property = VnnlibParser.parse(vnnlib);
                double budget = instance.timeoutSeconds() * timeoutScale;
                Verdict verdict = chosen.verify(cached, property,
                        Deadline.after(Duration.ofNanos((long) Math.min(budget * 1e9, Long.MAX_VALUE / 2.0))));
                status = verdict.status();
            } catch (BadInputException e) {
                status = "error";
                progress.message(instances + " line " + instance.line() + ": " + Failures.oneLine(e.getMessage()));
            } catch (OutOfMemoryError e) {
                // the search's data is unreachable once verify has thrown, so the next instances get the heap back
                status = "unknown";
                progress.message(instances + " line " + instance.line() + ": out of memory (" + e.getMessage()
                        + "); answered unknown. Give the JVM more heap, e.g. EXACTLINE_JAVA_OPTS=-Xmx16g");
            }
            seconds[i] = (System.nanoTime() - start) / 1e9;
            tally.merge(status, 1, Integer::sum);
            csv.append(String.join(",", instance.onnx(), instance.vnnlib(), status,
                    String.format(Locale.ROOT, "%.3f", seconds[i]))).append('\n');
            writeCsv(csv);
            progress.update(i + 1, tally);
        }
        progress.finish(tally);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(summary(tally, seconds));
        stdout.flush();
        return 0;
    }

    /**
     * Replaces the results CSV by the rows so far, atomically: an interrupted run leaves the rows of the finished
     * instances, never a half-written row.
     */
    private void writeCsv(CharSequence rows) {
        try {
            AtomicFiles.writeString(out, rows);
        } catch (IOException e) {
            throw new BadInputException("--out: " + e.getMessage(), e);
        }
    }

    /** Counts per result, total and median seconds. */
    static String summary(Map<String, Integer> tally, double[] seconds) {
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        double total = Arrays.stream(sorted).sum();
        double median = sorted.length == 0 ? 0.0
                : sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                        : 0.5 * (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]);
        return String.format(Locale.ROOT, "instances %d, %s, total %.3f s, median %.3f s%n", seconds.length,
                tally, total, median);
    }

    /** The instance list; blank lines are skipped. */
    static List<Instance> read(Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException("cannot read the instance list " + csv + ": " + e.getMessage(), e);
        }
        List<Instance> result = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (fields.length != 3) {
                throw new BadInputException(csv + " line " + (n + 1) + ": expected onnx,vnnlib,timeout_seconds but"
                        + " found " + fields.length + " fields: " + line);
            }
            double timeout;
            try {
                timeout = Double.parseDouble(fields[2].strip());
            } catch (NumberFormatException e) {
                throw new BadInputException(csv + " line " + (n + 1) + ": timeout '" + fields[2].strip()
                        + "' is not a number of seconds");
            }
            if (!(timeout > 0) || Double.isInfinite(timeout)) {
                throw new BadInputException(csv + " line " + (n + 1) + ": timeout " + timeout
                        + " must be a positive number of seconds");
            }
            result.add(new Instance(n + 1, fields[0].strip(), fields[1].strip(), timeout));
        }
        if (result.isEmpty()) {
            throw new BadInputException(csv + " lists no instances; expected lines onnx,vnnlib,timeout_seconds");
        }
        return result;
    }

    /** The first existing file {@code root/relative} along the search path (a leading {@code ./} is dropped). */
    static Path resolve(List<Path> searchPath, String relative, Instance instance) {
        Path given = Path.of(relative);
        if (given.isAbsolute()) {
            return given;
        }
        for (Path root : searchPath) {
            Path candidate = root.resolve(given).normalize();
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new BadInputException("instance line " + instance.line() + ": " + relative + " is not in "
                + searchPath + "; give the folder with --root");
    }
}
