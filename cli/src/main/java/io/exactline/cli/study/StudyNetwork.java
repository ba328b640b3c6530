package io.exactline.cli.study;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.exactline.core.attribution.Baseline;

/**
 * A VNN-COMP 2021 network used by the studies, with where its specs are and its black-image baseline.
 *
 * @param name short name, e.g. {@code cifar10_large}
 * @param family benchmark family, e.g. {@code marabou-cifar10}
 * @param file the ONNX file relative to the VNN-COMP root
 * @param specDir the spec directory relative to the root
 * @param specPrefix the file name prefix of its specs
 * @param normalised whether inputs are normalised per channel (oval21: NCHW, mean (0.485, 0.456, 0.406),
 *        standard deviation 0.225); otherwise pixels are in [0, 1]
 * @param pixelScale input units per pixel-value unit: 1, or 1/0.225 for normalised inputs
 */
public record StudyNetwork(String name, String family, String file, String specDir, String specPrefix,
        boolean normalised, double pixelScale) {
    private static final double[] OVAL_MEAN = {0.485, 0.456, 0.406};
    private static final double OVAL_STD = 0.225;

    /** The six CIFAR-10 networks of the exact-IG study. */
    public static final List<StudyNetwork> CIFAR = List.of(
            marabou("cifar10_small"), marabou("cifar10_medium"), marabou("cifar10_large"),
            oval("cifar_base_kw"), oval("cifar_wide_kw"), oval("cifar_deep_kw"));

    /** The three MNIST fully connected networks. */
    public static final List<StudyNetwork> MNIST = List.of(mnist("mnist-net_256x2"), mnist("mnist-net_256x4"),
            mnist("mnist-net_256x6"));

    /** All networks the studies know. */
    public static List<StudyNetwork> all() {
        return Stream.concat(MNIST.stream(), CIFAR.stream()).toList();
    }

    /** The network called {@code name}. */
    public static Optional<StudyNetwork> named(String name) {
        return all().stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** The ONNX file under {@code root}. */
    public Path network(Path root) {
        return root.resolve(file);
    }

    /** The spec directory under {@code root}. */
    public Path specs(Path root) {
        return root.resolve(specDir);
    }

    /**
     * The black image in the network's input units: all zeros, or {@code (0 − mean_c)/0.225} on channel {@code c}
     * of an NCHW {@code [1, 3, 32, 32]} input.
     */
    public Baseline black(int inputSize) {
        if (!normalised) {
            return Baseline.zeros();
        }
        double[] point = new double[inputSize];
        int plane = inputSize / OVAL_MEAN.length;
        for (int i = 0; i < inputSize; i++) {
            point[i] = -OVAL_MEAN[i / plane] / OVAL_STD;
        }
        return Baseline.of(point);
    }

    private static StudyNetwork marabou(String name) {
        return new StudyNetwork(name, "marabou-cifar10", "marabou-cifar10/nets/" + name + ".onnx",
                "marabou-cifar10/specs", "network" + name + "_", false, 1);
    }

    private static StudyNetwork oval(String name) {
        return new StudyNetwork(name, "oval21", "oval21/nets/" + name + ".onnx", "oval21/vnnlib", name + "-", true,
                1 / OVAL_STD);
    }

    private static StudyNetwork mnist(String name) {
        return new StudyNetwork(name, "mnistfc", "mnistfc/" + name + ".onnx", "mnistfc", "prop_", false, 1);
    }
}
