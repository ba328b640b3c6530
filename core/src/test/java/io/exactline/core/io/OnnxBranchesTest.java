package io.exactline.core.io;

import static io.exactline.core.io.TinyModel.intAttribute;
import static io.exactline.core.io.TinyModel.intsAttribute;
import static io.exactline.core.io.TinyModel.names;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

import ai.onnxruntime.OrtException;
import io.exactline.core.layer.Merge;
import io.exactline.core.layer.Parallel;
import io.exactline.core.network.Network;

/** Graphs that fork and join again (Concat, residual Add) load as one Parallel layer and agree with ONNX Runtime. */
class OnnxBranchesTest {

    private static Network load(byte[] model) {
        return OnnxLoader.load(model, "branches.onnx", "branches.onnx");
    }

    private static double[] gaussians(Random random, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }

    @Test
    void residualAddBecomesAParallelSumAfterTheSharedPrefix() throws OrtException {
        Random random = new Random(3);
        byte[] model = new TinyModel(13, 1, 3)
                .floats("W1", new long[] {3, 4}, gaussians(random, 12))
                .floats("W2", new long[] {4, 4}, gaussians(random, 16))
                .floats("b2", new long[] {4}, gaussians(random, 4))
                .node("MatMul", "in", names("x", "W1"), names("a"))
                .node("Relu", "relu1", names("a"), names("h"))
                .node("MatMul", "inner", names("h", "W2"), names("m"))
                .node("Add", "bias", names("m", "b2"), names("n"))
                .node("Relu", "relu2", names("n"), names("r"))
                .node("Add", "residual", names("h", "r"), names("y"))
                .bytes("y", 1, 4);

        Network network = load(model);

        assertThat(network.layers()).hasSize(3);
        Parallel join = (Parallel) network.layers().get(2);
        assertThat(join.merge()).isEqualTo(new Merge.Sum());
        assertThat(join.branches()).hasSize(2);
        assertThat(join.unitCount()).as("the second branch's ReLU").isEqualTo(4);
        OnnxRuntimeReference.assertAgrees(network, model, 1, 3);
    }

    @Test
    void channelConcatOfConvolutionBranchesMatchesOnnxRuntime() throws OrtException {
        Random random = new Random(4);
        byte[] model = new TinyModel(13, 1, 2, 5, 5)
                .floats("K1", new long[] {3, 2, 3, 3}, gaussians(random, 54))
                .floats("K2", new long[] {2, 2, 1, 1}, gaussians(random, 4))
                .floats("W", new long[] {2, 3 * 2 * 2 + 2 * 2 * 2}, gaussians(random, 40))
                .node("Conv", "wide", names("x", "K1"), names("c1"), intsAttribute("pads", 1, 1, 1, 1))
                .node("Relu", "relu", names("c1"), names("r1"))
                .node("Conv", "narrow", names("x", "K2"), names("c2"))
                .node("Concat", "join", names("r1", "c2"), names("j"), intAttribute("axis", 1))
                .node("MaxPool", "pool", names("j"), names("p"), intsAttribute("kernel_shape", 2, 2),
                        intsAttribute("strides", 2, 2))
                .node("Flatten", "flat", names("p"), names("f"))
                .node("Gemm", "head", names("f", "W"), names("y"), intAttribute("transB", 1))
                .bytes("y", 1, 2);

        Network network = load(model);

        assertThat(network.layers().get(0)).isInstanceOf(Parallel.class);
        assertThat(((Parallel) network.layers().get(0)).merge()).isEqualTo(new Merge.Concat(0));
        OnnxRuntimeReference.assertAgrees(network, model, 1, 2, 5, 5);
    }

    @Test
    void branchThatIsTheForkedTensorItselfIsAnIdentityBranch() throws OrtException {
        Random random = new Random(5);
        byte[] model = new TinyModel(13, 1, 3)
                .floats("W", new long[] {3, 2}, gaussians(random, 6))
                .node("MatMul", "dense", names("x", "W"), names("d"))
                .node("Relu", "relu", names("d"), names("r"))
                .node("Concat", "skip", names("x", "r"), names("y"), intAttribute("axis", -1))
                .bytes("y", 1, 5);

        Network network = load(model);

        assertThat(network.layers()).hasSize(1);
        assertThat(network.outputSize()).isEqualTo(5);
        OnnxRuntimeReference.assertAgrees(network, model, 1, 3);
    }
}
