package io.exactline.core.io;

import static io.exactline.core.io.TinyModel.intAttribute;
import static io.exactline.core.io.TinyModel.intsAttribute;
import static io.exactline.core.io.TinyModel.names;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import ai.onnx.proto.OnnxMl.TensorProto;
import io.exactline.core.network.Network;
import io.exactline.core.network.NetworkFormatException;

/**
 * ONNX models whose size fields (tensor dims, input shape, attributes) claim far more than the file holds or than
 * memory allows: each is refused before anything of the claimed size is allocated, with a message naming the file
 * and the tensor or node.
 */
class OnnxSizeFieldTest {

    private static void assertRefused(byte[] model, String... fragments) {
        assertThatThrownBy(() -> {
            Network network = OnnxLoader.load(model, "big.onnx", "big.onnx");
            network.evaluate(new double[network.inputShape().size()]);
        })
                .isInstanceOf(NetworkFormatException.class)
                .hasMessageStartingWith("big.onnx: ")
                .hasMessageContainingAll(fragments);
    }

    @Test
    void aTensorClaimingTenToTheTwelveElementsWithShortRawDataIsRefused() {
        byte[] model = new TinyModel(13, 1, 2)
                .initializer(LoaderFuzzTest.rawFloats("W", new long[] {1_000_000, 1_000_000}, 1, 2))
                .node("MatMul", "mm", names("x", "W"), names("y"))
                .bytes("y", 1, 1_000_000);

        assertRefused(model, "initializer 'W'", "[1000000, 1000000]");
    }

    @Test
    void dimensionsWhoseProductOverflowsALongAreRefusedNotWrappedToZero() {
        // 65536^4 = 2^64 wraps to 0 in a long: the empty tensor would pass a naive size check.
        byte[] model = new TinyModel(13, 1, 2)
                .initializer(TensorProto.newBuilder().setName("W").setDataType(TensorProto.DataType.FLOAT_VALUE)
                        .addDims(65536).addDims(65536).addDims(65536).addDims(65536).build())
                .node("MatMul", "mm", names("x", "W"), names("y"))
                .bytes("y", 1, 2);

        assertRefused(model, "initializer 'W'", "more than 2^63 elements");
    }

    @Test
    void aNetworkInputOfBillionsOfElementsIsRefused() {
        byte[] model = new TinyModel(13, 1, 50_000, 50_000)
                .node("Relu", "x", "y")
                .bytes("y", 1, 50_000, 50_000);

        assertRefused(model, "graph input 'x'", "elements");
    }

    @Test
    void hugePadsOnAConvolutionAreRefusedBeforeTheOutputIsSized() {
        byte[] model = new TinyModel(13, 1, 1, 2, 2)
                .floats("W", new long[] {1, 1, 1, 1}, 1)
                .node("Conv", "conv", names("x", "W"), names("y"), intsAttribute("pads", 100_000, 100_000, 100_000,
                        100_000))
                .bytes("y", 1, 1, 200_002, 200_002);

        assertRefused(model, "node 'conv'");
    }

    @Test
    void aZeroStrideIsRefused() {
        byte[] model = new TinyModel(13, 1, 1, 2, 2)
                .floats("W", new long[] {1, 1, 1, 1}, 1)
                .node("Conv", "conv", names("x", "W"), names("y"), intsAttribute("strides", 0, 0))
                .bytes("y", 1, 1, 2, 2);

        assertRefused(model, "node 'conv'");
    }

    @Test
    void aZeroGroupIsRefused() {
        byte[] model = new TinyModel(13, 1, 1, 2, 2)
                .floats("W", new long[] {1, 1, 1, 1}, 1)
                .node("Conv", "conv", names("x", "W"), names("y"), intAttribute("group", 0))
                .bytes("y", 1, 1, 2, 2);

        assertRefused(model, "node 'conv'");
    }

    @Test
    void aReshapeToAHugeShapeIsRefused() {
        byte[] model = new TinyModel(13, 1, 2)
                .ints("shape", 1, 1_000_000_000_000L)
                .node("Reshape", "reshape", names("x", "shape"), names("y"))
                .bytes("y", 1, 2);

        assertRefused(model, "node 'reshape'");
    }

    @Test
    void aConstantOfShapeClaimingAHugeTensorIsRefused() {
        byte[] model = new TinyModel(13, 1, 2)
                .ints("shape", 100_000, 100_000)
                .node("ConstantOfShape", "fill", names("shape"), names("c"))
                .node("Add", "add", names("x", "c"), names("y"))
                .bytes("y", 1, 2);

        assertRefused(model, "node 'fill'");
    }

    @Test
    void aBroadcastOfTheInputAgainstAHugeConstantShapeIsRefused() {
        byte[] model = new TinyModel(13, 1, 2)
                .ints("shape", 60_000, 60_000, 2)
                .node("Expand", "expand", names("x", "shape"), names("y"))
                .bytes("y", 60_000, 60_000, 2);

        assertRefused(model, "node 'expand'");
    }
}
