package io.exactline.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.exactline.cli.study.StudyNetwork;
import io.exactline.core.BadInputException;
import picocli.CommandLine.Option;

/**
 * The options the study commands share, {@code --root} and {@code --nets}, as a picocli mixin, with the checks that
 * turn them into networks and files.
 */
final class StudyNetworks {
    @Option(names = "--root", paramLabel = "DIR", defaultValue = "../shared/vnncomp2021",
            description = "VNN-COMP 2021 benchmark root (default: ${DEFAULT-VALUE})")
    Path root;

    @Option(names = "--nets", split = ",", paramLabel = "NAME",
            description = "networks, comma-separated, among mnist-net_256x2/4/6, cifar10_small/medium/large,"
                    + " cifar_base_kw, cifar_wide_kw, cifar_deep_kw (default: every network the study covers)")
    List<String> nets;

    /** The networks named by {@code --nets}, or all of {@code defaults} when it is not given. */
    List<StudyNetwork> chosen(List<StudyNetwork> defaults) {
        if (nets == null || nets.isEmpty()) {
            return defaults;
        }
        List<StudyNetwork> chosen = new ArrayList<>();
        for (String name : nets) {
            chosen.add(StudyNetwork.named(name.strip()).orElseThrow(() -> new BadInputException("--nets: unknown"
                    + " network '" + name + "'; known: " + String.join(", ",
                            StudyNetwork.all().stream().map(StudyNetwork::name).toList()))));
        }
        return chosen;
    }

    /** The ONNX file of {@code study} under {@code --root}, checked to exist. */
    Path network(StudyNetwork study) {
        return existing(study.network(root));
    }

    /** The specification folder of {@code study} under {@code --root}, checked to exist. */
    Path specs(StudyNetwork study) {
        return existing(study.specs(root));
    }

    private static Path existing(Path path) {
        if (!Files.exists(path)) {
            throw new BadInputException(path + ": no such file or directory (is --root the VNN-COMP 2021 benchmark"
                    + " directory?)");
        }
        return path;
    }
}
