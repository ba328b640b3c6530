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
import io.exactline.verifier.pattern.OutputProperty;
import io.exactline.verifier.pattern.PatternNetwork;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.verdict.NetworkDigest;

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

    /**
     * What the run in {@code dir} recorded, read without opening the file for writing: its property's description,
     * its domain and its proven preconditions (a truncated last line is ignored).
     *
     * @throws BadInputException if there is no checkpoint, it was made on another network (by weight digest), or a
     *     line is damaged
     */
    static Recorded read(Path dir, PatternNetwork network) {
        Path file = dir.resolve(FILE);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException("cannot read the mining checkpoint " + file + " (" + e.getMessage()
                    + "); give the --out directory of an 'exactline preconditions mine' run");
        }
        if (lines.isEmpty()) {
            throw new BadInputException(file + " is empty; give the --out directory of a mining run");
        }
        JsonLine header = JsonLine.parse(lines.get(0), file + " line 1");
        String digest = NetworkDigest.of(network.network());
        if (!header.string("network").equals(digest)) {
            throw new BadInputException(file + " line 1: the run was mined on the network with digest "
                    + header.string("network") + " but " + network.network().source() + " has digest " + digest);
        }
        List<MinedPrecondition> found = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (i == lines.size() - 1 && !lines.get(i).endsWith("}")) {
                break;
            }
            String where = file + " line " + (i + 1);
            JsonLine line = JsonLine.parse(lines.get(i), where);
            if (line.string("kind").equals("precondition")) {
                found.add(read(line, network, where));
            }
        }
        return new Recorded(header.string("property"), header.string("atoms"), new Box(header.numbers("domainLower"),
                header.numbers("domainUpper")), found);
    }

    /**
     * A run as {@link #read} finds it.
     *
     * @param property the description of the property mined for
     * @param atoms the property's content ({@link #atoms(OutputProperty)})
     * @param domain the input box the preconditions are proved over
     * @param found the proven preconditions
     */
    record Recorded(String property, String atoms, Box domain, List<MinedPrecondition> found) {
        Recorded {
            found = List.copyOf(found);
        }
    }

    /**
     * The content of {@code property}: its output count and atoms (sorted terms, doubles in their round-trip
     * decimal form), so that two properties with one description but other inequalities never share a run.
     */
    static String atoms(OutputProperty property) {
        return property.outputCount() + " outputs: " + property.atoms();
    }

    private static JsonLine header(String digest, MiningSettings settings) {
        return new JsonLine().put("kind", "run").put("network", digest)
                .put("property", settings.property().description()).put("atoms", atoms(settings.property()))
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
