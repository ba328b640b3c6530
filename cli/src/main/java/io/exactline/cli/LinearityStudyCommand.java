package io.exactline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

import io.exactline.cli.study.SpecImages;
import io.exactline.cli.study.StudyNetwork;
import io.exactline.core.BadInputException;
import io.exactline.core.attribution.IntegratedGradients;
import io.exactline.core.io.OnnxLoader;
import io.exactline.core.network.Network;
import io.exactline.core.study.LinearityStudy;
import io.exactline.core.study.LinearitySummary;
import io.exactline.core.study.SegmentLinearity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code exactline linearity-study}: ExactLine pieces and gradient turning on short L∞ steps from test images, in
 * random and gradient-sign directions ({@link LinearityStudy}), on the VNN-COMP 2021 mnistfc, marabou-cifar10 and
 * oval21 networks.
 */
@Command(name = "linearity-study", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Local linearity around test images (distinct spec box midpoints) of the VNN-COMP 2021"
                + " mnistfc, marabou-cifar10 and oval21 networks: on the segment [x, x + e·s] with s a random sign"
                + " vector or −sign(∇F_k(x)) (FGSM), the number of ExactLine pieces and the length-weighted mean"
                + " cosine between the gradient at x and on each piece.",
            "e is given in pixel units and scaled by 1/0.225 for the normalised oval21 inputs.",
            "Writes linearity.md, linearity.csv, linearity-random.png and linearity-gradient-sign.png into --out,"
                + " prints the Markdown table on stdout and progress on stderr."})
final class LinearityStudyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StudyNetworks studyNetworks;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "linearity-study",
            description = "output directory (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--images", paramLabel = "N", defaultValue = "3",
            description = "images per network (default: ${DEFAULT-VALUE})")
    int images;

    @Option(names = "--directions", paramLabel = "R", defaultValue = "5",
            description = "random directions per image, besides the one FGSM direction (default: ${DEFAULT-VALUE})")
    int directions;

    @Option(names = "--epsilon", paramLabel = "e", defaultValue = "0.00784313725490196",
            description = "L∞ step in pixel units (default: 2/255 = ${DEFAULT-VALUE})")
    double epsilon;

    @Option(names = "--seed", paramLabel = "s", defaultValue = "1",
            description = "seed of the random directions (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
        if (images < 1 || directions < 0) {
            throw new BadInputException("--images must be at least 1 and --directions at least 0, got " + images
                    + " and " + directions);
        }
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new BadInputException("--epsilon must be a positive finite number, got " + epsilon);
        }
        List<StudyNetwork> chosen = studyNetworks.chosen(StudyNetwork.all());
        PrintWriter err = spec.commandLine().getErr();
        List<LinearitySummary> summaries = new ArrayList<>();
        Random random = new Random(seed);
        for (StudyNetwork study : chosen) {
            Network network = OnnxLoader.load(studyNetworks.network(study));
            List<SpecImages.Image> points = SpecImages.distinct(studyNetworks.specs(study),
                    study.specPrefix(), images);
            IntegratedGradients ig = IntegratedGradients.of(network);
            double step = epsilon * study.pixelScale();
            List<SegmentLinearity> segments = new ArrayList<>();
            for (SpecImages.Image image : points) {
                double[] x = image.point();
                network.checkInput(x, image.spec().toString());
                for (int r = 0; r < directions; r++) {
                    segments.add(LinearityStudy.measure(ig, x,
                            LinearityStudy.randomSigns(x.length, random), step, "random"));
                }
                segments.add(LinearityStudy.measure(ig, x, LinearityStudy.gradientSigns(network, x), step,
                        "gradient-sign"));
                SegmentLinearity fgsm = segments.get(segments.size() - 1);
                err.printf(Locale.ROOT, "%s %s: FGSM %d pieces, cos %.4f%n", study.name(), image.name(),
                        fgsm.pieceCount(), fgsm.meanCosine());
                err.flush();
            }
            summaries.add(new LinearitySummary(study.name(), study.family(), step, points.size(), segments));
        }
        try {
            LinearitySummary.write(summaries, out);
        } catch (IOException e) {
            throw new BadInputException("--out: " + e.getMessage(), e);
        }
        spec.commandLine().getOut().print(LinearitySummary.markdown(summaries));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
