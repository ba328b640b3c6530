package io.exactline.verifier.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import io.exactline.core.network.Network;
import io.exactline.verifier.Engine;

/**
 * A digest of the code that decides proofs, so that a proof cache never replays an answer of other code: an engine
 * fixed between two builds gets new cache entries even when the version number stayed the same.
 *
 * <p>The digest covers the classes under {@code io/exactline/} in the code sources (jar or class directory) of the
 * core and verifier modules: for a jar, each such entry's name, CRC-32 and size from the jar's directory (no entry is
 * decompressed); for a directory, each such file's relative path and bytes. Entries are taken in name order, so the
 * digest does not depend on how the jar was written.
 */
public final class CodeFingerprint {
    private static final String ROOT = "io/exactline/";
    private static final ConcurrentHashMap<Path, String> BY_LOCATION = new ConcurrentHashMap<>();

    private CodeFingerprint() {
    }

    /** {@code "sha256:<hex>"} of the core's and the verifier's code as loaded in this JVM. */
    public static String ofVerifier() {
        Set<Path> locations = new LinkedHashSet<>();
        location(Network.class).ifPresent(locations::add);
        location(Engine.class).ifPresent(locations::add);
        StringBuilder parts = new StringBuilder();
        for (Path location : locations) {
            parts.append(BY_LOCATION.computeIfAbsent(location, CodeFingerprint::of)).append('\n');
        }
        return PropertyDigest.sha256(parts.toString());
    }

    /**
     * {@code "sha256:<hex>"} of the classes under {@code io/exactline/} in {@code location}, a jar file or a class
     * directory.
     */
    public static String of(Path location) {
        MessageDigest sha = sha256();
        try {
            if (Files.isDirectory(location)) {
                Path root = location.resolve(ROOT);
                if (Files.isDirectory(root)) {
                    List<Path> files;
                    try (Stream<Path> walk = Files.walk(root)) {
                        files = walk.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList();
                    }
                    for (Path file : files) {
                        sha.update(location.relativize(file).toString().replace('\\', '/')
                                .getBytes(StandardCharsets.UTF_8));
                        sha.update((byte) 0);
                        sha.update(Files.readAllBytes(file));
                    }
                }
            } else {
                try (ZipFile jar = new ZipFile(location.toFile())) {
                    List<? extends ZipEntry> entries = jar.stream()
                            .filter(e -> !e.isDirectory() && e.getName().startsWith(ROOT))
                            .sorted(Comparator.comparing(ZipEntry::getName)).toList();
                    for (ZipEntry e : entries) {
                        sha.update((e.getName() + "\0" + e.getCrc() + "\0" + e.getSize() + "\n")
                                .getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the code at " + location + " to fingerprint it for the proof"
                    + " cache", e);
        }
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }

    private static Optional<Path> location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
