package io.exactline.core.io;

import java.util.List;
import java.util.Optional;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import io.exactline.core.network.NetworkFormatException;

/**
 * One node of the graph being loaded, with typed access to its attributes and errors that name the file and
 * the node ({@code node 'Conv_0' (Conv)}).
 */
final class OnnxNode {
    private final NodeProto proto;
    private final int index;
    private final String file;
    private final long opset;

    OnnxNode(NodeProto proto, int index, String file, long opset) {
        this.proto = proto;
        this.index = index;
        this.file = file;
        this.opset = opset;
    }

    String opType() {
        return proto.getOpType();
    }

    /** Whether the operator is from the default ONNX domain (the only one this loader knows). */
    boolean inDefaultDomain() {
        return proto.getDomain().isEmpty() || proto.getDomain().equals("ai.onnx");
    }

    String domain() {
        return proto.getDomain();
    }

    /** The version of the default ONNX operator set the model imports. */
    long opset() {
        return opset;
    }

    /** Input names; an empty name stands for an omitted optional input. */
    List<String> inputs() {
        return proto.getInputList();
    }

    /** The name of input {@code i}, or empty if it is absent or omitted. */
    Optional<String> input(int i) {
        return i < proto.getInputCount() && !proto.getInput(i).isEmpty() ? Optional.of(proto.getInput(i))
                : Optional.empty();
    }

    List<String> outputs() {
        return proto.getOutputList();
    }

    /** Where the node is, for messages: {@code node 'NAME' (OpType)}, or its index when it has no name. */
    String position() {
        if (!proto.getName().isEmpty()) {
            return "node '" + proto.getName() + "' (" + proto.getOpType() + ")";
        }
        String output = proto.getOutputCount() > 0 ? ", output '" + proto.getOutput(0) + "'" : "";
        return "node #" + index + " (" + proto.getOpType() + output + ")";
    }

    /** An error about this node. */
    NetworkFormatException error(String problem) {
        return new NetworkFormatException(file, position(), problem);
    }

    private Optional<AttributeProto> attribute(String name, AttributeProto.AttributeType type) {
        for (AttributeProto a : proto.getAttributeList()) {
            if (a.getName().equals(name)) {
                if (a.getType() != type && a.getType() != AttributeProto.AttributeType.UNDEFINED) {
                    throw error("attribute '" + name + "' should be " + type + " but is " + a.getType());
                }
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    boolean hasAttribute(String name) {
        return proto.getAttributeList().stream().anyMatch(a -> a.getName().equals(name));
    }

    long intAttribute(String name, long fallback) {
        return attribute(name, AttributeProto.AttributeType.INT).map(AttributeProto::getI).orElse(fallback);
    }

    double floatAttribute(String name, double fallback) {
        return attribute(name, AttributeProto.AttributeType.FLOAT).map(a -> (double) a.getF()).orElse(fallback);
    }

    String stringAttribute(String name, String fallback) {
        return attribute(name, AttributeProto.AttributeType.STRING).map(a -> a.getS().toStringUtf8())
                .orElse(fallback);
    }

    Optional<long[]> intsAttribute(String name) {
        return attribute(name, AttributeProto.AttributeType.INTS)
                .map(a -> a.getIntsList().stream().mapToLong(Long::longValue).toArray());
    }

    Optional<double[]> floatsAttribute(String name) {
        return attribute(name, AttributeProto.AttributeType.FLOATS)
                .map(a -> a.getFloatsList().stream().mapToDouble(Float::doubleValue).toArray());
    }

    Optional<ConstantTensor> tensorAttribute(String name) {
        return attribute(name, AttributeProto.AttributeType.TENSOR).map(a -> {
            try {
                return ConstantTensor.decode(a.getT());
            } catch (IllegalArgumentException e) {
                throw error("attribute '" + name + "': " + e.getMessage());
            }
        });
    }
}
