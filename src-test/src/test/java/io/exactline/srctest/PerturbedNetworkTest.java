package io.exactline.srctest;

import static io.exactline.junit.ExactlineAssertions.assertThat;
import static io.exactline.junit.ExactlineAssertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.exactline.core.layer.Dense;
import io.exactline.core.layer.Layer;
import io.exactline.core.network.Network;
import io.exactline.junit.NetworkFile;
import io.exactline.junit.ProofTest;
import io.exactline.junit.Vnnlib;
import io.exactline.verifier.property.Property;

/**
 * The suite can fail: N_1,1 with one output weight scaled (as a bad retraining might) violates ACAS Xu property 1,
 * and its proof fails with a counterexample, while the unchanged network satisfies it.
 *
 * <p>The weight scaled is the one from the most active last hidden unit at the centre of property 1's box to the
 * clear-of-conflict score {@code Y_0}, by the factor that puts {@code Y_0} there at 4.5, above property 1's bound
 * 3.9911 on {@code Y_0}.
 */
class PerturbedNetworkTest {
    private static final double COC_AT_CENTRE = 4.5;

    @ProofTest(timeout = 2, unit = TimeUnit.MINUTES)
    void aScaledOutputWeightBreaksProperty1WithACounterexample(@NetworkFile("acasxu:1_1") Network net,
            @Vnnlib("acasxu:prop_1") Property property1) {
        Network perturbed = withCocScoreRaisedAtTheCentre(net, property1.boundingBox().midpoint());

        assertThat(net).satisfies(property1);
        assertThatThrownBy(() -> assertThat(perturbed).satisfies(property1))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("to satisfy property acasxu:prop_1, but it does not.")
                .hasMessageContaining("input   x    = [")
                .hasMessageContaining("outputs f(x) = [")
                .hasMessageContaining("unsafe condition met:")
                .hasMessageContaining("Y_0");
    }

    private static Network withCocScoreRaisedAtTheCentre(Network net, double[] centre) {
        List<Layer> layers = new ArrayList<>(net.layers());
        Dense last = (Dense) layers.get(layers.size() - 1);
        List<double[]> activations = net.activations(centre);
        double[] hidden = activations.get(activations.size() - 2);
        int unit = 0;
        for (int h = 1; h < hidden.length; h++) {
            unit = hidden[h] > hidden[unit] ? h : unit;
        }
        double coc = net.evaluate(centre)[0];
        double[][] weights = last.weights();
        weights[0][unit] += (COC_AT_CENTRE - coc) / hidden[unit];
        layers.set(layers.size() - 1, new Dense(weights, last.bias()));
        return new Network(layers, net.source() + " with weight (COC, hidden unit " + unit + ") scaled");
    }
}
