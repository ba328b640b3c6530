package io.exactline.maven;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.exactline.core.BadInputException;

/**
 * One property to prove on one network: what a {@link Proof} expands to, one task per property file.
 *
 * @param name for reports: the network's and the property's file names, e.g. {@code 1_1.onnx / prop_3.vnnlib}
 * @param network the network file
 * @param property the .vnnlib file
 * @param expectation whether the property must hold or be violated
 * @param engine the engine's name
 * @param timeout the time limit of the proof
 */
record ProofTask(String name, Path network, Path property, Expectation expectation, String engine,
        Duration timeout) {

    /**
     * The tasks of {@code proof}, one per property file it names, with the goal's defaults for what it leaves out.
     *
     * @param index the proof's position in the configuration (from 1), for messages
     * @throws BadInputException if the proof has no network, no property, a property that names no file, an
     *     expectation other than holds or violated, or a timeout that is not a positive number of seconds
     */
    static List<ProofTask> expand(Proof proof, int index, Path basedir, String defaultEngine,
            double defaultTimeoutSeconds) {
        String where = "<proof> number " + index;
        File network = proof.network();
        if (network == null) {
            throw new BadInputException(where + " has no <network>; give the path of an .onnx or .nnet file");
        }
        if (proof.propertySpecs().isEmpty()) {
            throw new BadInputException(where + " has no <property>; give a .vnnlib file, a folder or a glob");
        }
        Path net = basedir.resolve(network.toPath()).normalize();
        Expectation expectation = Expectation.parse(proof.expect(), where);
        String engine = proof.engine() == null || proof.engine().isBlank() ? defaultEngine : proof.engine().trim();
        Duration timeout = timeout(proof.timeout() == null ? defaultTimeoutSeconds : proof.timeout(), where);
        List<ProofTask> tasks = new ArrayList<>();
        for (String spec : proof.propertySpecs()) {
            for (Path file : PropertyFiles.resolve(basedir, spec, where)) {
                String name = net.getFileName() + " / " + relative(basedir, file);
                tasks.add(new ProofTask(name, net, file, expectation, engine, timeout));
            }
        }
        return tasks;
    }

    /**
     * A time limit of {@code seconds}.
     *
     * @throws BadInputException unless {@code seconds} is positive and finite
     */
    static Duration timeout(double seconds, String where) {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new BadInputException(where + ": the timeout must be a positive number of seconds, got " + seconds);
        }
        return Duration.ofNanos((long) Math.min(seconds * 1e9, Long.MAX_VALUE / 2.0));
    }

    private static String relative(Path basedir, Path file) {
        Path base = basedir.toAbsolutePath().normalize();
        Path abs = file.toAbsolutePath().normalize();
        return (abs.startsWith(base) ? base.relativize(abs) : abs.getFileName()).toString();
    }
}
