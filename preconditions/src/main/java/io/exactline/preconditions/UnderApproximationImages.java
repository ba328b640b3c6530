package io.exactline.preconditions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.exactline.core.io.AtomicFiles;
import io.exactline.core.io.ImageLayout;
import io.exactline.verifier.property.Box;

/**
 * The under-approximation boxes of a mining report drawn as pictures, for networks whose input is an image: for
 * precondition {@code i}, {@code ua/i-min.png} shows every pixel at the box's lower end and {@code ua/i-max.png} at
 * its upper end. Every image between the two, pixel by pixel, satisfies the precondition. Grey levels map the
 * domain's smallest lower end to black and its largest upper end to white, the same for every picture, so pictures
 * can be compared.
 */
public final class UnderApproximationImages {
    /** The folder, inside a mining output folder, that holds the pictures. */
    public static final String FOLDER = "ua";

    private UnderApproximationImages() {
    }

    /**
     * Writes the pictures of every precondition of {@code report} that has a UA box into {@code dir/ua}, and returns
     * the files written (none when no precondition has a box).
     *
     * @throws IllegalArgumentException if {@code layout} does not read inputs of the report's domain size
     */
    public static List<Path> write(Path dir, MiningReport report, ImageLayout layout) throws IOException {
        Box domain = report.settings().domain();
        if (layout.size() != domain.dimension()) {
            throw new IllegalArgumentException("image layout " + layout + " reads " + layout.size() + " inputs but the"
                    + " mining domain has " + domain.dimension());
        }
        double black = Double.POSITIVE_INFINITY;
        double white = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < domain.dimension(); j++) {
            black = Math.min(black, domain.lower(j));
            white = Math.max(white, domain.upper(j));
        }
        if (!(black < white)) {
            white = black + 1;
        }
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < report.entries().size(); i++) {
            Optional<Box> box = report.entries().get(i).precondition().underApproximation();
            if (box.isEmpty()) {
                continue;
            }
            Path folder = Files.createDirectories(dir.resolve(FOLDER));
            Path min = folder.resolve(i + "-min.png");
            Path max = folder.resolve(i + "-max.png");
            AtomicFiles.writePng(min, layout.render(box.get().lower(), black, white));
            AtomicFiles.writePng(max, layout.render(box.get().upper(), black, white));
            written.add(min);
            written.add(max);
        }
        return written;
    }
}
