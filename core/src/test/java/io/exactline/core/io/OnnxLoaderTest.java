package io.exactline.core.io;

import static io.exactline.core.io.TinyModel.floatAttribute;
import static io.exactline.core.io.TinyModel.intAttribute;
import static io.exactline.core.io.TinyModel.intsAttribute;
import static io.exactline.core.io.TinyModel.names;
import static io.exactline.core.io.TinyModel.stringAttribute;
import static io.exactline.core.io.TinyModel.tensorAttribute;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnxruntime.OrtException;
import io.exactline.core.layer.Conv2d;
import io.exactline.core.layer.Dense;
import io.exactline.core.layer.ElementwiseAffine;
import io.exactline.core.layer.HardTanh;
import io.exactline.core.layer.Layer;
import io.exactline.core.layer.Relu;
import io.exactline.core.layer.Reshape;
import io.exactline.core.layer.Sigmoid;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;

/** The loader on small models built in the test: hand-computed answers and ONNX Runtime as references. */
class OnnxLoaderTest {

    private static Network load(byte[] model) {
        return OnnxLoader.load(model, "tiny.onnx", "tiny.onnx");
    }

    private static double[] onnxRuntime(byte[] model, double[] x, long... dims) throws OrtException {
        return OnnxRuntimeReference.evaluate(model, x, dims);
    }

    private static void assertAgreesWithOnnxRuntime(byte[] model, long... dims) throws OrtException {
        OnnxRuntimeReference.assertAgrees(load(model), model, dims);
    }

    private static List<Class<?>> kinds(Network network) {
        return network.layers().stream().<Class<?>>map(Layer::getClass).toList();
    }

    @Test
    void gemmHonoursTransposesAlphaAndBeta() throws OrtException {
        // y = 2 * x B^T + 0.5 C with B = [[1, 2], [3, 4], [5, 6]], C = [1, 2, 3]: at x = [1, -1], x B^T = -1 each
        byte[] model = new TinyModel(13, 1, 2)
                .floats("B", new long[] {3, 2}, 1, 2, 3, 4, 5, 6)
                .floats("C", new long[] {3}, 1, 2, 3)
                .node("Gemm", "gemm", names("x", "B", "C"), names("y"), intAttribute("transB", 1),
                        floatAttribute("alpha", 2), floatAttribute("beta", 0.5))
                .bytes("y", 1, 3);

        Network network = load(model);

        assertThat(network.evaluate(new double[] {1, -1})).containsExactly(-1.5, -1, -0.5);
        assertThat(network.inputShape()).isEqualTo(Shape.of(2));
        assertAgreesWithOnnxRuntime(model, 1, 2);
    }

    @Test
    void matMulThenAddBecomesOneDenseLayerWithBias() {
        byte[] model = new TinyModel(13, 1, 2)
                .floats("W", new long[] {2, 2}, 1, 2, 3, 4)
                .floats("b", new long[] {2}, 10, 20)
                .node("MatMul", "mm", names("x", "W"), names("m"))
                .node("Add", "add", names("m", "b"), names("y"))
                .bytes("y", 1, 2);

        Network network = load(model);

        assertThat(kinds(network)).containsExactly(Dense.class);
        assertThat(((Dense) network.layers().get(0)).bias()).containsExactly(10, 20);
        // [1, 1] W = [4, 6]
        assertThat(network.evaluate(new double[] {1, 1})).containsExactly(14, 26);
    }

    @Test
    void constantMatrixOnTheLeftMultipliesColumnVector() {
        byte[] model = new TinyModel(13, 2)
                .floats("W", new long[] {1, 2}, 3, -1)
                .node("MatMul", "mm", names("W", "x"), names("y"))
                .bytes("y", 1);

        assertThat(load(model).evaluate(new double[] {2, 5})).containsExactly(1);
    }

