package io.exactline.verifier.cache;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.exactline.verifier.verdict.Sat;
import io.exactline.verifier.verdict.Unsat;
import io.exactline.verifier.verdict.Verdict;

/**
 * A directory of conclusive verification answers, one file per {@link ProofKey}, so that re-running an unchanged
 * proof is a file read and a changed network or property is proved again.
 *
 * <p>What is stored: {@link Unsat} verdicts, and {@link Sat} verdicts with the input of their counterexample
 * (which {@link CachedProof#replay} evaluates again before it is believed). Timeouts and unknowns are never
 * stored. A cached unsat carries no certificate: it is believed on the word of the engine named in it, so the
 * directory must be as trusted as the engine (keep it under the build's own {@code target} directory).
 *
 * <p>Each entry is a short UTF-8 text file that repeats its whole key and ends in a SHA-256 check line over the
 * lines before it. An entry that cannot be read, does not parse, fails its check or was written for another key
 * is ignored with a warning (logger {@code io.exactline.verifier.cache.ProofCache}) and reported as a miss,
 * never trusted. Entries are written to a temporary file in the same directory and renamed into place, so a
 * reader never sees half an entry. Safe for concurrent use by several threads and processes.
 */
public final class ProofCache {
    private static final System.Logger LOG = System.getLogger(ProofCache.class.getName());
    private static final String HEADER = "exactline proof cache v1";
    private static final String UNSAT = "unsat";
    private static final String SAT = "sat";

    private final Path directory;

    private ProofCache(Path directory) {
        this.directory = directory;
    }

    /** The cache kept in {@code directory}; the directory is created when the first entry is stored. */
    public static ProofCache in(Path directory) {
        return new ProofCache(directory.toAbsolutePath().normalize());
    }

    /** The directory holding the entries. */
    public Path directory() {
        return directory;
    }

    /** The stored answer for {@code key}, if there is a readable, intact entry written for exactly this key. */
    public Optional<CachedProof> find(ProofKey key) {
        Path file = directory.resolve(key.fileName());
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return ignore(file, "cannot be read: " + e);
        }
        try {
            return Optional.of(parse(key, text));
        } catch (CorruptEntry e) {
            return ignore(file, e.getMessage());
        }
    }

    /**
     * Stores {@code verdict} as the answer for {@code key} when it is conclusive (unsat, or sat), replacing an
     * earlier entry; does nothing for a timeout or unknown. A failure to write is logged as a warning and
     * otherwise ignored: the cache only saves time.
     *
     * @param provedIn how long the proof took, kept for reports
     */
    public void store(ProofKey key, Verdict verdict, Duration provedIn) {
        Optional<String> entry = format(key, verdict, provedIn);
        if (entry.isEmpty()) {
            return;
        }
        Path target = directory.resolve(key.fileName());
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            temporary = Files.createTempFile(directory, key.fileName(), ".tmp");
            Files.writeString(temporary, entry.get(), StandardCharsets.UTF_8);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "proof cache: cannot store " + target + ": " + e);
            deleteQuietly(temporary);
        }
    }

    private static Optional<String> format(ProofKey key, Verdict verdict, Duration provedIn) {
        List<String> lines = new ArrayList<>(List.of(HEADER, "network " + key.network(),
                "property " + key.property(), "settings " + key.settings()));
        if (verdict instanceof Unsat) {
            lines.add("verdict " + UNSAT);
        } else if (verdict instanceof Sat) {
            lines.add("verdict " + SAT);
        } else {
            return Optional.empty();
        }
        lines.add("proved-by " + verdict.provenance().engine());
        lines.add("proved-in " + provedIn);
        if (verdict instanceof Sat sat) {
            StringBuilder input = new StringBuilder("input");
            for (double v : sat.counterexample().input()) {
                input.append(' ').append(Double.toHexString(v));
            }
            lines.add(input.toString());
        }
        String body = String.join("\n", lines) + "\n";
        return Optional.of(body + "check " + PropertyDigest.sha256(body) + "\n");
    }

    private static CachedProof parse(ProofKey key, String text) throws CorruptEntry {
        int checkAt = text.lastIndexOf("check ");
        if (checkAt < 0 || (checkAt > 0 && text.charAt(checkAt - 1) != '\n')) {
            throw new CorruptEntry("has no check line");
        }
        String body = text.substring(0, checkAt);
        if (!text.substring(checkAt).equals("check " + PropertyDigest.sha256(body) + "\n")) {
            throw new CorruptEntry("fails its check (changed or truncated)");
        }
        List<String> lines = body.lines().toList();
        if (lines.size() < 7 || !lines.get(0).equals(HEADER)) {
            throw new CorruptEntry("is not a '" + HEADER + "' entry");
        }
        ProofKey stored = new ProofKey(field(lines, 1, "network"), field(lines, 2, "property"),
                field(lines, 3, "settings"));
        if (!stored.equals(key)) {
            throw new CorruptEntry("was written for another key " + stored);
        }
        String verdict = field(lines, 4, "verdict");
        String provedBy = field(lines, 5, "proved-by");
        Duration provedIn;
        try {
            provedIn = Duration.parse(field(lines, 6, "proved-in"));
        } catch (DateTimeParseException e) {
            throw new CorruptEntry("has an unreadable proof time: " + e.getMessage());
        }
        if (verdict.equals(UNSAT) && lines.size() == 7) {
            return new CachedProof.Safe(key, provedBy, provedIn);
        }
        if (verdict.equals(SAT) && lines.size() == 8) {
            return new CachedProof.Unsafe(key, provedBy, provedIn, inputs(field(lines, 7, "input")));
        }
        throw new CorruptEntry("has verdict '" + verdict + "' with " + lines.size() + " lines");
    }

    private static List<Double> inputs(String text) throws CorruptEntry {
        try {
            return Arrays.stream(text.split(" ")).map(Double::valueOf).toList();
        } catch (NumberFormatException e) {
            throw new CorruptEntry("has an unreadable counterexample input: " + e.getMessage());
        }
    }

    private static String field(List<String> lines, int index, String name) throws CorruptEntry {
        String line = lines.get(index);
        if (!line.startsWith(name + " ")) {
            throw new CorruptEntry("line " + (index + 1) + " should start with '" + name + " '");
        }
        return line.substring(name.length() + 1);
    }

    private static Optional<CachedProof> ignore(Path file, String problem) {
        LOG.log(Level.WARNING, "proof cache: ignoring entry " + file + ", which " + problem);
        return Optional.empty();
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "proof cache: cannot remove temporary file " + file + ": " + e);
        }
    }

    /** An entry that must not be trusted; the message says why. */
    private static final class CorruptEntry extends Exception {
        CorruptEntry(String problem) {
            super(problem);
        }
    }
}
