package io.exactline.junit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import io.exactline.acasxu.AcasNetworks;
import io.exactline.acasxu.NetworkId;
import io.exactline.core.BadInputException;
import io.exactline.core.io.NetworkLoader;
import io.exactline.core.io.OnnxLoader;
import io.exactline.core.network.Network;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.vnnlib.VnnlibParser;

/** Reads the networks and properties named by {@link NetworkFile} and {@link Vnnlib} locations. */
final class Locations {
    static final String ACASXU = "acasxu:";
    static final String CLASSPATH = "classpath:";
    private static final String ACASXU_PROPERTIES = "io/exactline/acasxu/vnnlib/";

    private Locations() {
    }

    /**
     * The network at {@code location}.
     *
     * @throws BadInputException if it cannot be found or read, naming the location
     */
    static Network network(String location, ClassLoader loader) {
        if (location.startsWith(ACASXU)) {
            return AcasNetworks.bundled(NetworkId.parse(location.substring(ACASXU.length())));
        }
        if (!location.startsWith(CLASSPATH)) {
            return NetworkLoader.load(Path.of(location));
        }
        String resource = location.substring(CLASSPATH.length());
        byte[] bytes = resource(resource, loader, location);
        String name = resource.toLowerCase(Locale.ROOT);
        if (name.endsWith(".onnx")) {
            return OnnxLoader.load(bytes, location, location);
        }
        if (!name.endsWith(".nnet")) {
            throw new BadInputException(location + ": unknown network format; give an .onnx or .nnet resource");
        }
        Path copy = null;
        try {
            copy = Files.createTempFile("exactline-", ".nnet");
            Files.write(copy, bytes);
            Network loaded;
            try {
                loaded = NetworkLoader.load(copy);
            } catch (BadInputException e) {
                throw new BadInputException(location + " (read from a copy, " + copy + "): " + e.getMessage(), e);
            }
            return new Network(loaded.layers(), location);
        } catch (IOException e) {
            throw new BadInputException(location + ": cannot copy the resource to a temporary file: " + e, e);
        } finally {
            deleteQuietly(copy);
        }
    }

    /**
     * The VNN-LIB property at {@code location}.
     *
     * @throws BadInputException if it cannot be found, read or parsed, naming the location
     */
    static Property property(String location, ClassLoader loader) {
        if (location.startsWith(ACASXU)) {
            String resource = ACASXU_PROPERTIES + location.substring(ACASXU.length()) + ".vnnlib";
            return VnnlibParser.parse(new String(resource(resource, loader, location), StandardCharsets.UTF_8),
                    location);
        }
        if (location.startsWith(CLASSPATH)) {
            byte[] bytes = resource(location.substring(CLASSPATH.length()), loader, location);
            return VnnlibParser.parse(new String(bytes, StandardCharsets.UTF_8), location);
        }
        return VnnlibParser.parse(Path.of(location));
    }

    private static byte[] resource(String resource, ClassLoader loader, String location) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new BadInputException(location + ": no such resource on the test class path (resource '"
                        + resource + "', without a leading slash; acasxu:x_y and acasxu:prop_N name bundled"
                        + " ACAS Xu files)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new BadInputException(location + ": cannot read the resource: " + e, e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