    @Test
    void subAndDivBroadcastPerChannel() throws OrtException {
        // x of shape [1, 2, 1, 2]: channel 0 minus 1, channel 1 minus 2, all divided by 4
        byte[] model = new TinyModel(13, 1, 2, 1, 2)
                .floats("mean", new long[] {1, 2, 1, 1}, 1, 2)
                .floats("std", new long[] {1}, 4)
                .node("Sub", "sub", names("x", "mean"), names("s"))
                .node("Div", "div", names("s", "std"), names("y"))
                .bytes("y", 1, 2, 1, 2);

        Network network = load(model);

        assertThat(kinds(network)).containsExactly(ElementwiseAffine.class);
        assertThat(network.evaluate(new double[] {1, 5, 2, 10})).containsExactly(0, 1, 0, 2);
        assertAgreesWithOnnxRuntime(model, 1, 2, 1, 2);
    }

    @Test
    void batchNormalizationFoldsIntoPerChannelAffine() throws OrtException {
        // channel c: (x - mean) / sqrt(var + eps) * scale + B with eps = 0: channel 0 (x - 1) / 2 * 3 + 1,
        // channel 1 (x - 0) / 1 * 1 - 1
        byte[] model = new TinyModel(13, 1, 2, 1, 1)
                .floats("scale", new long[] {2}, 3, 1)
                .floats("B", new long[] {2}, 1, -1)
                .floats("mean", new long[] {2}, 1, 0)
                .floats("var", new long[] {2}, 4, 1)
                .node("BatchNormalization", "bn", names("x", "scale", "B", "mean", "var"), names("y"),
                        floatAttribute("epsilon", 0))
                .bytes("y", 1, 2, 1, 1);

        assertThat(load(model).evaluate(new double[] {5, 5})).containsExactly(7, 4);
        assertAgreesWithOnnxRuntime(model, 1, 2, 1, 1);
    }

    @Test
    void clipWithAttributesBecomesHardTanh() {
        byte[] model = new TinyModel(6, 1, 3)
                .node("Clip", "x", "y", floatAttribute("min", -1), floatAttribute("max", 2))
                .bytes("y", 1, 3);

        Network network = load(model);

        assertThat(kinds(network)).containsExactly(HardTanh.class);
        assertThat(network.evaluate(new double[] {-3, 0.5, 3})).containsExactly(-1, 0.5, 2);
    }

    @Test
    void clipWithInputsAndOneBoundIsExpressedWithRelu() throws OrtException {
        // max only: min(x, 2) = 2 - relu(2 - x); min only, 0: relu
        byte[] upper = new TinyModel(13, 1, 3)
                .floats("hi", new long[0], 2)
                .node("Clip", "clip", names("x", "", "hi"), names("y"))
                .bytes("y", 1, 3);
        byte[] relu = new TinyModel(13, 1, 3)
                .floats("lo", new long[0], 0)
                .node("Clip", "clip", names("x", "lo"), names("y"))
                .bytes("y", 1, 3);

        assertThat(load(upper).evaluate(new double[] {-3, 0.5, 3})).containsExactly(-3, 0.5, 2);
        assertThat(kinds(load(relu))).containsExactly(Relu.class);
        assertAgreesWithOnnxRuntime(upper, 1, 3);
    }

    @Test
    void reshapeCopiesZeroAndInfersMinusOne() {
        byte[] model = new TinyModel(13, 1, 2, 3)
                .ints("shape", 0, -1)
                .node("Reshape", "reshape", names("x", "shape"), names("r"))
                .floats("W", new long[] {6, 1}, 1, 2, 3, 4, 5, 6)
                .node("MatMul", "mm", names("r", "W"), names("y"))
                .bytes("y", 1, 1);

        Network network = load(model);

        assertThat(network.inputShape()).isEqualTo(Shape.of(2, 3));
        assertThat(network.evaluate(new double[] {1, 1, 1, 1, 1, 1})).containsExactly(21);
    }

