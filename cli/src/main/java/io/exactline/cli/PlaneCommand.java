package io.exactline.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;

import io.exactline.core.BadInputException;
import io.exactline.core.io.JsonText;
import io.exactline.core.io.NetworkLoader;
import io.exactline.core.line.ActivationPattern;
import io.exactline.core.network.Network;
import io.exactline.core.plane.ExactPlane;
import io.exactline.core.plane.PlaneImage;
import io.exactline.core.plane.PlanePartition;
import io.exactline.core.plane.Region;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code exactline plane NETWORK --vertices V [--png PNG] [--label argmax|argmin]}: the exact partition of a convex
 * polygon in a 2-D plane of input space into the regions on which the network is affine (ExactPlane), as JSON, and
 * optionally a picture with every region coloured by its decision.
 */
@Command(name = "plane", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Splits a convex polygon of input space into the regions on which NETWORK is affine"
                + " (ExactPlane).",
            "Vertices: in order along the boundary, one per line of @FILE (numbers separated by commas and/or"
                + " whitespace), or inline separated by ';'. They must be coplanar, convex, not collinear.",
            "stdout: JSON {\"network\", \"plane\": {\"origin\", \"e1\", \"e2\"}, \"polygon_area\", \"region_count\","
                + " \"label\", \"regions\": [{\"id\", \"pattern_hash\", \"label\", \"constant_label\", \"area\","
                + " \"vertices\" (plane coordinates u, w), \"input_vertices\"}]}.",
            "label: the argmax (or argmin) output at the region's centroid; constant_label: whether it is that"
                + " everywhere on the region. pattern_hash: 64-bit FNV-1a hash of the activation pattern."})
final class PlaneCommand implements Callable<Integer> {
    /** Which output names a region's decision. */
    enum Label {
        argmax, argmin
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NETWORK", description = "network file (.nnet or .onnx)")
    Path network;

    @Option(names = "--vertices", required = true, paramLabel = "V",
            description = "polygon vertices: @FILE with one vertex per line, or 'a,b;c,d;e,f'")
    String vertices;

    @Option(names = "--png", paramLabel = "PNG",
            description = "also draw the polygon, 800 x 800 pixels, every region filled with its label's colour"
                    + " (Tableau 10: label 0 blue, 1 orange, 2 red, 3 teal, 4 green, ...)")
    Path png;

    @Option(names = "--outline", description = "draw region boundaries in the picture (default: fill only)")
    boolean outline;

    @Option(names = "--label", paramLabel = "L", defaultValue = "argmax",
            description = "argmax (classifiers) or argmin (ACAS Xu advisories) (default: ${DEFAULT-VALUE})")
    Label label;

    @Override
    public Integer call() {
        Network net = NetworkLoader.load(network);
        List<double[]> points = vertices(net);
        PlanePartition partition = ExactPlane.partition(net, points);
        ToIntFunction<Region> labelOf = label == Label.argmax ? Region::argmax : Region::argmin;
        String json = json(partition, label, network.toString());
        if (png != null) {
            try {
                PlaneImage image = PlaneImage.of(800, 800, labelOf);
                (outline ? image : image.withoutBoundaries()).writePng(partition, png);
            } catch (IOException e) {
                throw new BadInputException("--png: " + e.getMessage(), e);
            }
        }
        spec.commandLine().getOut().print(json);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private List<double[]> vertices(Network net) {
        List<double[]> points = new ArrayList<>();
        if (vertices.startsWith("@")) {
            String file = vertices.substring(1);
            List<String> lines;
            try {
                lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new BadInputException(file + ": no such file (given as --vertices @" + file + ")", e);
            } catch (IOException | RuntimeException e) {
                throw new BadInputException(file + ": cannot read the vertex file given as --vertices: " + e, e);
            }
            for (int k = 0; k < lines.size(); k++) {
                if (!lines.get(k).isBlank()) {
                    points.add(PointArgument.parse("--vertices " + file + " line " + (k + 1), lines.get(k))
                            .fitting(net));
                }
            }
        } else {
            String[] parts = vertices.split(";", -1);
            for (int k = 0; k < parts.length; k++) {
                points.add(PointArgument.parse("--vertices vertex " + (k + 1), parts[k]).fitting(net));
            }
        }
        if (points.size() < 3) {
            throw new BadInputException("--vertices: a polygon needs at least 3 vertices, got " + points.size());
        }
        return points;
    }

    static String json(PlanePartition partition, Label label, String networkName) {
        StringBuilder s = new StringBuilder("{\n");
        s.append("  \"network\": ").append(JsonText.quote(networkName)).append(",\n");
        s.append("  \"plane\": {\"origin\": ").append(NumberText.jsonArray(partition.plane().origin()))
                .append(", \"e1\": ").append(NumberText.jsonArray(partition.plane().e1()))
                .append(", \"e2\": ").append(NumberText.jsonArray(partition.plane().e2())).append("},\n");
        s.append("  \"polygon_area\": ").append(NumberText.json(partition.polygonArea())).append(",\n");
        s.append("  \"region_count\": ").append(partition.regionCount()).append(",\n");
        s.append("  \"regions\": [");
        for (Region region : partition.regions()) {
            int value = label == Label.argmax ? region.argmax() : region.argmin();
            boolean constant = label == Label.argmax ? region.hasConstantArgmax() : region.hasConstantArgmin();
            s.append(region.index() == 0 ? "\n" : ",\n");
            s.append("    {\"id\": ").append(region.index())
                    .append(", \"pattern_hash\": \"").append(hash(partition.patternOf(region))).append('"')
                    .append(", \"label\": ").append(value)
                    .append(", \"constant_label\": ").append(constant)
                    .append(", \"area\": ").append(NumberText.json(region.area()))
                    .append(", \"vertices\": ").append(matrix(region.planeVertices()))
                    .append(", \"input_vertices\": ").append(matrix(region.inputVertices()))
                    .append('}');
        }
        return s.append("\n  ]\n}\n").toString();
    }

    private static String matrix(double[][] rows) {
        StringBuilder s = new StringBuilder("[");
        for (int k = 0; k < rows.length; k++) {
            s.append(k == 0 ? "" : ", ").append(NumberText.jsonArray(rows[k]));
        }
        return s.append(']').toString();
    }

    /** 64-bit FNV-1a over every layer's unit states, as 16 hex digits. */
    static String hash(ActivationPattern pattern) {
        long h = 0xcbf29ce484222325L;
        for (int k = 0; k < pattern.layerCount(); k++) {
            for (int state : pattern.states(k)) {
                h = (h ^ state) * 0x100000001b3L;
            }
            h = (h ^ 0xff) * 0x100000001b3L;
        }
        return String.format(Locale.ROOT, "%016x", h);
    }
}
