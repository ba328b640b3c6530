package io.exactline.core.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.exactline.core.BadInputException;
import io.exactline.core.network.Network;

/**
 * Loads a network from a file, choosing the reader by the file's extension (any case): {@code .nnet}
 * ({@link NnetLoader}: the network on physical inputs and outputs, clip and normalisation included) or
 * {@code .onnx} ({@link OnnxLoader}).
 */
public final class NetworkLoader {
    private static final List<String> EXTENSIONS = List.of("nnet", "onnx");

    private NetworkLoader() {
    }

    /**
     * The network in {@code file}.
     *
     * @throws BadInputException if the file is missing, unreadable, of an unknown kind or malformed; the message
     *         names the file
     */
    public static Network load(Path file) {
        String name = file.toString();
        if (!Files.exists(file)) {
            throw new BadInputException(name + ": no such file");
        }
        if (Files.isDirectory(file)) {
            throw new BadInputException(name + ": is a directory; give a network file (."
                    + String.join(", .", EXTENSIONS) + ")");
        }
        if (!Files.isReadable(file)) {
            throw new BadInputException(name + ": permission denied; cannot read the network file");
        }
        Path fileName = file.getFileName();
        String base = fileName == null ? name : fileName.toString();
        int dot = base.lastIndexOf('.');
        String extension = dot < 0 ? "" : base.substring(dot + 1).toLowerCase(Locale.ROOT);
        return switch (extension) {
            case "nnet" -> NnetLoader.load(file);
            case "onnx" -> OnnxLoader.load(file);
            default -> throw new BadInputException(name + ": unknown network format "
                    + (extension.isEmpty() ? "(no extension)" : "'." + extension + "'") + "; exactline reads ."
                    + String.join(" and .", EXTENSIONS) + " files");
        };
    }
}