    @Test
    void shapeArithmeticOnConstantsIsFoldedAtLoadTime() throws OrtException {
        // Reshape(x, Concat(Unsqueeze(Gather(Shape(x), 0)), [-1])): the flatten that exporters write out
        TensorProto minusOne = TensorProto.newBuilder().setDataType(TensorProto.DataType.INT64_VALUE).addDims(1)
                .addInt64Data(-1).build();
        byte[] model = new TinyModel(11, 1, 2, 2)
                .node("Shape", "x", "shape")
                .node("Constant", "zero", names(), names("zero"), tensorAttribute("value", TensorProto.newBuilder()
                        .setDataType(TensorProto.DataType.INT64_VALUE).addInt64Data(0).build()))
                .node("Constant", "minus_one", names(), names("minus_one"), tensorAttribute("value", minusOne))
                .node("Gather", "batch", names("shape", "zero"), names("batch"), intAttribute("axis", 0))
                .node("Unsqueeze", "batch", "batch_1d", intsAttribute("axes", 0))
                .node("Concat", "target", names("batch_1d", "minus_one"), names("target"), intAttribute("axis", 0))
                .node("Reshape", "flat", names("x", "target"), names("flat"))
                .node("Relu", "flat", "y")
                .bytes("y", 1, 4);

        Network network = load(model);

        assertThat(network.outputShape()).isEqualTo(Shape.of(4));
        assertThat(network.evaluate(new double[] {-1, 2, -3, 4})).containsExactly(0, 2, 0, 4);
        assertAgreesWithOnnxRuntime(model, 1, 2, 2);
    }

    @Test
    void sliceCastNegAndTransposeOnConstantsAreFolded() throws OrtException {
        // target = Concat(Slice(Shape(x), 0, 1), Cast(Neg(1.0))) = [1, -1]; W = Transpose([[1, 2, 3, 4]])
        byte[] model = new TinyModel(13, 1, 2, 2)
                .ints("start", 0)
                .ints("end", 1)
                .floats("one", new long[] {1}, 1)
                .floats("row", new long[] {1, 4}, 1, 2, 3, 4)
                .node("Shape", "x", "shape")
                .node("Slice", "batch", names("shape", "start", "end"), names("batch"))
                .node("Neg", "one", "minus_one")
                .node("Cast", "minus_one", "minus_one_int", intAttribute("to", TensorProto.DataType.INT64_VALUE))
                .node("Concat", "target", names("batch", "minus_one_int"), names("target"), intAttribute("axis", 0))
                .node("Reshape", "flat", names("x", "target"), names("flat"))
                .node("Transpose", "row", "column")
                .node("MatMul", "mm", names("flat", "column"), names("y"))
                .bytes("y", 1, 1);

        assertThat(load(model).evaluate(new double[] {1, 1, 1, -1})).containsExactly(2);
        assertAgreesWithOnnxRuntime(model, 1, 2, 2);
    }

    @Test
    void nhwcInputIsTransposedToChannelsFirst() throws OrtException {
        byte[] model = new TinyModel(13, -1, 2, 2, 3)
                .node("Transpose", "x", "y", intsAttribute("perm", 0, 3, 1, 2))
                .bytes("y", 1, 3, 2, 2);

        Network network = load(model);

        assertThat(network.inputShape()).isEqualTo(Shape.of(2, 2, 3));
        assertThat(network.outputShape()).isEqualTo(Shape.of(3, 2, 2));
        double[] x = new double[12];
        for (int i = 0; i < 12; i++) {
            x[i] = i;
        }
        // element (h, w, c) = 6h + 3w + c moves to (c, h, w)
        assertThat(network.evaluate(x)).containsExactly(0, 3, 6, 9, 1, 4, 7, 10, 2, 5, 8, 11);
        assertAgreesWithOnnxRuntime(model, 1, 2, 2, 3);
    }

