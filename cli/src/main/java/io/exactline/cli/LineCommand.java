package io.exactline.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.exactline.core.io.JsonText;
import io.exactline.core.io.NetworkLoader;
import io.exactline.core.line.ExactLine;
import io.exactline.core.line.LinePartition;
import io.exactline.core.line.Piece;
import io.exactline.core.network.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code exactline line NETWORK --from A --to B [--format csv|json]}: the exact partition of the segment
 * {@code x(t) = A + t (B - A)}, {@code t in [0, 1]}, into the pieces on which the network is affine (ExactLine),
 * one entry per piece in order along the segment; adjacent pieces are never merged.
 */
@Command(name = "line", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Splits the segment from A to B into the pieces on which NETWORK is affine (ExactLine).",
            "csv: header t_start,t_end,argmax,argmin, then one row per piece in order along the segment"
                + " (x(t) = A + t (B - A)); adjacent pieces are not merged.",
            "json: {\"network\", \"from\", \"to\", \"piece_count\", \"pieces\": [{\"t_start\", \"t_end\", \"argmax\","
                + " \"argmin\", \"output_start\", \"output_end\"}]}.",
            "argmax and argmin are the indices of the largest and smallest output at the piece's midpoint (lowest"
                + " index on ties). Numbers are written as %%.17g."})
final class LineCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format {
        csv, json
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NETWORK", description = "network file (.nnet or .onnx)")
    Path network;

    @Option(names = "--from", required = true, paramLabel = "A",
            description = "segment start: comma-separated numbers, or @FILE with numbers separated by commas and/or"
                    + " whitespace")
    String from;

    @Option(names = "--to", required = true, paramLabel = "B", description = "segment end, written like A")
    String to;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
            description = "csv or json (default: ${DEFAULT-VALUE})")
    Format format;

    @Override
    public Integer call() {
        Network net = NetworkLoader.load(network);
        double[] a = PointArgument.parse("--from", from).fitting(net);
        double[] b = PointArgument.parse("--to", to).fitting(net);
        PointArgument.requireSegment(a, b, "--from", "--to");
        LinePartition partition = ExactLine.partition(net, a, b);
        String text = format == Format.csv ? csv(partition) : json(partition, network.toString());
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return 0;
    }

    static String csv(LinePartition partition) {
        StringBuilder s = new StringBuilder("t_start,t_end,argmax,argmin\n");
        for (Piece piece : partition.pieces()) {
            s.append(NumberText.of(piece.tStart())).append(',').append(NumberText.of(piece.tEnd())).append(',')
                    .append(piece.argmax()).append(',').append(piece.argmin()).append('\n');
        }
        return s.toString();
    }

    static String json(LinePartition partition, String networkName) {
        StringBuilder s = new StringBuilder("{\n");
        s.append("  \"network\": ").append(JsonText.quote(networkName)).append(",\n");
        s.append("  \"from\": ").append(NumberText.jsonArray(partition.start())).append(",\n");
        s.append("  \"to\": ").append(NumberText.jsonArray(partition.end())).append(",\n");
        s.append("  \"piece_count\": ").append(partition.pieceCount()).append(",\n");
        s.append("  \"pieces\": [");
        for (Piece piece : partition.pieces()) {
            s.append(piece.index() == 0 ? "\n" : ",\n");
            s.append("    {\"t_start\": ").append(NumberText.json(piece.tStart()))
                    .append(", \"t_end\": ").append(NumberText.json(piece.tEnd()))
                    .append(", \"argmax\": ").append(piece.argmax())
                    .append(", \"argmin\": ").append(piece.argmin())
                    .append(", \"output_start\": ").append(NumberText.jsonArray(piece.outputStart()))
                    .append(", \"output_end\": ").append(NumberText.jsonArray(piece.outputEnd()))
                    .append('}');
        }
        return s.append("\n  ]\n}\n").toString();
    }
}
