package io.exactline.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.exactline.core.layer.Layer;
import io.exactline.core.network.Network;
import io.exactline.testkit.SharedData;

/**
 * Every benchmark network loaded by {@link OnnxLoader} computes what ONNX Runtime computes from the same file,
 * on random inputs from the network's input domain.
 */
class OnnxRuntimeCrossCheckTest {
    private static final int INPUTS_PER_NETWORK = 20;
    private static final double TOLERANCE = 1e-5;

    /** A network under test with the box its random inputs come from (per input: low, high). */
    record Benchmark(String path, double[] low, double[] high) {
        @Override
        public String toString() {
            return path;
        }
    }

    static Stream<Benchmark> benchmarks() {
        List<Benchmark> all = new ArrayList<>();
        double[] acasLow = {-0.33, -0.5, -0.5, -0.5, -0.5};
        double[] acasHigh = {0.68, 0.5, 0.5, 0.5, 0.5};
        for (int a = 1; a <= 5; a++) {
            for (int b = 1; b <= 9; b++) {
                all.add(new Benchmark("acasxu/onnx/ACASXU_run2a_" + a + "_" + b + "_batch_2000.onnx", acasLow,
                        acasHigh));
            }
        }
        for (String name : List.of("test_nano", "test_tiny", "test_small")) {
            all.add(new Benchmark("vnncomp2021/test/" + name + ".onnx", new double[] {-2}, new double[] {2}));
        }
        for (String name : List.of("test_sat", "test_unsat")) {
            all.add(new Benchmark("vnncomp2021/test/" + name + ".onnx", acasLow, acasHigh));
        }
        String[] images = {"mnistfc/mnist-net_256x2", "mnistfc/mnist-net_256x4", "mnistfc/mnist-net_256x6",
            "verivital/Convnet_avgpool", "verivital/Convnet_maxpool", "marabou-cifar10/nets/cifar10_small",
            "marabou-cifar10/nets/cifar10_medium", "marabou-cifar10/nets/cifar10_large"};
        for (String name : images) {
            all.add(new Benchmark("vnncomp2021/" + name + ".onnx", new double[] {0}, new double[] {1}));
        }
        // oval21 inputs are normalised per channel: (pixel - mean) / 0.225 with means 0.406 to 0.485
        for (String name : List.of("cifar_base_kw", "cifar_deep_kw", "cifar_wide_kw")) {
            all.add(new Benchmark("vnncomp2021/oval21/nets/" + name + ".onnx", new double[] {-2.2},
                    new double[] {2.7}));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("benchmarks")
    void agreesWithOnnxRuntime(Benchmark benchmark) throws OrtException {
        Path file = SharedData.require(benchmark.path());
        Network network = OnnxLoader.load(file);
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession session = environment.createSession(file.toString(), new OrtSession.SessionOptions())) {
            String inputName = session.getInputNames().iterator().next();
            long[] shape = ((TensorInfo) session.getInputInfo().get(inputName).getInfo()).getShape();
            for (int k = 0; k < shape.length; k++) {
                shape[k] = Math.max(shape[k], 1);
            }
            assertThat(Arrays.stream(shape).reduce(1, (a, b) -> a * b)).as("input size")
                    .isEqualTo(network.inputSize());
            Random random = new Random(benchmark.path().hashCode());
            double worst = 0;
            for (int trial = 0; trial < INPUTS_PER_NETWORK; trial++) {
                float[] x = new float[network.inputSize()];
                double[] xd = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    double low = benchmark.low()[i % benchmark.low().length];
                    double high = benchmark.high()[i % benchmark.high().length];
                    x[i] = (float) (low + random.nextDouble() * (high - low));
                    xd[i] = x[i];
                }
                float[] expected;
                try (OnnxTensor tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(x), shape);
                        OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
                    FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
                    expected = new float[out.remaining()];
                    out.get(expected);
                }
                double[] actual = network.evaluate(xd);
                assertThat(actual).as("output size").hasSize(expected.length);
                for (int j = 0; j < actual.length; j++) {
                    double error = Math.abs(actual[j] - expected[j]) / Math.max(1, Math.abs(expected[j]));
                    worst = Math.max(worst, error);
                    assertThat(error).as("%s output %d: ours %s, ONNX Runtime %s, at input %s", benchmark, j,
                            actual[j], expected[j], Arrays.toString(x)).isLessThanOrEqualTo(TOLERANCE);
                }
            }
            System.out.printf("cross-check %s: %s; worst relative error %.2e%n", benchmark, summary(network), worst);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("benchmarks")
    void loadsAsPiecewiseLinear(Benchmark benchmark) {
        Network network = OnnxLoader.load(SharedData.require(benchmark.path()));

        assertThat(network.isPiecewiseLinear()).as("%s layers %s", benchmark, summary(network)).isTrue();
        assertThat(network.source()).isEqualTo(Path.of(benchmark.path()).getFileName().toString());
    }

    static String summary(Network network) {
        StringBuilder s = new StringBuilder();
        for (Layer layer : network.layers()) {
            if (s.length() > 0) {
                s.append(", ");
            }
            s.append(layer.describe());
        }
        return s.toString();
    }
}
