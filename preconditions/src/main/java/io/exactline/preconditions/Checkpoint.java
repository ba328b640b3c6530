package io.exactline.preconditions;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.exactline.core.BadInputException;
import io.exactline.core.io.AtomicFiles;
import io.exactline.verifier.pattern.Implication;
import io.exactline.verifier.pattern.PatternNetwork;
import io.exactline.verifier.property.Box;

/**
 * The JSON-lines file {@code preconditions.jsonl} of a mining run: a header line naming the run (network digest,
 * property, domain, samples, seed), then one line per relaxed sample, written and flushed as soon as the sample is
 * done: {@code "kind": "precondition"} with the proven pattern, or {@code "kind": "not-proven"}. A restarted run
 * reads the file, checks the header matches, and skips the samples already done without re-proving them. A
 * truncated last line (the run was killed while writing it) is ignored.
 */
final class Checkpoint implements AutoCloseable {
    static final String FILE = "preconditions.jsonl";

    private final BufferedWriter writer;
    private final List<MinedPrecondition> found;
    private final List<Integer> done;

    private Checkpoint(BufferedWriter writer, List<MinedPrecondition> found, List<Integer> done) {
        this.writer = writer;
        this.found = found;
        this.done = done;
    }

    /**
     * Opens the checkpoint in {@code dir}, reading what an earlier run with the same header recorded.
     *
     * @throws BadInputException if the directory holds a checkpoint of a different run, or a damaged one
     */
    static Checkpoint open(Path dir, PatternNetwork network, String digest, MiningSettings settings)
            throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        JsonLine header = header(digest, settings);
        List<MinedPrecondition> found = new ArrayList<>();
        List<Integer> done = new ArrayList<>();
        if (Files.exists(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (!lines.isEmpty() && !lines.get(0).equals(header.write())) {
                throw new BadInputException(file + " line 1 records another run (" + lines.get(0) + "); this run is "
                        + header.write() + ". Use another --out directory or delete " + file);
            }
            for (int i = 1; i < lines.size(); i++) {
                String where = file + " line " + (i + 1);
                if (i == lines.size() - 1 && !lines.get(i).endsWith("}")) {
                    break;
                }
                JsonLine line = JsonLine.parse(lines.get(i), where);
                int sample = (int) line.number("sample");
                done.add(sample);
                if (line.string("kind").equals("precondition")) {
                    found.add(read(line, network, where));
                }
            }
            if (lines.size() > 1 && !lines.get(lines.size() - 1).endsWith("}")) {
                AtomicFiles.writeString(file, String.join("\n", lines.subList(0, lines.size() - 1)) + "\n");
            }
        }
        BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        if (Files.size(file) == 0) {
            writer.write(header.write());
            writer.newLine();
            writer.flush();
        }
        return new Checkpoint(writer, found, done);
    }

    private static JsonLine header(String digest, MiningSettings settings) {
        return new JsonLine().put("kind", "run").put("network", digest)
                .put("property", settings.property().description())
                .put("domainLower", settings.domain().lower()).put("domainUpper", settings.domain().upper())
                .put("samples", settings.samples()).put("seed", settings.seed());
    }

    private static MinedPrecondition read(JsonLine line, PatternNetwork network, String where) {
        Implication.Method method;
        try {
            method = Implication.Method.valueOf(line.string("method"));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(where + ": unknown proof method '" + line.string("method") + "'");
        }
        Optional<Box> box = line.has("uaLower")
                ? Optional.of(new Box(line.numbers("uaLower"), line.numbers("uaUpper"))) : Optional.empty();
        return new MinedPrecondition((int) line.number("sample"), network.parse(line.string("pattern")), method,
                line.number("margin"), Duration.ofNanos((long) line.number("proofNanos")),
                (int) line.number("attempts"), box);
    }

    /** The preconditions earlier runs recorded. */
    List<MinedPrecondition> found() {
        return List.copyOf(found);
    }

    /** The samples earlier runs relaxed. */
    List<Integer> done() {
        return List.copyOf(done);
    }

    void recordFound(MinedPrecondition p) throws IOException {
        JsonLine line = new JsonLine().put("kind", "precondition").put("sample", p.sample())
                .put("pattern", p.pattern().encode()).put("constrained", p.pattern().constrainedCount())
                .put("method", p.method().name()).put("margin", p.margin())
                .put("proofNanos", p.proofTime().toNanos()).put("attempts", p.attempts());
        p.underApproximation().ifPresent(b -> line.put("uaLower", b.lower()).put("uaUpper", b.upper()));
        append(line);
    }

    void recordNotProven(int sample, String answer, Duration time) throws IOException {
        append(new JsonLine().put("kind", "not-proven").put("sample", sample).put("answer", answer)
                .put("proofNanos", time.toNanos()));
    }

    private void append(JsonLine line) throws IOException {
        writer.write(line.write());
        writer.newLine();
        writer.flush();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    @Override
    public String toString() {
        return "Checkpoint[" + found.size() + " preconditions, " + done.size() + " samples done]";
    }
}
