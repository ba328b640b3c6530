package io.exactline.srctest;

import static io.exactline.junit.ExactlineAssertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.exactline.core.Vectors;
import io.exactline.core.attribution.Baseline;
import io.exactline.core.attribution.ExactAttribution;
import io.exactline.core.attribution.IntegratedGradients;
import io.exactline.core.io.OnnxLoader;
import io.exactline.core.network.Network;
import io.exactline.junit.ExactlineExtension;
import io.exactline.junit.NetworkFile;
import io.exactline.testkit.SharedData;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.vnnlib.VnnlibParser;

/**
 * Completeness of exact Integrated Gradients on real networks: the attributions add up to the change of the
 * attributed output, {@code Σ_i IG_i = F_k(x) − F_k(x')}, up to rounding, because the integral is summed exactly
 * over the ExactLine pieces of the segment from the baseline.
 */
@ExtendWith(ExactlineExtension.class)
class IntegratedGradientsCompletenessTest {
    private static final double TOLERANCE = 1e-9;

    @Test
    void everyAcasXuScoreOfAHeadOnEncounterOn1_1(@NetworkFile("acasxu:1_1") Network net) {
        double[] encounter = {0.0, 0.0, 0.5, 0.45, 0.45};
        for (int k = 0; k < net.outputSize(); k++) {
            ExactAttribution ig = IntegratedGradients.of(net).exact(encounter, Baseline.zeros(), k);
            assertThat(ig).as("score %d", k).satisfiesCompleteness(TOLERANCE);
        }
    }

    @Test
    void theCornerOfTheDomainAgainstItsCentreOn5_9(@NetworkFile("acasxu:5_9") Network net) {
        double[] corner = {0.68, 0.5, 0.5, 0.5, 0.5};
        ExactAttribution ig = IntegratedGradients.of(net).exact(corner, Baseline.zeros(), 0);
        assertThat(ig.pieceCount()).isGreaterThan(1);
        assertThat(ig).satisfiesCompleteness(TOLERANCE);
    }

    @Test
    void theWinningClassOfAnMnistImageAgainstBlack() {
        Network net = OnnxLoader.load(SharedData.require("vnncomp2021/mnistfc/mnist-net_256x4.onnx"));
        Path spec = SharedData.require("vnncomp2021/mnistfc/prop_0_0.03.vnnlib");
        Property property = VnnlibParser.parse(spec);
        double[] image = property.boundingBox().midpoint();
        int label = Vectors.argmax(net.evaluate(image));

        ExactAttribution ig = IntegratedGradients.of(net).exact(image, Baseline.zeros(), label);

        assertThat(ig.pieceCount()).isGreaterThan(1);
        assertThat(ig).satisfiesCompleteness(TOLERANCE);
    }
}
