package io.exactline.verifier.bounds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.exactline.core.io.OnnxLoader;
import io.exactline.testkit.SharedData;
import io.exactline.verifier.property.Box;

/**
 * Brute force on the real ACAS Xu networks (VNN-COMP ONNX files): on the φ3 box and on two random boxes of the
 * normalised domain, 10^5 sampled inputs and every box corner (checked exactly) stay inside the layer bounds,
 * and sampled outputs stay above the bounds on {@code Y_0 - Y_j} (forward symbolic bounds, back-substitution,
 * 3 alpha-CROWN steps).
 */
class AcasXuSoundnessTest {

    @ParameterizedTest(name = "ACASXU_run2a_{0}")
    @CsvSource({"1_1", "2_5", "5_9"})
    void sampledInputsStayInsideTheBounds(String id) throws IOException {
        Path onnx = SharedData.require("acasxu/onnx/ACASXU_run2a_" + id + "_batch_2000.onnx");
        Path prop3 = SharedData.require("acasxu/vnnlib/prop_3.vnnlib");
        BoundNetwork net = BoundNetwork.of(OnnxLoader.load(onnx));
        BoundComputer computer = new BoundComputer(net, BoundOptions.FORWARD_BACKWARD.withAlphaSteps(3));
        SamplingCheck check = new SamplingCheck(net);
        Random random = new Random(id.hashCode());
        Box[] boxes = {AcasXuBoundsBench.inputBox(prop3), randomBox(random, 0.3), randomBox(random, 0.05)};
        int checked = 0;
        for (Box box : boxes) {
            LayerBounds b = computer.bounds(box, PartialPattern.free(net)).orElseThrow();
            checked += check.checkLayers(b, SamplingCheck.samples(box, 33_000, random), 32);
            for (int j = 1; j < 5; j++) {
                double[] objective = new double[5];
                objective[0] = 1;
                objective[j] = -1;
                ObjectiveBound bound = computer.lowerBound(b, objective);
                assertThat(bound.lower()).isFinite();
                check.checkObjective(objective, bound.lower(), b.pattern(),
                        SamplingCheck.samples(box, 3_000, random));
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(99_000);
    }

    /** A box of the given relative width at a random place in the normalised ACAS Xu domain. */
    private static Box randomBox(Random random, double fraction) {
        double[] lo = {-0.328423, -0.5, -0.5, -0.5, -0.5};
        double[] hi = {0.679858, 0.5, 0.5, 0.5, 0.5};
        double[] a = new double[5];
        double[] b = new double[5];
        for (int i = 0; i < 5; i++) {
            double w = (hi[i] - lo[i]) * fraction;
            a[i] = lo[i] + random.nextDouble() * (hi[i] - lo[i] - w);
            b[i] = a[i] + w;
        }
        return new Box(a, b);
    }
}
