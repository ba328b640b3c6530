package io.exactline.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.exactline.core.network.Network;

/** ONNX Runtime as the reference executor for models built in tests (input named {@code x}). */
final class OnnxRuntimeReference {

    private OnnxRuntimeReference() {
    }

    /** ONNX Runtime's output for input {@code x} of shape {@code dims}. */
    static double[] evaluate(byte[] model, double[] x, long... dims) throws OrtException {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        float[] xf = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            xf[i] = (float) x[i];
        }
        try (OrtSession session = environment.createSession(model, new OrtSession.SessionOptions());
                OnnxTensor tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(xf), dims);
                OrtSession.Result result = session.run(Map.of("x", tensor))) {
            FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
            double[] y = new double[out.remaining()];
            for (int i = 0; i < y.length; i++) {
                y[i] = out.get();
            }
            return y;
        }
    }

    /** Checks {@code network} (loaded from {@code model}) against ONNX Runtime on random float inputs in [-1, 1]. */
    static void assertAgrees(Network network, byte[] model, long... dims) throws OrtException {
        Random random = new Random(1);
        for (int trial = 0; trial < 5; trial++) {
            double[] x = new double[network.inputSize()];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (2 * random.nextDouble() - 1);
            }
            double[] expected = evaluate(model, x, dims);
            assertThat(network.evaluate(x)).as("input %s, layers %s", Arrays.toString(x), network.layers())
                    .containsExactly(expected, within(1e-5));
        }
    }
}
