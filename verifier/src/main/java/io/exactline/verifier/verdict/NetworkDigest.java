package io.exactline.verifier.verdict;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.WeakHashMap;

import io.exactline.core.BadInputException;
import io.exactline.core.layer.AffineLayer;
import io.exactline.core.layer.ElementwisePiecewiseLinear;
import io.exactline.core.layer.Layer;
import io.exactline.core.layer.Parallel;
import io.exactline.core.network.Network;

/**
 * SHA-256 digests that identify a network in {@link Provenance}: of a file's bytes, or of the function a
 * {@link Network} computes as given by its weights.
 *
 * <p>The weight digest does not depend on the file format or on how a layer stores its parameters: it covers
 * each layer's kind and shapes and, for an affine layer {@code y = A x + c}, the offset {@code c} and every
 * column {@code A e_j} (obtained through {@link AffineLayer#applyLinear}); for an element-wise piecewise-linear
 * layer its breakpoints, its values there and its slopes; for other layers their description. Numbers enter as
 * their IEEE-754 bits, so two networks share a digest exactly when their weights are bit-for-bit equal (barring
 * SHA-256 collisions).
 */
public final class NetworkDigest {
    private static final String PREFIX = "sha256:";
    private static final Map<Network, String> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    private NetworkDigest() {
    }

    /** {@code "sha256:<hex>"} of the network's weights; computed once per network object. */
    public static String of(Network network) {
        return CACHE.computeIfAbsent(network, NetworkDigest::compute);
    }

    /** {@code "sha256:<hex>"} of the file's bytes. */
    public static String ofFile(Path file) {
        MessageDigest sha = sha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + " to compute its digest: " + e, e);
        }
        return PREFIX + HexFormat.of().formatHex(sha.digest());
    }

    private static String compute(Network network) {
        MessageDigest sha = sha256();
        text(sha, "exactline network digest v1");
        layers(sha, network);
        return PREFIX + HexFormat.of().formatHex(sha.digest());
    }

    private static void layers(MessageDigest sha, Network network) {
        for (Layer layer : network.layers()) {
            text(sha, layer.getClass().getSimpleName());
            ints(sha, layer.inputShape().dims());
            ints(sha, layer.outputShape().dims());
            if (layer instanceof AffineLayer affine) {
                affine(sha, affine);
            } else if (layer instanceof ElementwisePiecewiseLinear pl) {
                elementwise(sha, pl);
            } else if (layer instanceof Parallel parallel) {
                text(sha, parallel.describe());
                for (Network branch : parallel.branches()) {
                    text(sha, "branch");
                    layers(sha, branch);
                }
            } else {
                text(sha, layer.describe());
            }
        }
    }

    private static void affine(MessageDigest sha, AffineLayer layer) {
        doubles(sha, layer.offset());
        layer.forEachColumn((column, j) -> doubles(sha, column));
    }

    /** Breakpoints, the values there, and the slope of every piece determine a piecewise-linear function. */
    private static void elementwise(MessageDigest sha, ElementwisePiecewiseLinear layer) {
        double[] cuts = layer.breakpoints();
        doubles(sha, cuts);
        double[] values = new double[cuts.length + 1];
        double[] slopes = new double[cuts.length + 1];
        for (int k = 0; k <= cuts.length; k++) {
            double inside;
            if (cuts.length == 0) {
                inside = 0.0;
            } else if (k == 0) {
                inside = cuts[0] - 1.0;
            } else if (k == cuts.length) {
                inside = cuts[k - 1] + 1.0;
            } else {
                inside = 0.5 * (cuts[k - 1] + cuts[k]);
            }
            values[k] = layer.activate(k < cuts.length ? cuts[k] : inside);
            slopes[k] = layer.slope(inside);
        }
        doubles(sha, values);
        doubles(sha, slopes);
    }

    private static void text(MessageDigest sha, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        ints(sha, new int[] {bytes.length});
        sha.update(bytes);
    }

    private static void ints(MessageDigest sha, int[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 * (values.length + 1)).putInt(values.length);
        for (int v : values) {
            b.putInt(v);
        }
        sha.update(b.array());
    }

    private static void doubles(MessageDigest sha, double[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 + 8 * values.length).putInt(values.length);
        for (double v : values) {
            b.putLong(Double.doubleToLongBits(v));
        }
        sha.update(b.array());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
