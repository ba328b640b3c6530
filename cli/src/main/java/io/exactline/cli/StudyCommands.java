package io.exactline.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.exactline.cli.study.StudyNetwork;
import io.exactline.core.BadInputException;

/** Argument checks shared by the study commands. */
final class StudyCommands {
    private StudyCommands() {
    }

    /** The networks named in {@code names} (all of {@code defaults} when none are given). */
    static List<StudyNetwork> networks(List<String> names, List<StudyNetwork> defaults) {
        if (names == null || names.isEmpty()) {
            return defaults;
        }
        List<StudyNetwork> chosen = new ArrayList<>();
        for (String name : names) {
            chosen.add(StudyNetwork.named(name.strip()).orElseThrow(() -> new BadInputException("--nets: unknown"
                    + " network '" + name + "'; known: " + String.join(", ",
                            StudyNetwork.all().stream().map(StudyNetwork::name).toList()))));
        }
        return chosen;
    }

    /** {@code path}, checked to exist. */
    static Path existing(Path path) {
        if (!Files.exists(path)) {
            throw new BadInputException(path + ": no such file or directory (is --root the VNN-COMP 2021 benchmark"
                    + " directory?)");
        }
        return path;
    }
}
