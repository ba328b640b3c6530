package io.exactline.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.exactline.core.io.NetworkLoader;
import io.exactline.core.network.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code exactline eval NETWORK --input x1,...,xn}: the outputs {@code f(x)} on one line. */
@Command(name = "eval", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Evaluates NETWORK at one input.",
            "Prints the outputs as ONE comma-separated line of %%.17g numbers and nothing else on stdout."})
final class EvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NETWORK", description = "network file (.nnet or .onnx)")
    Path network;

    @Option(names = "--input", required = true, paramLabel = "X",
            description = "the input: comma-separated numbers x1,...,xn, or @FILE with numbers separated by commas"
                    + " and/or whitespace")
    String input;

    @Override
    public Integer call() {
        Network net = NetworkLoader.load(network);
        double[] x = PointArgument.parse("--input", input).fitting(net);
        String line = NumberText.commaSeparated(net.evaluate(x)) + "\n";
        spec.commandLine().getOut().print(line);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
