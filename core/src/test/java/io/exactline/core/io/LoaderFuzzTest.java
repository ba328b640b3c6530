package io.exactline.core.io;

import static io.exactline.core.io.TinyModel.intAttribute;
import static io.exactline.core.io.TinyModel.intsAttribute;
import static io.exactline.core.io.TinyModel.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.protobuf.ByteString;

import ai.onnx.proto.OnnxMl.TensorProto;
import io.exactline.core.BadInputException;
import io.exactline.core.network.Network;
import io.exactline.core.network.NetworkFormatException;
import io.exactline.testkit.Fuzzer;
import io.exactline.testkit.Fuzzer.Campaign;
import io.exactline.testkit.Fuzzer.Summary;
import io.exactline.testkit.SharedData;

/**
 * Bounded fuzzing of the network loaders with mutants of real files (see {@link io.exactline.testkit.Mutations}):
 * every input either loads into a network that evaluates, or is refused with a {@link BadInputException} whose
 * message starts with the file name; nothing else is thrown, nothing hangs, and no parse allocates more than a
 * fixed multiple of the input's size (an unchecked size field would).
 */
class LoaderFuzzTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(40);

    @TempDir
    Path folder;

    @Test
    void mutantsOfATinyNnetFileLoadOrAreRefusedNamingFileAndLine() throws IOException {
        Summary summary = fuzzNnet(List.of(Files.readAllBytes(NnetLoaderTest.tiny())), 1000, 11L);

        assertThat(summary.accepted()).as("mutants that still load").isPositive();
        assertThat(summary.refused()).as("mutants refused").isPositive();
    }

    @Test
    void mutantsOfAnAcasXuNnetFileLoadOrAreRefusedNamingFileAndLine() throws IOException {
        Path acas = SharedData.require("acasxu/nnet/ACASXU_run2a_1_1_batch_2000.nnet");

        Summary summary = fuzzNnet(List.of(Files.readAllBytes(acas)), 60, 12L);

        assertThat(summary.refused()).isPositive();
    }

    @Test
    void mutantsOfSmallOnnxModelsLoadOrAreRefusedNamingTheFile() {
        Summary summary = fuzzOnnx(List.of(convNet(), TinyModel.foldedFlatten(), rawGemm()), 1000, 21L);

        assertThat(summary.accepted()).as("mutants that still load").isPositive();
        assertThat(summary.refused()).as("mutants refused").isPositive();
    }

    @Test
    void structuralMutantsOfSmallOnnxModelsLoadOrAreRefusedNamingTheFile() {
        Summary summary = Fuzzer.run(new Campaign("onnx-structure", 500, 23L, HANG_GUARD,
                LoaderFuzzTest::onnxStructureBudget), List.of(convNet(), TinyModel.foldedFlatten(), rawGemm()),
                new OnnxStructureMutator(), input -> evaluateAtZero(OnnxLoader.load(input, "fuzz.onnx", "fuzz.onnx")),
                cleanRefusal("fuzz.onnx: "));

        assertThat(summary.accepted()).as("mutants that still load").isPositive();
        assertThat(summary.refused()).as("mutants refused").isPositive();
    }

    @Test
    void mutantsOfRealOnnxModelsLoadOrAreRefusedNamingTheFile() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(Files.readAllBytes(SharedData.require("acasxu/onnx/ACASXU_run2a_1_1_batch_2000.onnx")));
        for (String name : List.of("test_nano.onnx", "test_tiny.onnx", "test_small.onnx")) {
            seeds.add(Files.readAllBytes(SharedData.require("vnncomp2021/test/" + name)));
        }

        Summary summary = fuzzOnnx(seeds, 100, 22L);

        assertThat(summary.refused()).isPositive();
    }

    @Test
    void aShapeNodeWithoutInputIsRefusedNamingTheNode() {
        byte[] model = new TinyModel(13, 1, 2)
                .node("Shape", "shape", names(), names("s"))
                .node("Relu", "x", "y")
                .bytes("y", 1, 2);

        assertThatThrownBy(() -> OnnxLoader.load(model, "fuzz.onnx", "fuzz.onnx"))
                .isInstanceOf(NetworkFormatException.class)
                .hasMessage("fuzz.onnx: node 'shape' (Shape): input 0 is missing");
    }

    private Summary fuzzNnet(List<byte[]> seeds, int mutants, long seed) {
        Path file = folder.resolve("fuzz.nnet");
        String name = file.toString();
        return Fuzzer.run(new Campaign("nnet", mutants, seed, HANG_GUARD, LoaderFuzzTest::allocationBudget), seeds,
                input -> {
                    Files.write(file, input);
                    evaluateAtZero(NnetLoader.load(file));
                }, cleanRefusal(name + ": line "));
    }

    private static Summary fuzzOnnx(List<byte[]> seeds, int mutants, long seed) {
        return Fuzzer.run(new Campaign("onnx", mutants, seed, HANG_GUARD, LoaderFuzzTest::allocationBudget), seeds,
                input -> evaluateAtZero(OnnxLoader.load(input, "fuzz.onnx", "fuzz.onnx")),
                cleanRefusal("fuzz.onnx: "));
    }

    /** A parse may allocate 256 bytes per input byte and 64 MiB besides: far below what a 10^9 size would take. */
    private static long allocationBudget(long inputBytes) {
        return 256 * inputBytes + (64L << 20);
    }

    /**
     * A model whose input shape claims up to {@link ConstantTensor#MAX_ELEMENTS} elements legitimately makes layers
     * of that size (a ReLU needs no weights), with index tables of a few ints per element: 48 bytes per element of
     * the largest tensor the loader accepts, besides the per-byte budget.
     */
    private static long onnxStructureBudget(long inputBytes) {
        return allocationBudget(inputBytes) + 48L * ConstantTensor.MAX_ELEMENTS;
    }

    private static Predicate<Throwable> cleanRefusal(String prefix) {
        return t -> t instanceof BadInputException && t.getMessage() != null && t.getMessage().startsWith(prefix);
    }

    private static void evaluateAtZero(Network network) {
        network.evaluate(new double[network.inputShape().size()]);
    }

    /** x [1,1,4,4] -> Conv 2x1x3x3 (pad 1) -> Relu -> MaxPool 2x2 -> Flatten -> Gemm 8 -> 3. */
    static byte[] convNet() {
        double[] kernel = new double[18];
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] = (i % 5) - 2;
        }
        double[] dense = new double[24];
        for (int i = 0; i < dense.length; i++) {
            dense[i] = (i % 7) - 3;
        }
        return new TinyModel(13, 1, 1, 4, 4)
                .floats("W", new long[] {2, 1, 3, 3}, kernel)
                .floats("B", new long[] {2}, 0.5, -0.5)
                .node("Conv", "conv", names("x", "W", "B"), names("c"), intsAttribute("pads", 1, 1, 1, 1),
                        intsAttribute("kernel_shape", 3, 3))
                .node("Relu", "c", "r")
                .node("MaxPool", "pool", names("r"), names("m"), intsAttribute("kernel_shape", 2, 2),
                        intsAttribute("strides", 2, 2))
                .node("Flatten", "m", "f")
                .floats("D", new long[] {3, 8}, dense)
                .node("Gemm", "gemm", names("f", "D"), names("y"), intAttribute("transB", 1))
                .bytes("y", 1, 3);
    }

    /** x [1,3] -> Gemm with weights and bias in raw_data (as exporters write them) -> Relu -> y [1,2]. */
    static byte[] rawGemm() {
        return new TinyModel(13, 1, 3)
                .initializer(rawFloats("W", new long[] {2, 3}, 1, -2, 3, -4, 5, -6))
                .initializer(rawFloats("b", new long[] {2}, 0.25, -0.25))
                .node("Gemm", "gemm", names("x", "W", "b"), names("g"), intAttribute("transB", 1))
                .node("Relu", "g", "y")
                .bytes("y", 1, 2);
    }

    static TensorProto rawFloats(String name, long[] dims, double... values) {
        ByteBuffer raw = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            raw.putFloat((float) v);
        }
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
                .setRawData(ByteString.copyFrom(raw.array()));
        for (long d : dims) {
            t.addDims(d);
        }
        return t.build();
    }
}
