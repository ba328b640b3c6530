package io.exactline.verifier.smt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads Z3's JNI libraries ({@code libz3.so}, then {@code libz3java.so}) for JavaSMT, as the library loader given to
 * {@link org.sosy_lab.java_smt.SolverContextFactory}, so that the verifier works from any working directory and
 * from a fat jar, not only with {@code -Djava.library.path}.
 *
 * <p>For the library {@code name} it tries, in order:
 * <ol>
 *   <li>{@code System.loadLibrary(name)}, i.e. {@code java.library.path} (what Surefire and the launcher set);</li>
 *   <li>{@code lib<name>.so} in the folder named by the system property {@code exactline.native.dir};</li>
 *   <li>{@code lib<name>.so} in {@code native/} beside, or one level above, the jar or classes folder this class
 *       was loaded from (so {@code target/classes} finds {@code target/native}, and a jar finds {@code native/}
 *       next to it);</li>
 *   <li>the class path resource {@code /natives/linux-x86-64/lib<name>.so}, copied to a temporary folder that is
 *       deleted when the JVM exits (for a fat jar that bundles the libraries).</li>
 * </ol>
 * If all fail the error names every place that was tried and how to fix it.
 */
final class Z3Natives {
    /** The class path folder a fat jar may carry the libraries in. */
    static final String RESOURCE_FOLDER = "/natives/linux-x86-64/";

    private static Path extracted;

    private Z3Natives() {
    }

    /** Loads the library {@code name} ({@code "z3"} or {@code "z3java"}); JavaSMT calls this once per name. */
    static synchronized void load(String name) {
        try {
            System.loadLibrary(name);
            return;
        } catch (UnsatisfiedLinkError notOnLibraryPath) {
            String file = System.mapLibraryName(name);
            List<Path> tried = new ArrayList<>();
            for (Path folder : folders()) {
                Path candidate = folder.resolve(file);
                tried.add(candidate);
                if (Files.isRegularFile(candidate)) {
                    System.load(candidate.toAbsolutePath().toString());
                    return;
                }
            }
            Optional<Path> resource = extract(file);
            if (resource.isPresent()) {
                System.load(resource.get().toString());
                return;
            }
            UnsatisfiedLinkError error = new UnsatisfiedLinkError("cannot load Z3 library " + file + ": not on "
                    + "java.library.path (" + System.getProperty("java.library.path") + "), not in " + tried
                    + ", not on the class path under " + RESOURCE_FOLDER + ". Put libz3.so and libz3java.so (from "
                    + "org.sosy-lab:javasmt-solver-z3, classifiers libz3-x64 and libz3java-x64) in a folder and run "
                    + "java with -Djava.library.path=FOLDER or -Dexactline.native.dir=FOLDER");
            error.addSuppressed(notOnLibraryPath);
            throw error;
        }
    }

    /** The folders searched after {@code java.library.path}, in order. */
    static List<Path> folders() {
        List<Path> folders = new ArrayList<>();
        String configured = System.getProperty("exactline.native.dir");
        if (configured != null && !configured.isBlank()) {
            folders.add(Path.of(configured));
        }
        codeLocation().ifPresent(location -> {
            Path base = Files.isDirectory(location) ? location : location.getParent();
            if (base != null) {
                folders.add(base.resolve("native"));
                if (base.getParent() != null) {
                    folders.add(base.getParent().resolve("native"));
                }
            }
        });
        return folders;
    }

    private static Optional<Path> codeLocation() {
        try {
            var source = Z3Natives.class.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> extract(String file) {
        try (InputStream in = Z3Natives.class.getResourceAsStream(RESOURCE_FOLDER + file)) {
            if (in == null) {
                return Optional.empty();
            }
            if (extracted == null) {
                extracted = Files.createTempDirectory("exactline-z3-");
                extracted.toFile().deleteOnExit();
            }
            Path target = extracted.resolve(file);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            target.toFile().deleteOnExit();
            return Optional.of(target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy Z3 library " + file + " out of the class path", e);
        }
    }
}
