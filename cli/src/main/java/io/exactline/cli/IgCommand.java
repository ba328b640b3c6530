package io.exactline.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.exactline.core.BadInputException;
import io.exactline.core.attribution.Baseline;
import io.exactline.core.attribution.ChannelLayout;
import io.exactline.core.attribution.ExactAttribution;
import io.exactline.core.attribution.Heatmap;
import io.exactline.core.attribution.IntegratedGradients;
import io.exactline.core.attribution.PathGradients;
import io.exactline.core.attribution.RiemannMethod;
import io.exactline.core.io.NetworkLoader;
import io.exactline.core.network.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code exactline ig NETWORK --input X --baseline zeros|B [--target k] [--method M --steps m] [--heatmap PNG]}:
 * Integrated Gradients of one output, exactly (one gradient per ExactLine piece of the segment from the baseline to
 * the input) or by a Riemann sum. Stdout is CSV {@code index,attribution}; the summary (target, pieces,
 * completeness) goes to stderr, so stdout stays machine-readable.
 */
@Command(name = "ig", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Integrated Gradients of one output of NETWORK at X relative to a baseline: exact (ExactLine:"
                + " one gradient per piece of the segment from the baseline to X) or a Riemann sum.",
            "stdout: CSV with header index,attribution, one row per input coordinate (%%.17g).",
            "stderr: one line '# target k, pieces p, output change d, sum s, completeness gap s - d (relative r)'."})
final class IgCommand implements Callable<Integer> {
    /** How the path integral is computed. */
    enum Method {
        exact, left, right, midpoint, trapezoid
    }

    /** Image layouts for the heatmap. */
    enum Layout {
        chw, hwc
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NETWORK", description = "network file (.nnet or .onnx)")
    Path network;

    @Option(names = "--input", required = true, paramLabel = "X",
            description = "the input: comma-separated numbers, or @FILE of numbers separated by commas and/or"
                    + " whitespace")
    String input;

    @Option(names = "--baseline", required = true, paramLabel = "B",
            description = "'zeros', or a point written like X")
    String baseline;

    @Option(names = "--target", paramLabel = "K",
            description = "output index to attribute (default: the predicted class, largest output at X)")
    Integer target;

    @Option(names = "--method", paramLabel = "M", defaultValue = "exact",
            description = "exact, left, right, midpoint or trapezoid (default: ${DEFAULT-VALUE})")
    Method method;

    @Option(names = "--steps", paramLabel = "m",
            description = "sub-intervals of a Riemann sum (trapezoid: m+1 gradients); required unless --method exact")
    Integer steps;

    @Option(names = "--heatmap", paramLabel = "PNG",
            description = "also write a heatmap of |attribution| summed over channels (needs an image-shaped input)")
    Path heatmap;

    @Option(names = "--layout", paramLabel = "L", defaultValue = "chw",
            description = "channel layout of the input for --heatmap: chw or hwc (default: ${DEFAULT-VALUE})")
    Layout layout;

    @Override
    public Integer call() {
        if (method == Method.exact && steps != null) {
            throw new BadInputException("--steps applies to Riemann sums only; drop it or give --method left, right,"
                    + " midpoint or trapezoid");
        }
        if (method != Method.exact && (steps == null || steps < 1)) {
            throw new BadInputException("--method " + method + " needs --steps m with m >= 1"
                    + (steps == null ? "" : ", got " + steps));
        }
        Network net = NetworkLoader.load(network);
        double[] x = PointArgument.parse("--input", input).fitting(net);
        Baseline base = "zeros".equals(baseline) ? Baseline.zeros()
                : Baseline.of(PointArgument.parse("--baseline", baseline).fitting(net));
        if (target != null && (target < 0 || target >= net.outputSize())) {
            throw new BadInputException("--target " + target + " is not an output of " + network + ", which has "
                    + net.outputSize() + " outputs (0 to " + (net.outputSize() - 1) + ")");
        }
        IntegratedGradients ig = IntegratedGradients.of(net);
        PathGradients path = target == null ? ig.path(x, base) : ig.path(x, base, target);
        ExactAttribution exact = path.exact();
        double[] attributions = method == Method.exact ? exact.attributions()
                : path.riemann(RiemannMethod.valueOf(method.name().toUpperCase(Locale.ROOT)), steps);
        if (heatmap != null) {
            ChannelLayout channels = layout == Layout.chw ? ChannelLayout.CHANNELS_FIRST : ChannelLayout.CHANNELS_LAST;
            try {
                Heatmap.of(attributions, net.inputShape(), channels).writePng(heatmap, 8);
            } catch (IOException e) {
                throw new BadInputException("--heatmap: " + e.getMessage(), e);
            }
        }
        StringBuilder csv = new StringBuilder("index,attribution\n");
        double sum = 0;
        for (int i = 0; i < attributions.length; i++) {
            csv.append(i).append(',').append(NumberText.of(attributions[i])).append('\n');
            sum += attributions[i];
        }
        double change = path.outputChange();
        String relative = change == 0 ? "undefined" : NumberText.of(Math.abs(sum - change) / Math.abs(change));
        String summary = "# target " + path.output() + ", pieces " + path.pieceCount() + ", method " + method
                + (steps == null ? "" : " with " + steps + " sub-intervals") + ", output change "
                + NumberText.of(change) + ", sum " + NumberText.of(sum) + ", completeness gap "
                + NumberText.of(sum - change) + " (relative " + relative + ")";
        spec.commandLine().getOut().print(csv);
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().println(summary);
        spec.commandLine().getErr().flush();
        return 0;
    }
}
