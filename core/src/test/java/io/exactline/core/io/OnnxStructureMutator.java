package io.exactline.core.io;

import java.util.List;
import java.util.Random;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import io.exactline.testkit.Fuzzer;
import io.exactline.testkit.Mutations.Mutant;

/**
 * Mutates ONNX models where byte flips rarely reach: the fields the loader interprets. Tensor dims (zero, negative,
 * huge), element types, truncated data, external data; node operators, inputs, outputs and attributes (ints such
 * as axes, pads, strides, kernel shapes, groups set to 0, -1 or huge); the graph input's shape and type; the graph
 * output; the operator set version.
 */
final class OnnxStructureMutator implements Fuzzer.Mutator {
    private static final long[] INTERESTING = {0, -1, 1, 2, 3, -2, 7, 1L << 20, Integer.MAX_VALUE, 1L << 32,
        Long.MAX_VALUE, Long.MIN_VALUE};
    private static final List<String> OPS = List.of("Gemm", "MatMul", "Add", "Sub", "Mul", "Div", "Neg", "Relu",
            "LeakyRelu", "Clip", "Sigmoid", "Tanh", "Conv", "MaxPool", "AveragePool", "GlobalAveragePool",
            "BatchNormalization", "Flatten", "Reshape", "Transpose", "Squeeze", "Unsqueeze", "Identity", "Dropout",
            "Cast", "Pad", "Concat", "Gather", "Slice", "Shape", "Constant", "ConstantOfShape", "Softmax", "Loop");
    private static final List<String> ATTRIBUTES = List.of("axis", "axes", "pads", "strides", "kernel_shape",
            "dilations", "group", "perm", "transA", "transB", "alpha", "beta", "to", "value", "auto_pad", "min",
            "max", "epsilon", "allowzero", "ceil_mode", "count_include_pad", "shape");

    @Override
    public Mutant mutate(byte[] seed, Random random) {
        ModelProto model;
        try {
            model = ModelProto.parseFrom(seed);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("seeds must be ONNX models", e);
        }
        ModelProto.Builder m = model.toBuilder();
        GraphProto.Builder g = m.getGraphBuilder();
        StringBuilder what = new StringBuilder();
        int rounds = 1 + random.nextInt(2);
        for (int r = 0; r < rounds; r++) {
            what.append(r == 0 ? "" : ", then ").append(once(m, g, random));
        }
        return new Mutant(what.toString(), m.build().toByteArray());
    }

    private static String once(ModelProto.Builder m, GraphProto.Builder g, Random random) {
        switch (random.nextInt(7)) {
            case 0, 1 -> {
                if (g.getInitializerCount() == 0) {
                    return "no initializer";
                }
                int i = random.nextInt(g.getInitializerCount());
                return "initializer " + i + ": " + tensor(g.getInitializerBuilder(i), random);
            }
            case 2, 3 -> {
                if (g.getNodeCount() == 0) {
                    return "no node";
                }
                int i = random.nextInt(g.getNodeCount());
                return "node " + i + ": " + node(g, g.getNodeBuilder(i), random);
            }
            case 4 -> {
                ValueInfoProto.Builder input = g.getInputBuilder(random.nextInt(g.getInputCount()));
                TensorShapeProto.Builder shape = input.getTypeBuilder().getTensorTypeBuilder().getShapeBuilder();
                if (shape.getDimCount() > 0 && random.nextBoolean()) {
                    int k = random.nextInt(shape.getDimCount());
                    long v = pick(random);
                    shape.getDimBuilder(k).setDimValue(v);
                    return "graph input dim " + k + " = " + v;
                }
                int type = random.nextInt(17);
                input.getTypeBuilder().getTensorTypeBuilder().setElemType(type);
                return "graph input element type " + type;
            }
            case 5 -> {
                long v = random.nextInt(25);
                m.getOpsetImportBuilder(0).setVersion(v);
                return "opset " + v;
            }
            default -> {
                if (random.nextBoolean() && g.getNodeCount() > 0) {
                    NodeProto node = g.getNode(random.nextInt(g.getNodeCount()));
                    String name = node.getInputCount() > 0 ? node.getInput(0) : node.getOutput(0);
                    g.getOutputBuilder(0).setName(name);
                    return "graph output '" + name + "'";
                }
                g.addOutput(g.getOutput(0));
                return "second graph output";
            }
        }
    }

