package io.exactline.core.io;

import java.util.ArrayList;
import java.util.List;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;

/** Builds small ONNX models in tests with the generated protobuf builders. */
final class TinyModel {
    private final GraphProto.Builder graph = GraphProto.newBuilder().setName("tiny");
    private final long opset;

    /** A model importing default-domain operator set {@code opset}, whose float input {@code x} has {@code dims}. */
    TinyModel(long opset, long... dims) {
        this.opset = opset;
        graph.addInput(valueInfo("x", dims));
    }

    static ValueInfoProto valueInfo(String name, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(d < 0 ? TensorShapeProto.Dimension.newBuilder().setDimParam("batch")
                    : TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape)))
                .build();
    }

    /** A float initializer stored in {@code float_data}. */
    TinyModel floats(String name, long[] dims, double... values) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE);
        for (long d : dims) {
            t.addDims(d);
        }
        for (double v : values) {
            t.addFloatData((float) v);
        }
        graph.addInitializer(t);
        return this;
    }

    /** An int64 initializer stored in {@code int64_data}. */
    TinyModel ints(String name, long... values) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE)
                .addDims(values.length);
        for (long v : values) {
            t.addInt64Data(v);
        }
        graph.addInitializer(t);
        return this;
    }

    /** Any initializer. */
    TinyModel initializer(TensorProto tensor) {
        graph.addInitializer(tensor);
        return this;
    }

    /** A node; attributes are given as built protos. */
    TinyModel node(String op, String name, List<String> inputs, List<String> outputs, AttributeProto... attributes) {
        graph.addNode(NodeProto.newBuilder().setOpType(op).setName(name).addAllInput(inputs).addAllOutput(outputs)
                .addAllAttribute(List.of(attributes)));
        return this;
    }

    /** A node with one input, one output and its name as the output name. */
    TinyModel node(String op, String input, String output, AttributeProto... attributes) {
        return node(op, output, List.of(input), List.of(output), attributes);
    }

    static AttributeProto intAttribute(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    static AttributeProto floatAttribute(String name, double value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT)
                .setF((float) value).build();
    }

    static AttributeProto intsAttribute(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name)
                .setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    static AttributeProto stringAttribute(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
                .setS(com.google.protobuf.ByteString.copyFromUtf8(value)).build();
    }

    static AttributeProto tensorAttribute(String name, TensorProto value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.TENSOR).setT(value)
                .build();
    }

    /** The serialized model whose output is {@code output} of shape {@code dims}. */
    byte[] bytes(String output, long... dims) {
        GraphProto g = graph.clone().addOutput(valueInfo(output, dims)).build();
        return ModelProto.newBuilder().setIrVersion(7).setProducerName("exactline test")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset)).setGraph(g).build()
                .toByteArray();
    }

    /**
     * x [1, 2, 2] -> Reshape(x, Concat(Unsqueeze(Gather(Shape(x), 0)), [-1])) -> Relu -> y [1, 4]: the flatten that
     * exporters write out, whose shape arithmetic the loader folds.
     */
    static byte[] foldedFlatten() {
        TensorProto minusOne = TensorProto.newBuilder().setDataType(TensorProto.DataType.INT64_VALUE).addDims(1)
                .addInt64Data(-1).build();
        TensorProto zero = TensorProto.newBuilder().setDataType(TensorProto.DataType.INT64_VALUE).addInt64Data(0)
                .build();
        return new TinyModel(11, 1, 2, 2)
                .node("Shape", "x", "shape")
                .node("Constant", "zero", names(), names("zero"), tensorAttribute("value", zero))
                .node("Constant", "minus_one", names(), names("minus_one"), tensorAttribute("value", minusOne))
                .node("Gather", "batch", names("shape", "zero"), names("batch"), intAttribute("axis", 0))
                .node("Unsqueeze", "batch", "batch_1d", intsAttribute("axes", 0))
                .node("Concat", "target", names("batch_1d", "minus_one"), names("target"), intAttribute("axis", 0))
                .node("Reshape", "flat", names("x", "target"), names("flat"))
                .node("Relu", "flat", "y")
                .bytes("y", 1, 4);
    }

    static List<String> names(String... names) {
        return new ArrayList<>(List.of(names));
    }
}
