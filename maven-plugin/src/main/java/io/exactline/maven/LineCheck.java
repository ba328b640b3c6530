package io.exactline.maven;

import java.io.File;

/**
 * One {@code <lineCheck>} of the plugin's configuration: a segment of inputs and what the network must decide
 * along all of it, checked exactly with ExactLine (every point of the segment, not samples).
 *
 * <pre>{@code
 * <lineCheck>
 *   <name>head-on intruder, far to near</name>          <!-- optional -->
 *   <network>nets/ACASXU_run2a_1_1_batch_2000.onnx</network>
 *   <from>0.6,0,-0.5,0.45,-0.45</from>                   <!-- the network's inputs, comma-separated -->
 *   <to>-0.3,0,-0.5,0.45,-0.45</to>
 *   <advisories>COC,WL</advisories>                      <!-- ACAS Xu: the advisory sequence along the segment -->
 *   <alwaysClass>0</alwaysClass>                         <!-- or: the arg max is this class everywhere -->
 *   <physicalUnits>false</physicalUnits>                 <!-- ACAS Xu: from/to as encounters (ft, rad, ft/s) -->
 * </lineCheck>
 * }</pre>
 *
 * Exactly one of {@code advisories} and {@code alwaysClass} is given. Maven fills the fields from the
 * configuration; {@link LineTask#of} checks them.
 */
public class LineCheck {
    /** A name for reports; default: the network and the segment. */
    private String name;
    /** The network file (.onnx or .nnet). */
    private File network;
    /** The segment start, comma-separated numbers. */
    private String from;
    /** The segment end, comma-separated numbers. */
    private String to;
    /** ACAS Xu advisories expected along the segment, in order, comma-separated (COC, WL, WR, SL, SR). */
    private String advisories;
    /** The class (output index) that must be the arg max on the whole segment. */
    private Integer alwaysClass;
    /** ACAS Xu: {@code from} and {@code to} are encounters in physical units rather than normalised inputs. */
    private boolean physicalUnits;

    /** A line check for Maven to fill in. */
    public LineCheck() {
    }

    /** A line check as the configuration would give it, for tests. */
    LineCheck(String name, File network, String from, String to, String advisories, Integer alwaysClass,
            boolean physicalUnits) {
        this.name = name;
        this.network = network;
        this.from = from;
        this.to = to;
        this.advisories = advisories;
        this.alwaysClass = alwaysClass;
        this.physicalUnits = physicalUnits;
    }

    String name() {
        return name;
    }

    File network() {
        return network;
    }

    String from() {
        return from;
    }

    String to() {
        return to;
    }

    String advisories() {
        return advisories;
    }

    Integer alwaysClass() {
        return alwaysClass;
    }

    boolean physicalUnits() {
        return physicalUnits;
    }
}
