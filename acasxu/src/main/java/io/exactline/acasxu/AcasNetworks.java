package io.exactline.acasxu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.exactline.core.BadInputException;
import io.exactline.core.io.NnetFile;
import io.exactline.core.io.NnetLoader;
import io.exactline.core.io.OnnxLoader;
import io.exactline.core.network.Network;

/**
 * The ACAS Xu networks in the convention of the bundled ONNX files: five <em>normalised</em> inputs
 * ({@link Normalization#normalize}) to five normalised scores, the advisory being the minimal score.
 *
 * <p>The 45 bundled networks are read from the classpath once and shared: {@link #bundled} is safe to call from
 * any number of threads, and every call for the same id returns the same (immutable) {@link Network}.
 */
public final class AcasNetworks {
    private static final String RESOURCES = "/io/exactline/acasxu/onnx/";
    private static final ConcurrentMap<NetworkId, Network> BUNDLED = new ConcurrentHashMap<>();

    private AcasNetworks() {
    }

    /** The bundled network {@code id}, loaded on first use and cached. */
    public static Network bundled(NetworkId id) {
        return BUNDLED.computeIfAbsent(id, AcasNetworks::loadBundled);
    }

    /**
     * Loads an ACAS Xu network from a user's file, in the bundled networks' convention. An {@code .nnet} file
     * (Reluplex format) contributes its core from normalised inputs to normalised scores,
     * {@link NnetFile#normalizedNetwork()}: its clip, normalisation and de-normalisation are dropped, as they are
     * the ACAS Xu ones ({@link Normalization}) for the 45 networks. An {@code .onnx} file must itself compute the
     * normalised function, as the VNN-COMP conversions do.
     *
     * @throws BadInputException if the file cannot be read, is not a supported network, or does not map 5 inputs
     *         to 5 scores
     */
    public static Network load(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        Network network;
        if (name.endsWith(".onnx")) {
            network = OnnxLoader.load(file);
        } else if (name.endsWith(".nnet")) {
            network = NnetLoader.read(file).normalizedNetwork();
        } else {
            throw new BadInputException(file + ": unknown network format; give an .onnx or .nnet file");
        }
        return requireAcasShape(network, file.toString());
    }

    /**
     * A network named on a command line: a bundled id such as {@code 1_1} (or its file name,
     * {@code ACASXU_run2a_1_1_batch_2000.onnx}) unless a file of that name exists, else a path to load.
     *
     * @throws BadInputException if {@code spec} is neither an existing network file nor a bundled id
     */
    public static Network resolve(String spec) {
        Path path = Path.of(spec);
        if (Files.isRegularFile(path)) {
            return load(path);
        }
        try {
            return bundled(NetworkId.parse(spec));
        } catch (BadInputException e) {
            throw new BadInputException("network '" + spec + "' is neither a file nor a bundled ACAS Xu network;"
                    + " give x_y with x in 1..5 and y in 1..9 (e.g. 1_1) or the path of an .onnx or .nnet file", e);
        }
    }

    private static Network loadBundled(NetworkId id) {
        String resource = RESOURCES + id.stem() + ".onnx";
        try (InputStream in = AcasNetworks.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled network " + resource + " is missing from the classpath");
            }
            return OnnxLoader.load(in.readAllBytes(), resource, id.stem());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled network " + resource, e);
        }
    }

    private static Network requireAcasShape(Network network, String file) {
        if (network.inputSize() != 5 || network.outputSize() != 5) {
            throw new BadInputException(file + ": an ACAS Xu network maps 5 inputs to 5 scores, but this one takes "
                    + network.inputSize() + " inputs (shape " + network.inputShape() + ") and gives "
                    + network.outputSize() + " outputs (shape " + network.outputShape() + ")");
        }
        network.requirePiecewiseLinear("ACAS Xu certification");
        return network;
    }
}
