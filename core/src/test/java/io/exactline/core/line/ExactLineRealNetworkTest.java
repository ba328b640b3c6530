package io.exactline.core.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.exactline.core.io.NnetFile;
import io.exactline.core.io.NnetLoader;
import io.exactline.core.io.OnnxLoader;
import io.exactline.core.network.Network;
import io.exactline.testkit.SharedData;

/**
 * ExactLine on real networks: ACAS Xu (ONNX, and .nnet with its input clip and normalisation layers), a CIFAR-10
 * convolutional network and an MNIST network with max pooling, checked against direct evaluation, against the
 * straightforward algorithm (or the kernels without sweeping, shown equal to it on random conv nets) and (ACAS Xu)
 * against exact rationals.
 */
class ExactLineRealNetworkTest {
    private static final double[] ACAS_LOW = {-0.328423, -0.5, -0.5, -0.5, -0.5};
    private static final double[] ACAS_HIGH = {0.679858, 0.5, 0.5, 0.5, 0.5};

    private static Network load(String relative) {
        return OnnxLoader.load(SharedData.require(relative));
    }

    @Test
    void acasXuLinesAreExactAndTheReferenceDoubles() {
        Network network = load("acasxu/onnx/ACASXU_run2a_1_1_batch_2000.onnx");
        Random random = new Random(7);
        for (int line = 0; line < 5; line++) {
            double[] a = RandomNetworks.uniformPoint(random, ACAS_LOW, ACAS_HIGH);
            double[] b = RandomNetworks.uniformPoint(random, ACAS_LOW, ACAS_HIGH);
            LinePartition partition = ExactLine.partition(network, a, b);

            assertThat(partition.pieceCount()).isGreaterThan(10);
            PartitionProperties.assertExact(partition, 10_000);
            ExactLineFastPathTest.assertSame(partition, ReferenceExactLine.partition(network, a, b));
        }
    }

    @Test
    void acasXuLineIsTheExactRationalPartition() {
        Network network = load("acasxu/onnx/ACASXU_run2a_2_5_batch_2000.onnx");
        Random random = new Random(8);
        double[] a = RandomNetworks.uniformPoint(random, ACAS_LOW, ACAS_HIGH);
        double[] b = RandomNetworks.uniformPoint(random, ACAS_LOW, ACAS_HIGH);
        LinePartition partition = ExactLine.partition(network, a, b);

        PartitionComparison comparison = ExactLineRational.validate(partition);

        assertThat(comparison.exactPieces()).isGreaterThan(50);
        assertThat(comparison.samePieceCount()).as("%s", comparison).isTrue();
        assertThat(comparison.agrees(1e-12, PartitionProperties.tolerance(partition))).as("%s", comparison).isTrue();
    }

    @Test
    void acasXuNnetLinesThroughTheInputClipAreExact() {
        NnetFile file = NnetLoader.read(SharedData.require("acasxu/nnet/ACASXU_run2a_1_1_batch_2000.nnet"));
        Network network = file.network();
        double[] low = file.inputMin();
        double[] high = file.inputMax();
        double[] below = new double[low.length];
        double[] above = new double[low.length];
        for (int i = 0; i < low.length; i++) {
            below[i] = low[i] - 0.25 * (high[i] - low[i]);
            above[i] = high[i] + 0.25 * (high[i] - low[i]);
        }
        Random random = new Random(9);
        for (int line = 0; line < 4; line++) {
            double[] a = RandomNetworks.uniformPoint(random, line < 2 ? low : below, line < 2 ? high : above);
            double[] b = RandomNetworks.uniformPoint(random, line < 2 ? low : below, line < 2 ? high : above);
            LinePartition partition = ExactLine.partition(network, a, b);

            PartitionProperties.assertExact(partition, 5_000);
            ExactLineFastPathTest.assertSame(partition, ReferenceExactLine.partition(network, a, b));
            boolean clipped = false;
            for (int i = 0; i < partition.pieceCount(); i++) {
                clipped |= Arrays.stream(partition.patternOf(i).states(0)).anyMatch(state -> state != 1);
            }
            assertThat(clipped).as("line %d leaves the input box", line).isEqualTo(line >= 2);
        }
        double[] a = RandomNetworks.uniformPoint(random, below, above);
        double[] b = RandomNetworks.uniformPoint(random, below, above);
        PartitionComparison comparison = ExactLineRational.validate(ExactLine.partition(network, a, b));
        assertThat(comparison.samePieceCount()).as("%s", comparison).isTrue();
        assertThat(comparison.breakpointDistance()).as("%s", comparison).isLessThan(1e-12);
    }

    @Test
    void cifarConvolutionalLineFromZeroToAnImageIsExact() {
        Network network = load("vnncomp2021/oval21/nets/cifar_base_kw.onnx");
        Path spec = SharedData.require(
                "vnncomp2021/oval21/vnnlib/cifar_base_kw-img2908-eps0.019869281045751634.vnnlib");
        double[] zero = new double[network.inputSize()];
        double[] image = SpecBoxes.midpoint(spec, network.inputSize());

        LinePartition partition = ExactLine.partition(network, zero, image);

        assertThat(partition.pieceCount()).isGreaterThan(100);
        PartitionProperties.assertExact(partition, 1_000);
        ExactLineFastPathTest.assertClose(partition, new LineWorkspace(false).partition(network, zero, image));
    }

    @Test
    void mnistMaxPoolLineFromZeroToAnImageIsExact() {
        Network network = load("vnncomp2021/verivital/Convnet_maxpool.onnx");
        Path spec = SharedData.require("vnncomp2021/verivital/specs/maxpool_specs/prop_0_0.004.vnnlib");
        double[] zero = new double[network.inputSize()];
        double[] image = SpecBoxes.midpoint(spec, network.inputSize());

        LinePartition partition = ExactLine.partition(network, zero, image);

        assertThat(partition.pieceCount()).isGreaterThan(100);
        PartitionProperties.assertExact(partition, 1_000);
        ExactLineFastPathTest.assertSame(partition, new LineWorkspace(false).partition(network, zero, image));
    }
}
