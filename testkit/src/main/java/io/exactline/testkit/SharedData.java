package io.exactline.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * Locates the test and benchmark data that lives beside the project root in {@code ../shared}.
 *
 * <p>The location comes from the system property {@code exactline.shared} (set by the parent pom to
 * {@code <project root>/../shared}). When the data is absent a test is skipped with a message saying where it
 * looked, unless the system property {@code exactline.requireShared} is {@code true} or the environment
 * variable {@code EXACTLINE_REQUIRE_SHARED} is {@code 1}/{@code true} (as {@code .ci/run} sets): then absence is
 * a test failure, so that CI can never pass by skipping.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The root of the shared data folder, whether or not it exists. */
    public static Path root() {
        String configured = System.getProperty("exactline.shared");
        Path root = configured == null || configured.isBlank() ? Path.of("..", "shared") : Path.of(configured);
        return root.toAbsolutePath().normalize();
    }

    /** Whether absence of shared data must fail the test instead of skipping it. */
    public static boolean required() {
        String env = System.getenv("EXACTLINE_REQUIRE_SHARED");
        return Boolean.getBoolean("exactline.requireShared")
                || "1".equals(env) || "true".equalsIgnoreCase(env);
    }

    /**
     * Resolves a file or folder below the shared root; skips the calling test when it is absent, or fails it
     * when shared data is required.
     *
     * @param relative path below {@code ../shared}, e.g. {@code "acasxu/onnx/ACASXU_run2a_1_1_batch_2000.onnx"}
     * @return the existing path
     */
    public static Path require(String relative) {
        Path path = root().resolve(relative);
        if (!Files.exists(path)) {
            String message = "shared test data not found: " + path
                    + " (put the project's shared/ folder beside the project root, or set -Dexactline.shared=DIR)";
            if (required()) {
                throw new AssertionError(message + "; it is required here (EXACTLINE_REQUIRE_SHARED / CI)");
            }
            Assumptions.abort(message);
        }
        return path;
    }
}
