package io.exactline.cli.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.exactline.core.BadInputException;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.vnnlib.VnnlibParser;

/**
 * Test images recovered from VNN-COMP robustness specifications: the midpoint of each spec's input box.
 *
 * <p>A box {@code [x − ε, x + ε]} clipped at the input range has a midpoint off the image by up to {@code ε/2}
 * in the clipped coordinates. A coordinate counts as clipped when its box is narrower than the widest coordinate
 * of the same spec by more than 0.1% (unclipped coordinates share the width {@code 2ε} up to rounding). Specs of
 * the same image at several radii are one image: two midpoints are the same image when they agree within 1e-5 on
 * every coordinate clipped in neither box; of those the box with the fewest clipped coordinates is kept.
 */
public final class SpecImages {
    /**
     * Relative width shortfall from which a coordinate counts as clipped. VNN-COMP boxes are often written from
     * single-precision values, whose rounding makes unclipped widths differ by about 1e-5 relative.
     */
    private static final double CLIPPED = 1e-3;

    /** Largest difference of two midpoint coordinates of the same image (single-precision bounds). */
    private static final double SAME = 1e-5;

    private SpecImages() {
    }

    /**
     * One test image.
     *
     * @param spec the spec file whose box midpoint it is
     * @param point the midpoint
     * @param clipped which coordinates were clipped in that box
     */
    public record Image(Path spec, double[] point, boolean[] clipped) {
        public Image {
            point = point.clone();
            clipped = clipped.clone();
        }

        @Override
        public double[] point() {
            return point.clone();
        }

        /** Number of clipped coordinates. */
        public int clippedCount() {
            int count = 0;
            for (boolean c : clipped) {
                count += c ? 1 : 0;
            }
            return count;
        }

        /** The spec file name without directory and extension. */
        public String name() {
            String file = spec.getFileName().toString();
            return file.endsWith(".vnnlib") ? file.substring(0, file.length() - ".vnnlib".length()) : file;
        }

        boolean sameImageAs(Image other) {
            for (int i = 0; i < point.length; i++) {
                if (!clipped[i] && !other.clipped[i] && !(Math.abs(point[i] - other.point[i]) <= SAME)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The image of one spec's input box (its bounding box when the spec has several cases). */
    public static Image of(Path spec) {
        Box box = VnnlibParser.parse(spec).boundingBox();
        double widest = 0;
        for (int i = 0; i < box.dimension(); i++) {
            widest = Math.max(widest, box.width(i));
        }
        boolean[] clipped = new boolean[box.dimension()];
        for (int i = 0; i < clipped.length; i++) {
            clipped[i] = box.width(i) < widest * (1 - CLIPPED);
        }
        return new Image(spec, box.midpoint(), clipped);
    }

    /**
     * The distinct images of the specs in {@code dir} whose file name starts with {@code prefix} and ends in
     * {@code .vnnlib}, in file name order, at most {@code limit}.
     *
     * @throws BadInputException if the directory cannot be listed or holds no such spec
     */
    public static List<Image> distinct(Path dir, String prefix, int limit) {
        List<Path> specs;
        try (Stream<Path> files = Files.list(dir)) {
            specs = files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith(".vnnlib")).sorted().toList();
        } catch (IOException e) {
            throw new BadInputException("cannot list spec directory " + dir + ": " + e, e);
        }
        if (specs.isEmpty()) {
            throw new BadInputException(dir + ": no spec files named " + prefix + "*.vnnlib");
        }
        List<Image> images = new ArrayList<>();
        for (Path spec : specs) {
            Image image = of(spec);
            int same = -1;
            for (int k = 0; k < images.size() && same < 0; k++) {
                same = images.get(k).sameImageAs(image) ? k : -1;
            }
            if (same < 0) {
                images.add(image);
            } else if (image.clippedCount() < images.get(same).clippedCount()) {
                images.set(same, image);
            }
        }
        return images.subList(0, Math.min(limit, images.size()));
    }
}
