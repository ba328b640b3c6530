package io.exactline.core.line;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Input boxes of VNN-LIB robustness specifications, read just far enough to give test and benchmark points. */
public final class SpecBoxes {
    private static final Pattern BOUND = Pattern.compile("\\(assert \\((<=|>=) X_(\\d+) (\\S+)\\)\\)");

    private SpecBoxes() {
    }

    /**
     * The midpoint of the box given by the lines {@code (assert (<= X_i c))} and {@code (assert (>= X_i c))} of
     * {@code spec}; for robustness specifications this is the image the box surrounds.
     */
    public static double[] midpoint(Path spec, int inputs) {
        double[] low = new double[inputs];
        double[] high = new double[inputs];
        try {
            for (String line : Files.readAllLines(spec)) {
                Matcher m = BOUND.matcher(line.trim());
                if (m.matches()) {
                    int i = Integer.parseInt(m.group(2));
                    double value = Double.parseDouble(m.group(3));
                    if (m.group(1).equals("<=")) {
                        high[i] = value;
                    } else {
                        low[i] = value;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double[] midpoint = new double[inputs];
        for (int i = 0; i < inputs; i++) {
            midpoint[i] = 0.5 * (low[i] + high[i]);
        }
        return midpoint;
    }
}
