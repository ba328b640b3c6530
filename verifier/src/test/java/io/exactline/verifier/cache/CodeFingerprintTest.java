package io.exactline.verifier.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.exactline.core.network.Network;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.TestNetworks;
import io.exactline.verifier.bab.BabEngine;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.property.LinearInequality;
import io.exactline.verifier.property.OutputCondition;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.property.Variable;

class CodeFingerprintTest {
    @TempDir
    Path directory;

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static void jar(Path file, String... namesAndContents) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    @Test
    void aChangedClassInADirectoryChangesTheFingerprintAndOtherFilesDoNot() throws IOException {
        Path classes = directory.resolve("classes");
        write(classes.resolve("io/exactline/verifier/A.class"), "code one");
        write(classes.resolve("org/other/B.class"), "library");
        String before = CodeFingerprint.of(classes);

        write(classes.resolve("org/other/B.class"), "library, changed");
        assertThat(CodeFingerprint.of(classes)).as("a file outside io/exactline").isEqualTo(before);

        write(classes.resolve("io/exactline/verifier/A.class"), "code two");
        assertThat(CodeFingerprint.of(classes)).as("a changed engine class").isNotEqualTo(before);
    }

    @Test
    void aJarIsFingerprintedByItsEntriesWhateverTheirOrder() throws IOException {
        Path first = directory.resolve("first.jar");
        Path reordered = directory.resolve("reordered.jar");
        Path changed = directory.resolve("changed.jar");
        jar(first, "io/exactline/core/A.class", "a", "io/exactline/core/B.class", "b", "org/x/C.class", "c");
        jar(reordered, "org/x/C.class", "other library", "io/exactline/core/B.class", "b",
                "io/exactline/core/A.class", "a");
        jar(changed, "io/exactline/core/A.class", "a", "io/exactline/core/B.class", "b2");

        assertThat(CodeFingerprint.of(reordered)).isEqualTo(CodeFingerprint.of(first));
        assertThat(CodeFingerprint.of(changed)).isNotEqualTo(CodeFingerprint.of(first));
    }

    @Test
    void theVerifiersFingerprintIsStableWithinOneRun() {
        assertThat(CodeFingerprint.ofVerifier()).startsWith("sha256:").isEqualTo(CodeFingerprint.ofVerifier());
    }

    @Test
    void anUnsatCachedByOtherCodeIsNotReplayed() {
        ProofCache cache = ProofCache.in(directory.resolve("cache"));
        Network net = TestNetworks.sumAndDifference();
        Property holds = Property.of("Y_0 >= 3", new Box(new double[] {0, 0}, new double[] {1, 1}), 2,
                OutputCondition.of(LinearInequality.atLeast(Variable.output(0), 3)));
        Deadline deadline = Deadline.after(Duration.ofSeconds(10));
        CachingEngine older = new CachingEngine(new BabEngine(), "default", "sha256:older", cache);
        CachingEngine newer = new CachingEngine(new BabEngine(), "default", "sha256:newer", cache);

        older.verify(net, holds, deadline);

        assertThat(cache.find(older.keyOf(net, holds, deadline))).isPresent();
        assertThat(cache.find(newer.keyOf(net, holds, deadline))).isEmpty();
    }
}
