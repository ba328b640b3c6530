package io.exactline.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import com.google.protobuf.InvalidProtocolBufferException;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import io.exactline.core.layer.Layer;
import io.exactline.core.network.Network;
import io.exactline.core.network.NetworkFormatException;

/**
 * Loads a feed-forward network from an ONNX model.
 *
 * <p>The graph must have one input that is not an initializer (the network input; a symbolic or unit leading
 * batch dimension is allowed) and one output, and must form a chain: every node combines the tensor computed
 * from the input with constants only. Everything that does not depend on the input (initializers, Constant
 * nodes, Shape/Gather/Unsqueeze/Concat chains) is evaluated at load time. Supported operators on the computed
 * tensor: Gemm, MatMul, Add, Sub, Mul, Div (by constants, with broadcasting), Neg, Relu, LeakyRelu, Clip, Sigmoid,
 * Tanh, Conv, MaxPool, AveragePool, GlobalAveragePool, BatchNormalization (inference), Flatten, Reshape,
 * Transpose, Squeeze, Unsqueeze, Identity, Dropout, Cast to float, Pad by zero.
 *
 * <p>Layers see tensors without the batch dimension: a leading dimension of 1 is removed, so an NCHW image
 * {@code [1, 3, 32, 32]} is a {@code [3, 32, 32]} tensor and the network's input shape is the ONNX input shape
 * without it. The flat row-major order of the values is ONNX's, so input {@code i} of the network is element
 * {@code i} of the ONNX input (VNN-LIB's {@code X_i}). Neighbouring affine layers are merged (see
 * {@link LayerChain}).
 */
public final class OnnxLoader {
    private OnnxLoader() {
    }

    /**
     * Loads the model in {@code file}; the network's {@link Network#source()} is the file name.
     *
     * @throws NetworkFormatException if the file cannot be read, is not an ONNX model, or uses an operator,
     *         attribute or graph structure this loader does not support
     */
    public static Network load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new NetworkFormatException(file.toString(), "file", "does not exist", e);
        } catch (IOException e) {
            throw new NetworkFormatException(file.toString(), "file", "cannot be read: " + e.getMessage(), e);
        }
        Path name = file.getFileName();
        return load(bytes, file.toString(), name == null ? file.toString() : name.toString());
    }

    /**
     * Loads a model from its serialized bytes.
     *
     * @param model the bytes of an ONNX {@code ModelProto}
     * @param file names the model in error messages
     * @param source the network's {@link Network#source()}
     */
    public static Network load(byte[] model, String file, String source) {
        ModelProto proto;
        try {
            proto = ModelProto.parseFrom(model);
        } catch (InvalidProtocolBufferException e) {
            throw new NetworkFormatException(file, "file", "is not a readable ONNX model (" + e.getMessage()
                    + "); the file may be truncated or not ONNX at all", e);
        }
        if (proto.getIrVersion() <= 0 || !proto.hasGraph() || proto.getGraph().getNodeCount() == 0) {
            throw new NetworkFormatException(file, "file", "is not an ONNX model: it has no IR version or no graph"
                    + " nodes; the file may be truncated or not ONNX at all");
        }
        long opset = proto.getOpsetImportList().stream()
                .filter(o -> o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx"))
                .mapToLong(OperatorSetIdProto::getVersion).max().orElse(1);
        List<Layer> layers = new GraphTranslator(file, opset).translate(proto.getGraph());
        try {
            return new Network(LayerChain.simplify(layers), source);
        } catch (IllegalArgumentException e) {
            throw new NetworkFormatException(file, "graph", e.getMessage(), e);
        }
    }
}
