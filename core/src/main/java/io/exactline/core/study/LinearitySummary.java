package io.exactline.core.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Stream;

import io.exactline.core.io.AtomicFiles;

/**
 * The linearity study's results on one network.
 *
 * @param network the network's name
 * @param family its benchmark family, e.g. {@code oval21}
 * @param epsilon the step ε in the network's input units
 * @param images how many inputs were probed
 * @param segments one measurement per probed segment
 */
public record LinearitySummary(String network, String family, double epsilon, int images,
        List<SegmentLinearity> segments) {
    public LinearitySummary {
        segments = List.copyOf(segments);
    }

    /** Mean number of pieces over the segments in {@code direction}. */
    public OptionalDouble meanPieces(String direction) {
        return of(direction).mapToInt(SegmentLinearity::pieceCount).average();
    }

    /** Mean of the length-weighted mean cosine over the segments in {@code direction}. */
    public OptionalDouble meanCosine(String direction) {
        return of(direction).mapToDouble(SegmentLinearity::meanCosine).average();
    }

    /** Smallest length-weighted mean cosine over the segments in {@code direction}. */
    public OptionalDouble minCosine(String direction) {
        return of(direction).mapToDouble(SegmentLinearity::meanCosine).min();
    }

    /** Fraction of the segments in {@code direction} on which the network is affine (one piece). */
    public OptionalDouble affineFraction(String direction) {
        return of(direction).mapToDouble(s -> s.pieceCount() == 1 ? 1 : 0).average();
    }

    /** The mean cosine profile over the segments in {@code direction}. */
    public double[] meanProfile(String direction) {
        double[] mean = new double[LinearityStudy.PROFILE_POINTS];
        List<SegmentLinearity> chosen = of(direction).toList();
        for (SegmentLinearity s : chosen) {
            double[] profile = s.cosineProfile();
            for (int p = 0; p < mean.length; p++) {
                mean[p] += profile[p] / chosen.size();
            }
        }
        return mean;
    }

    private Stream<SegmentLinearity> of(String direction) {
        return segments.stream().filter(s -> s.direction().equals(direction));
    }

    /** A Markdown table, one row per network. */
    public static String markdown(List<LinearitySummary> networks) {
        StringBuilder s = new StringBuilder("| network | family | ε (input units) | images | segments random / FGSM"
                + " | pieces random | pieces FGSM | affine random | affine FGSM | cos random | cos FGSM"
                + " | min cos FGSM |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (LinearitySummary n : networks) {
            s.append("| ").append(n.network()).append(" | ").append(n.family()).append(" | ")
                    .append(String.format(Locale.ROOT, "%.4g", n.epsilon())).append(" | ").append(n.images())
                    .append(" | ").append(n.of("random").count()).append(" / ").append(n.of("gradient-sign").count())
                    .append(" | ").append(number(n.meanPieces("random"), "%.1f"))
                    .append(" | ").append(number(n.meanPieces("gradient-sign"), "%.1f"))
                    .append(" | ").append(number(n.affineFraction("random"), "%.2f"))
                    .append(" | ").append(number(n.affineFraction("gradient-sign"), "%.2f"))
                    .append(" | ").append(number(n.meanCosine("random"), "%.4f"))
                    .append(" | ").append(number(n.meanCosine("gradient-sign"), "%.4f"))
                    .append(" | ").append(number(n.minCosine("gradient-sign"), "%.4f")).append(" |\n");
        }
        return s.toString();
    }

    /** One CSV row per segment. */
    public static String csv(List<LinearitySummary> networks) {
        StringBuilder s = new StringBuilder("network,family,epsilon,direction,pieces,mean_cosine\n");
        for (LinearitySummary n : networks) {
            for (SegmentLinearity segment : n.segments()) {
                s.append(n.network()).append(',').append(n.family()).append(',')
                        .append(String.format(Locale.ROOT, "%.17g", n.epsilon())).append(',')
                        .append(segment.direction()).append(',').append(segment.pieceCount()).append(',')
                        .append(String.format(Locale.ROOT, "%.17g", segment.meanCosine())).append('\n');
            }
        }
        return s.toString();
    }

    /** The mean cosine profile along the segment in {@code direction}, one series per network, linear axes. */
    public static LinePlot plot(List<LinearitySummary> networks, String direction) {
        double[] t = LinearityStudy.profileRatios();
        List<LinePlot.Series> series = new ArrayList<>();
        for (LinearitySummary n : networks) {
            series.add(new LinePlot.Series(n.network(), t, n.meanProfile(direction)));
        }
        return new LinePlot("cos(gradient at image, gradient at x + t·ε·s), " + direction + " s",
                "t (fraction of the ε step)", "mean cosine", series, false, false);
    }

    /** Writes {@code linearity.md}, {@code linearity.csv} and the two profile plots into {@code dir}. */
    public static void write(List<LinearitySummary> networks, Path dir) throws IOException {
        Files.createDirectories(dir);
        AtomicFiles.writeString(dir.resolve("linearity.md"), markdown(networks));
        AtomicFiles.writeString(dir.resolve("linearity.csv"), csv(networks));
        plot(networks, "random").writePng(dir.resolve("linearity-random.png"));
        plot(networks, "gradient-sign").writePng(dir.resolve("linearity-gradient-sign.png"));
    }

    private static String number(OptionalDouble value, String format) {
        return value.isPresent() ? String.format(Locale.ROOT, format, value.getAsDouble()) : "–";
    }
}
