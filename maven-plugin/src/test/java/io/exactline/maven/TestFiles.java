package io.exactline.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import io.exactline.acasxu.AcasNetworks;

/** Small networks and properties written for the tests, and the bundled ACAS Xu files. */
final class TestFiles {
    /**
     * One input {@code x} clipped to [-10, 10], hidden {@code relu(x)}, {@code relu(-x)}, outputs
     * {@code y0 = |x|} and {@code y1 = 1 + w (relu(x))} with {@code w} given (0 for the constant 1).
     */
    static final String ABS_NET = String.join("\n",
            "// y0 = |x|, y1 = 1 + w relu(x)",
            "2,1,2,2,",
            "1,2,2,",
            "0,",
            "-10.0,",
            "10.0,",
            "0.0,0.0,",
            "1.0,1.0,",
            "1.0,",
            "-1.0,",
            "0.0,",
            "0.0,",
            "1.0,1.0,",
            "%s,0.0,",
            "0.0,",
            "1.0,", "");

    private TestFiles() {
    }

    /** The network {@code y0 = |x|, y1 = 1 + w relu(x)} as a .nnet file in {@code dir}. */
    static Path absNetwork(Path dir, String name, double w) {
        return write(dir.resolve(name), String.format(java.util.Locale.ROOT, ABS_NET, Double.toString(w)));
    }

    /** A property over one input in [low, high]: unsafe when {@code Y_0 >= bound}. */
    static Path absProperty(Path dir, String name, double low, double high, double bound) {
        return write(dir.resolve(name), String.join("\n",
                "(declare-const X_0 Real)",
                "(declare-const Y_0 Real)",
                "(declare-const Y_1 Real)",
                "(assert (>= X_0 " + low + "))",
                "(assert (<= X_0 " + high + "))",
                "(assert (>= Y_0 " + bound + "))", ""));
    }

    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A bundled ACAS Xu file, e.g. {@code onnx/ACASXU_run2a_3_3_batch_2000.onnx} or {@code vnnlib/prop_4.vnnlib},
     * copied from the classpath (a folder or the acasxu jar) into {@code dir}.
     */
    static Path acasxu(Path dir, String resource) {
        Path file = dir.resolve("acasxu").resolve(resource);
        try (InputStream in = AcasNetworks.class.getResourceAsStream("/io/exactline/acasxu/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("no bundled ACAS Xu resource " + resource);
            }
            Files.createDirectories(file.getParent());
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path acasNetwork(Path dir, String id) {
        return acasxu(dir, "onnx/ACASXU_run2a_" + id + "_batch_2000.onnx");
    }
}
