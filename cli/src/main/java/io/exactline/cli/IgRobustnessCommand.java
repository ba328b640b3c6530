package io.exactline.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

import io.exactline.core.BadInputException;
import io.exactline.core.attribution.Baseline;
import io.exactline.core.attribution.IntegratedGradients;
import io.exactline.core.io.NetworkLoader;
import io.exactline.core.network.Network;
import io.exactline.core.study.AttributionRobustness;
import io.exactline.core.study.Perturbation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code exactline ig-robustness NETWORK --input X [--baseline B] [--epsilon e] [--samples n] [--top-k K]
 * [--gradient-sign] [--range LOW,HIGH] [--seed s]}: how much exact Integrated Gradients change under small input
 * perturbations ({@link AttributionRobustness}).
 */
@Command(name = "ig-robustness", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Exact Integrated Gradients of the class predicted at X, compared with those at perturbed"
                + " inputs: uniform random in the box X ± e (clipped to --range) and, with --gradient-sign, the FGSM"
                + " step X − e·sign(∇F_k(X)).",
            "stdout: CSV perturbation,kind,predicted,kendall_tau,top_k_intersection,pieces (kendall_tau empty where"
                + " undefined).",
            "stderr: '# ' lines with the predicted class, the pieces at X and, per kind, the mean τ and mean top-K"
                + " intersection."})
final class IgRobustnessCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NETWORK", description = "network file (.nnet or .onnx)")
    Path network;

    @Option(names = "--input", required = true, paramLabel = "X",
            description = "the input: comma-separated numbers, or @FILE")
    String input;

    @Option(names = "--baseline", paramLabel = "B", defaultValue = "zeros",
            description = "'zeros' or a point written like X (default: ${DEFAULT-VALUE})")
    String baseline;

    @Option(names = "--epsilon", paramLabel = "e", defaultValue = "0.01",
            description = "L∞ radius of the perturbations (default: ${DEFAULT-VALUE})")
    double epsilon;

    @Option(names = "--samples", paramLabel = "n", defaultValue = "10",
            description = "random perturbations (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--top-k", paramLabel = "K", defaultValue = "100",
            description = "size of the top-K sets, at most the input size (default: ${DEFAULT-VALUE})")
    int topK;

    @Option(names = "--gradient-sign", description = "also the gradient-sign (FGSM) perturbation")
    boolean gradientSign;

    @Option(names = "--range", paramLabel = "LOW,HIGH",
            description = "input range to clip perturbed inputs to, e.g. 0,1 (default: no clipping)")
    String range;

    @Option(names = "--seed", paramLabel = "s", defaultValue = "1",
            description = "seed of the random perturbations (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
        Network net = NetworkLoader.load(network);
        double[] x = PointArgument.parse("--input", input).fitting(net);
        Baseline base = "zeros".equals(baseline) ? Baseline.zeros()
                : Baseline.of(PointArgument.parse("--baseline", baseline).fitting(net));
        double[] low = new double[x.length];
        double[] high = new double[x.length];
        Arrays.fill(low, Double.NEGATIVE_INFINITY);
        Arrays.fill(high, Double.POSITIVE_INFINITY);
        if (range != null) {
            double[] ends = PointArgument.parse("--range", range).values();
            if (ends.length != 2 || !(ends[0] <= ends[1])) {
                throw new BadInputException("--range: give LOW,HIGH with LOW <= HIGH, got '" + range + "'");
            }
            Arrays.fill(low, ends[0]);
            Arrays.fill(high, ends[1]);
        }
        AttributionRobustness.Result result = AttributionRobustness.measure(IntegratedGradients.of(net), x, base,
                epsilon, samples, gradientSign, topK, seed, low, high);
        StringBuilder csv = new StringBuilder("perturbation,kind,predicted,kendall_tau,top_k_intersection,pieces\n");
        int index = 0;
        for (Perturbation p : result.perturbations()) {
            csv.append(index++).append(',').append(p.kind()).append(',').append(p.predicted()).append(',')
                    .append(p.kendallTau().isPresent() ? NumberText.of(p.kendallTau().getAsDouble()) : "")
                    .append(',').append(NumberText.of(p.topKIntersection())).append(',').append(p.pieceCount())
                    .append('\n');
        }
        StringBuilder summary = new StringBuilder("# target " + result.original().target() + ", pieces at the input "
                + result.original().pieceCount() + ", epsilon " + NumberText.of(epsilon) + ", top-" + topK + "\n");
        for (String kind : new String[] {"random", "gradient-sign"}) {
            if (result.meanTopK(kind).isPresent()) {
                summary.append("# ").append(kind).append(": mean kendall_tau ")
                        .append(mean(result.meanKendallTau(kind)))
                        .append(", mean top_k_intersection ").append(mean(result.meanTopK(kind))).append('\n');
            }
        }
        spec.commandLine().getOut().print(csv);
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().print(summary);
        spec.commandLine().getErr().flush();
        return 0;
    }

    private static String mean(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.6f", value.getAsDouble()) : "undefined";
    }
}