    private static String tensor(TensorProto.Builder t, Random random) {
        switch (random.nextInt(5)) {
            case 0 -> {
                if (t.getDimsCount() == 0) {
                    t.addDims(pick(random));
                    return "add a dim";
                }
                int k = random.nextInt(t.getDimsCount());
                long v = pick(random);
                t.setDims(k, v);
                return "dim " + k + " = " + v;
            }
            case 1 -> {
                int type = random.nextInt(17);
                t.setDataType(type);
                return "element type " + type;
            }
            case 2 -> {
                if (t.hasRawData()) {
                    ByteString raw = t.getRawData();
                    int keep = random.nextInt(raw.size() + 1);
                    t.setRawData(raw.substring(0, keep));
                    return "raw data cut to " + keep + " bytes";
                }
                int n = t.getFloatDataCount();
                t.clearFloatData();
                for (int i = 0; i < n / 2; i++) {
                    t.addFloatData(Float.NaN);
                }
                return "float data halved, NaN";
            }
            case 3 -> {
                t.setDataLocation(TensorProto.DataLocation.EXTERNAL);
                return "external data";
            }
            default -> {
                t.clearDims();
                return "no dims";
            }
        }
    }

    private static String node(GraphProto.Builder g, NodeProto.Builder n, Random random) {
        switch (random.nextInt(6)) {
            case 0 -> {
                String op = OPS.get(random.nextInt(OPS.size()));
                n.setOpType(op);
                return "operator " + op;
            }
            case 1 -> {
                if (n.getInputCount() > 0 && random.nextBoolean()) {
                    List<String> kept = n.getInputList().subList(0, random.nextInt(n.getInputCount()));
                    List<String> copy = List.copyOf(kept);
                    n.clearInput().addAllInput(copy);
                    return "inputs cut to " + copy.size();
                }
                String other = g.getNodeCount() > 0 ? g.getNode(random.nextInt(g.getNodeCount())).getOutput(0) : "";
                n.addInput(random.nextBoolean() ? other : "");
                return "extra input '" + other + "'";
            }
            case 2 -> {
                String other = g.getNode(random.nextInt(g.getNodeCount())).getOutput(0);
                n.setOutput(0, other);
                return "output renamed to '" + other + "'";
            }
            case 3 -> {
                if (n.getAttributeCount() == 0) {
                    return "no attribute";
                }
                n.removeAttribute(random.nextInt(n.getAttributeCount()));
                return "attribute removed";
            }
            default -> {
                String name = ATTRIBUTES.get(random.nextInt(ATTRIBUTES.size()));
                AttributeProto.Builder a = AttributeProto.newBuilder().setName(name);
                int count = random.nextInt(5);
                switch (random.nextInt(3)) {
                    case 0 -> a.setType(AttributeProto.AttributeType.INT).setI(pick(random));
                    case 1 -> a.setType(AttributeProto.AttributeType.FLOAT).setF(random.nextBoolean() ? Float.NaN
                            : (float) pick(random));
                    default -> {
                        a.setType(AttributeProto.AttributeType.INTS);
                        for (int i = 0; i < count; i++) {
                            a.addInts(pick(random));
                        }
                    }
                }
                for (int i = 0; i < n.getAttributeCount(); i++) {
                    if (n.getAttribute(i).getName().equals(name)) {
                        n.setAttribute(i, a);
                        return "attribute " + name + " = " + a.build().toString().replace('\n', ' ');
                    }
                }
                n.addAttribute(a);
                return "new attribute " + name + " = " + a.build().toString().replace('\n', ' ');
            }
        }
    }

    private static long pick(Random random) {
        return random.nextInt(3) == 0 ? random.nextInt(9) : INTERESTING[random.nextInt(INTERESTING.length)];
    }
}
