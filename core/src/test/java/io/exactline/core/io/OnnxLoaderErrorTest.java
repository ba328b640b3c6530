package io.exactline.core.io;

import static io.exactline.core.io.TinyModel.names;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.exactline.core.network.NetworkFormatException;

/** Files the loader must reject with a message naming the file, the place and the problem. */
class OnnxLoaderErrorTest {
    @TempDir
    Path folder;

    /** x [1, 2] -> MatMul by W [2, 2] -> Relu -> y. */
    private static TinyModel denseRelu() {
        return new TinyModel(13, 1, 2)
                .floats("W", new long[] {2, 2}, 1, 2, 3, 4)
                .node("MatMul", "mm", names("x", "W"), names("m"))
                .node("Relu", "relu", names("m"), names("y"));
    }

    private static void assertRejected(byte[] model, String... fragments) {
        assertThatThrownBy(() -> OnnxLoader.load(model, "bad.onnx", "bad.onnx"))
                .isInstanceOf(NetworkFormatException.class)
                .hasMessageStartingWith("bad.onnx: ")
                .hasMessageContainingAll(fragments);
    }

    @Test
    void truncatedFileIsReportedAsSuch() throws IOException {
        byte[] model = denseRelu().bytes("y", 1, 2);
        Path file = folder.resolve("truncated.onnx");
        Files.write(file, Arrays.copyOf(model, model.length - 7));

        assertThatThrownBy(() -> OnnxLoader.load(file))
                .isInstanceOf(NetworkFormatException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("truncated");
    }

    @Test
    void textFileIsNotAnOnnxModel() throws IOException {
        Path file = folder.resolve("notes.onnx");
        Files.writeString(file, "this is not a network\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> OnnxLoader.load(file))
                .isInstanceOf(NetworkFormatException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("ONNX");
    }

    @Test
    void missingFileIsReported() {
        Path file = folder.resolve("absent.onnx");

        assertThatThrownBy(() -> OnnxLoader.load(file))
                .isInstanceOf(NetworkFormatException.class)
                .hasMessageContaining("absent.onnx")
                .hasMessageContaining("does not exist");
    }

    @Test
    void unsupportedOperatorNamesNodeAndOperator() {
        byte[] model = denseRelu().node("Softmax", "probabilities", names("y"), names("p")).bytes("p", 1, 2);

        assertRejected(model, "node 'probabilities' (Softmax)", "not supported");
    }

    @Test
    void missingInitializerNamesTheInput() {
        byte[] model = new TinyModel(13, 1, 2)
                .node("MatMul", "mm", names("x", "W"), names("y"))
                .bytes("y", 1, 2);

        assertRejected(model, "node 'mm' (MatMul)", "input 'W'");
    }

    @Test
    void shapeMismatchNamesBothShapes() {
        byte[] model = new TinyModel(13, 1, 3)
                .floats("W", new long[] {2, 2}, 1, 2, 3, 4)
                .node("MatMul", "mm", names("x", "W"), names("y"))
                .bytes("y", 1, 2);

        assertRejected(model, "node 'mm' (MatMul)", "[1,3]", "[2,2]");
    }

    @Test
    void badAttributeIsReported() {
        byte[] model = new TinyModel(13, 1, 1, 4, 4)
                .node("MaxPool", "pool", names("x"), names("y"), TinyModel.intsAttribute("kernel_shape", 2, 2),
                        TinyModel.intsAttribute("pads", 1, 1))
                .bytes("y", 1, 1, 3, 3);

        assertRejected(model, "node 'pool' (MaxPool)", "pads");
    }

    @Test
    void productOfTwoComputedTensorsIsRejected() {
        byte[] model = new TinyModel(13, 1, 2)
                .node("Relu", "relu", names("x"), names("r"))
                .node("Mul", "square", names("r", "x"), names("y"))
                .bytes("y", 1, 2);

        assertRejected(model, "node 'square' (Mul)", "only Concat, Add and Sum");
    }

    @Test
    void concatenationAlongTheBatchAxisIsRejected() {
        byte[] model = new TinyModel(13, 1, 2)
                .node("Relu", "relu", names("x"), names("r"))
                .node("Concat", "stack", names("r", "x"), names("y"), TinyModel.intAttribute("axis", 0))
                .bytes("y", 2, 2);

        assertRejected(model, "node 'stack' (Concat)", "batch axis");
    }

    @Test
    void sumOfComputedTensorsOfDifferentShapesIsRejected() {
        byte[] model = new TinyModel(13, 1, 2)
                .floats("W", new long[] {2, 3}, 1, 2, 3, 4, 5, 6)
                .node("MatMul", "wide", names("x", "W"), names("w"))
                .node("Add", "mismatch", names("w", "x"), names("y"))
                .bytes("y", 1, 3);

        assertRejected(model, "node 'mismatch' (Add)", "equal shapes");
    }

    @Test
    void secondNonConstantInputIsRejected() {
        byte[] model = denseRelu().bytes("y", 1, 2);
        ai.onnx.proto.OnnxMl.ModelProto.Builder proto;
        try {
            proto = ai.onnx.proto.OnnxMl.ModelProto.parseFrom(model).toBuilder();
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
        proto.getGraphBuilder().addInput(TinyModel.valueInfo("z", 1, 2));

        assertRejected(proto.build().toByteArray(), "graph inputs", "'z'");
    }
}