    @Test
    void squeezeUnsqueezeIdentityAndDropoutAddNoComputingLayer() {
        byte[] model = new TinyModel(11, 1, 1, 3)
                .node("Squeeze", "x", "s", intsAttribute("axes", 1))
                .node("Identity", "s", "i")
                .node("Dropout", "i", "d")
                .node("Unsqueeze", "d", "u", intsAttribute("axes", 2))
                .node("Sigmoid", "u", "y")
                .bytes("y", 1, 3, 1);

        Network network = load(model);

        assertThat(kinds(network)).containsExactly(Reshape.class, Sigmoid.class);
        assertThat(network.outputShape()).isEqualTo(Shape.of(3, 1));
        assertThat(network.isPiecewiseLinear()).isFalse();
        assertThat(network.evaluate(new double[] {0, 0, 0})).containsExactly(0.5, 0.5, 0.5);
    }

    @Test
    void convolutionAndPoolingMatchOnnxRuntime() throws OrtException {
        Random random = new Random(2);
        double[] kernel = new double[4 * 1 * 3 * 3];
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] = random.nextGaussian();
        }
        byte[] model = new TinyModel(13, 1, 2, 7, 6)
                .floats("W", new long[] {4, 1, 3, 3}, kernel)
                .floats("B", new long[] {4}, 0.1, -0.2, 0.3, -0.4)
                .node("Conv", "conv", names("x", "W", "B"), names("c"), intAttribute("group", 2),
                        intsAttribute("strides", 2, 1), intsAttribute("pads", 1, 0, 2, 1),
                        intsAttribute("dilations", 1, 2))
                .node("MaxPool", "max", names("c"), names("m"), intsAttribute("kernel_shape", 2, 2),
                        intsAttribute("pads", 1, 1, 1, 1), intsAttribute("strides", 1, 1))
                .node("AveragePool", "avg", names("m"), names("a"), intsAttribute("kernel_shape", 3, 2),
                        stringAttribute("auto_pad", "SAME_UPPER"), intAttribute("count_include_pad", 1))
                .node("AveragePool", "avg2", names("a"), names("y"), intsAttribute("kernel_shape", 2, 2),
                        intsAttribute("pads", 0, 1, 1, 0))
                .bytes("y", 1, 4, 5, 4);

        Network network = load(model);

        assertThat(network.layers().get(0)).isInstanceOf(Conv2d.class);
        assertAgreesWithOnnxRuntime(model, 1, 2, 7, 6);
    }

    @Test
    void leakyReluAndTanhAndGlobalAveragePoolMatchOnnxRuntime() throws OrtException {
        byte[] model = new TinyModel(13, 1, 2, 3, 3)
                .node("LeakyRelu", "x", "l", floatAttribute("alpha", 0.2))
                .node("Tanh", "l", "t")
                .node("GlobalAveragePool", "t", "g")
                .node("Flatten", "g", "y")
                .bytes("y", 1, 2);

        assertAgreesWithOnnxRuntime(model, 1, 2, 3, 3);
    }

    @Test
    void rawAndTypedTensorDataDecodeAlike() {
        java.nio.ByteBuffer raw = java.nio.ByteBuffer.allocate(16).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        raw.putDouble(1.5).putDouble(-2.25);
        TensorProto doubles = TensorProto.newBuilder().setName("d").setDataType(TensorProto.DataType.DOUBLE_VALUE)
                .addDims(2).setRawData(com.google.protobuf.ByteString.copyFrom(raw.array())).build();
        TensorProto typed = TensorProto.newBuilder().setName("t").setDataType(TensorProto.DataType.DOUBLE_VALUE)
                .addDims(2).addDoubleData(1.5).addDoubleData(-2.25).build();
        TensorProto longs = TensorProto.newBuilder().setName("l").setDataType(TensorProto.DataType.INT64_VALUE)
                .addDims(2).setRawData(com.google.protobuf.ByteString.copyFrom(java.nio.ByteBuffer.allocate(16)
                        .order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(7).putLong(-3).array())).build();

        assertThat(ConstantTensor.decode(doubles).values()).containsExactly(1.5, -2.25);
        assertThat(ConstantTensor.decode(typed).values()).containsExactly(1.5, -2.25);
        assertThat(ConstantTensor.decode(longs).values()).containsExactly(7, -3);
        assertThat(ConstantTensor.decode(longs).integral()).isTrue();
    }
}
