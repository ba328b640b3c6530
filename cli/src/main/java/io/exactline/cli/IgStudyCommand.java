package io.exactline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.exactline.cli.study.SpecImages;
import io.exactline.cli.study.StudyNetwork;
import io.exactline.core.BadInputException;
import io.exactline.core.attribution.Baseline;
import io.exactline.core.attribution.ErrorMetric;
import io.exactline.core.attribution.IntegratedGradients;
import io.exactline.core.io.OnnxLoader;
import io.exactline.core.network.Network;
import io.exactline.core.study.IgImageResult;
import io.exactline.core.study.IgNetworkSummary;
import io.exactline.core.study.IgStudy;
import io.exactline.core.study.IgStudyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code exactline ig-study}: the ExactLine poster's exact-IG study on the VNN-COMP 2021 CIFAR-10 networks (see
 * {@link IgStudy} for the definitions). Writes {@code ig-study.md}, {@code ig-study.csv} and PNG plots to the output
 * directory, prints the Markdown on stdout and progress on stderr.
 */
@Command(name = "ig-study", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Exact Integrated Gradients versus Riemann sums on the VNN-COMP 2021 CIFAR-10 networks"
                + " (marabou-cifar10 small/medium/large, oval21 base/wide/deep).",
            "Images are the distinct spec box midpoints; baseline: the black image in the network's input units;"
                + " target: the predicted class.",
            "Writes ig-study.md, ig-study.csv, ig-study.png and ig-study-relative-l1.png into --out, prints the"
                + " Markdown tables on stdout and progress on stderr."})
final class IgStudyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyNetworks studyNetworks;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "ig-study",
            description = "output directory (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--max-images", paramLabel = "N", defaultValue = "1000",
            description = "at most N images per network (default: ${DEFAULT-VALUE})")
    int maxImages;

    @Override
    public Integer call() {
        if (maxImages < 1) {
            throw new BadInputException("--max-images must be at least 1, got " + maxImages);
        }
        List<StudyNetwork> chosen = studyNetworks.chosen(StudyNetwork.CIFAR);
        PrintWriter err = spec.commandLine().getErr();
        List<IgNetworkSummary> summaries = new ArrayList<>();
        for (StudyNetwork study : chosen) {
            Network network = OnnxLoader.load(studyNetworks.network(study));
            List<SpecImages.Image> images = SpecImages.distinct(studyNetworks.specs(study),
                    study.specPrefix(), maxImages);
            IntegratedGradients ig = IntegratedGradients.of(network);
            Baseline black = study.black(network.inputSize());
            List<IgImageResult> results = new ArrayList<>();
            int clipped = 0;
            for (SpecImages.Image image : images) {
                long start = System.nanoTime();
                double[] x = image.point();
                network.checkInput(x, image.spec().toString());
                IgImageResult r = IgStudy.measure(ig, image.name(), x, black);
                results.add(r);
                clipped += image.clippedCount();
                err.printf(Locale.ROOT, "%s %d/%d %s: %d pieces, m~ %s, practice error %s, %.1f s%n", study.name(),
                        results.size(), images.size(), image.name(), r.pieceCount(),
                        r.practiceSteps().isPresent() ? Integer.toString(r.practiceSteps().getAsInt()) : "none",
                        r.practiceError().get(ErrorMetric.MEAN_RELATIVE).isPresent()
                                ? String.format(Locale.ROOT, "%.1f%%",
                                        100 * r.practiceError().get(ErrorMetric.MEAN_RELATIVE).getAsDouble())
                                : "none",
                        (System.nanoTime() - start) / 1e9);
                err.flush();
            }
            summaries.add(new IgNetworkSummary(study.name(), results, clipped, images.size() * network.inputSize()));
        }
        try {
            IgStudyReport.write(summaries, out);
        } catch (IOException e) {
            throw new BadInputException("--out: " + e.getMessage(), e);
        }
        spec.commandLine().getOut().print(IgStudyReport.markdown(summaries));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
