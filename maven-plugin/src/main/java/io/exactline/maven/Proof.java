package io.exactline.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code <proof>} of the plugin's configuration: a network and one or more VNN-LIB properties, each proved
 * separately.
 *
 * <pre>{@code
 * <proof>
 *   <network>src/test/networks/ACASXU_run2a_1_1_batch_2000.onnx</network>
 *   <property>src/test/properties/prop_3.vnnlib</property>   <!-- a file, a folder or a glob -->
 *   <expect>holds</expect>                                   <!-- holds (default) or violated -->
 *   <engine>auto</engine>                                    <!-- default: the goal's engine -->
 *   <timeout>60</timeout>                                    <!-- seconds; default: the goal's timeout -->
 * </proof>
 * }</pre>
 *
 * Maven fills the fields from the configuration; {@link ProofTask#expand} checks them.
 */
public class Proof {
    /** The network file (.onnx or .nnet). */
    private File network;
    /** A .vnnlib file, a folder (every .vnnlib file in it) or a glob relative to the project, e.g. props/*.vnnlib. */
    private String property;
    /** More properties, each as {@link #property}. */
    private List<String> properties = new ArrayList<>();
    /** {@code holds} (default) or {@code violated}. */
    private String expect = Expectation.HOLDS.word();
    /** The engine's name; empty for the goal's engine. */
    private String engine;
    /** Seconds per property; empty for the goal's timeout. */
    private Double timeout;

    /** A proof for Maven to fill in. */
    public Proof() {
    }

    /** A proof as the configuration would give it, for tests. */
    Proof(File network, List<String> properties, String expect, String engine, Double timeout) {
        this.network = network;
        this.properties = new ArrayList<>(properties);
        this.expect = expect;
        this.engine = engine;
        this.timeout = timeout;
    }

    File network() {
        return network;
    }

    /** {@code <property>} followed by the {@code <properties>} entries. */
    List<String> propertySpecs() {
        List<String> all = new ArrayList<>();
        if (property != null) {
            all.add(property);
        }
        if (properties != null) {
            all.addAll(properties);
        }
        return all;
    }

    String expect() {
        return expect;
    }

    String engine() {
        return engine;
    }

    Double timeout() {
        return timeout;
    }
}
