package io.exactline.maven;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.exactline.acasxu.AcasNetworks;
import io.exactline.core.BadInputException;
import io.exactline.core.io.NetworkLoader;
import io.exactline.core.network.Network;

/**
 * The networks of one run of the goal, each file read once and shared by the checks that name it (networks are
 * immutable, so the checks may run in parallel). Safe for use by several threads.
 */
final class Networks {
    private final ConcurrentMap<Path, Network> plain = new ConcurrentHashMap<>();
    private final ConcurrentMap<Path, Network> acas = new ConcurrentHashMap<>();

    /**
     * The network in {@code file} as its format defines it ({@link NetworkLoader#load}).
     *
     * @throws BadInputException if the file is missing or not a network
     */
    Network load(Path file) {
        return plain.computeIfAbsent(file.toAbsolutePath().normalize(), NetworkLoader::load);
    }

    /**
     * The ACAS Xu network in {@code file} from normalised inputs to normalised scores ({@link AcasNetworks#load}:
     * an {@code .nnet} file contributes its normalised core).
     *
     * @throws BadInputException if the file is missing, not a network, or does not map 5 inputs to 5 scores
     */
    Network acasxu(Path file) {
        return acas.computeIfAbsent(file.toAbsolutePath().normalize(), AcasNetworks::load);
    }
}
