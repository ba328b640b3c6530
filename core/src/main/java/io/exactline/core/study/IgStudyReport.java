package io.exactline.core.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import io.exactline.core.attribution.ErrorMetric;
import io.exactline.core.attribution.RiemannMethod;
import io.exactline.core.io.AtomicFiles;

/** The exact-IG study's results as Markdown tables, a per-input CSV and an error-versus-m plot. */
public final class IgStudyReport {
    private static final RiemannMethod[] METHODS = RiemannMethod.values();

    private IgStudyReport() {
    }

    /** The Markdown report: definitions, then one table per metric with one row per network. */
    public static String markdown(List<IgNetworkSummary> networks) {
        StringBuilder s = new StringBuilder();
        s.append("Definitions (ExactLine authors' experiment code, SyReNN `experiments/integrated_gradients.py`):\n\n")
                .append("- target: the predicted class at the image; exact IG sums one gradient per ExactLine piece.\n")
                .append("- practice m̃: left sums with m = 20, 21, ..., 1000, the first m whose completeness error"
                        + " |Σ IG~ − (F(x) − F(x'))| / |F(x) − F(x')| is below 1%.\n")
                .append("- mean relative error (headline, the poster's metric): mean over coordinates of"
                        + " |IG~_i − IG_i| / |IG_i + 1e-11|.\n")
                .append("- relative L1 error (second view): ‖IG~ − IG‖₁ / ‖IG‖₁.\n")
                .append("- samples to 5%: smallest n such that n, ..., n+4 sub-intervals all give an error below 5%,"
                        + " counted in gradients (n for left, right, midpoint; n+1 for trapezoid); an image needing more"
                        + " than 1,000 sub-intervals is an outlier, left out of the mean and counted in brackets.\n\n");
        for (ErrorMetric metric : new ErrorMetric[] {ErrorMetric.MEAN_RELATIVE, ErrorMetric.RELATIVE_L1}) {
            s.append("#### ").append(metric == ErrorMetric.MEAN_RELATIVE ? "Mean relative error (headline)"
                    : "Relative L1 error").append("\n\n");
            s.append("| network | images | clipped coords | pieces (exact) | m̃ | practice error (%) | median (%)"
                    + " | left | right | midpoint | trapezoid (n+1) | m̃ missing |\n");
            s.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (IgNetworkSummary n : networks) {
                s.append("| ").append(n.network()).append(" | ").append(n.images().size()).append(" | ")
                        .append(n.clippedCoordinates()).append('/').append(n.coordinates()).append(" | ")
                        .append(number(n.meanPieces(), 1)).append(" | ").append(number(n.meanPracticeSteps(), 1))
                        .append(" | ").append(percent(n.meanPracticeError(metric)))
                        .append(" | ").append(percent(n.medianPracticeError(metric)));
                for (RiemannMethod method : METHODS) {
                    s.append(" | ").append(number(n.meanSamples(metric, method), 1));
                    int outliers = n.outliers(metric, method);
                    if (outliers > 0) {
                        s.append(" (").append(outliers).append(')');
                    }
                }
                s.append(" | ").append(n.practiceMissing()).append(" |\n");
            }
            s.append('\n');
        }
        return s.toString();
    }

    /** One CSV row per input: network, image, target, pieces, gaps, practice, samples per metric and method. */
    public static String csv(List<IgNetworkSummary> networks) {
        StringBuilder s = new StringBuilder("network,image,target,pieces,relative_completeness_gap,practice_m");
        for (ErrorMetric metric : ErrorMetric.values()) {
            s.append(",practice_error_").append(name(metric));
        }
        for (ErrorMetric metric : ErrorMetric.values()) {
            for (RiemannMethod method : METHODS) {
                s.append(",samples_").append(name(metric)).append('_').append(name(method));
            }
        }
        s.append('\n');
        for (IgNetworkSummary n : networks) {
            for (IgImageResult r : n.images()) {
                s.append(n.network()).append(',').append(r.image()).append(',').append(r.target()).append(',')
                        .append(r.pieceCount()).append(',').append(cell(r.relativeCompletenessGap())).append(',')
                        .append(cell(r.practiceSteps()));
                for (ErrorMetric metric : ErrorMetric.values()) {
                    s.append(',').append(cell(r.practiceError().get(metric)));
                }
                for (ErrorMetric metric : ErrorMetric.values()) {
                    for (RiemannMethod method : METHODS) {
                        s.append(',').append(cell(r.samples(metric, method)));
                    }
                }
                s.append('\n');
            }
        }
        return s.toString();
    }

    /**
     * Mean error under {@code metric} versus sub-intervals m, one series per method, averaged over the inputs of
     * {@code networks} (each input weighing the same), on log-log axes.
     */
    public static LinePlot plot(List<IgNetworkSummary> networks, ErrorMetric metric, String title) {
        double[] steps = Arrays.stream(IgStudy.CURVE_STEPS).asDoubleStream().toArray();
        int inputs = networks.stream().mapToInt(n -> n.images().size()).sum();
        List<LinePlot.Series> series = new ArrayList<>();
        for (RiemannMethod method : METHODS) {
            double[] mean = new double[steps.length];
            for (IgNetworkSummary n : networks) {
                double[] curve = n.meanCurve(metric).get(method);
                for (int s = 0; s < mean.length; s++) {
                    mean[s] += curve[s] * n.images().size() / inputs;
                }
            }
            series.add(new LinePlot.Series(name(method), steps, mean));
        }
        String error = metric == ErrorMetric.MEAN_RELATIVE ? "mean relative error (poster's metric)"
                : "relative L1 error";
        return new LinePlot(title + ": " + error + ", averaged over images",
                "sub-intervals m (trapezoid: m+1 gradients)", "error", series, true, true);
    }

    /**
     * Writes {@code ig-study.md}, {@code ig-study.csv}, the plots over all networks {@code ig-study.png} (mean
     * relative error) and {@code ig-study-relative-l1.png}, and one {@code ig-study-NETWORK.png} per network.
     */
    public static void write(List<IgNetworkSummary> networks, Path dir) throws IOException {
        Files.createDirectories(dir);
        AtomicFiles.writeString(dir.resolve("ig-study.md"), markdown(networks));
        AtomicFiles.writeString(dir.resolve("ig-study.csv"), csv(networks));
        plot(networks, ErrorMetric.MEAN_RELATIVE, "All networks").writePng(dir.resolve("ig-study.png"));
        plot(networks, ErrorMetric.RELATIVE_L1, "All networks").writePng(dir.resolve("ig-study-relative-l1.png"));
        for (IgNetworkSummary n : networks) {
            plot(List.of(n), ErrorMetric.MEAN_RELATIVE, n.network())
                    .writePng(dir.resolve("ig-study-" + n.network() + ".png"));
        }
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static String number(OptionalDouble value, int decimals) {
        return value.isPresent() ? String.format(Locale.ROOT, "%." + decimals + "f", value.getAsDouble()) : "–";
    }

    private static String percent(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.2f", 100 * value.getAsDouble()) : "–";
    }

    private static String cell(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.17g", value.getAsDouble()) : "";
    }

    private static String cell(OptionalInt value) {
        return value.isPresent() ? Integer.toString(value.getAsInt()) : "";
    }
}
