package io.exactline.verifier.smt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class Z3NativesTest {

    @Test
    void searchFoldersIncludeTheBuildsNativeFolder() {
        List<Path> folders = Z3Natives.folders();

        assertThat(folders).anySatisfy(folder -> {
            assertThat(folder.resolve("libz3.so")).isRegularFile();
            assertThat(folder.resolve("libz3java.so")).isRegularFile();
        });
    }

    @Test
    void z3LoadsInAJvmWithoutLibraryPath() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                Z3NativesProbe.class.getName());
        builder.redirectErrorStream(true);
        builder.environment().remove("LD_LIBRARY_PATH");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean finished = process.waitFor(60, TimeUnit.SECONDS);

        assertThat(finished).as("probe finished; output so far: %s", output).isTrue();
        assertThat(output.strip()).as("probe output").endsWith("Sat");
        assertThat(process.exitValue()).isZero();
    }
}
