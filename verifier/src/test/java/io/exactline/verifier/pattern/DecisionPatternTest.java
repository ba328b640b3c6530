package io.exactline.verifier.pattern;

import static io.exactline.verifier.encoding.TestNetworks.dense;
import static io.exactline.verifier.encoding.TestNetworks.network;
import static io.exactline.verifier.encoding.TestNetworks.relu;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.exactline.core.BadInputException;
import io.exactline.core.layer.LeakyRelu;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;
import io.exactline.core.network.UnsupportedNetworkException;

class DecisionPatternTest {
    /** z0 = (x0, x1 - 1); z1 = (y0_0 + y0_1, 2 y0_0 + y0_1); output y1_0 - y1_1. */
    private static final Network NET = network("hand",
            dense(new double[][] {{1, 0}, {0, 1}}, 0, -1), relu(2),
            dense(new double[][] {{1, 1}, {2, 1}}, 0, 0), relu(2),
            dense(new double[][] {{1, -1}}, 0));

    /** Like {@link #NET} but layer-1 neuron 1 reads only layer-0 neuron 0. */
    private static final Network SPARSE = network("sparse",
            dense(new double[][] {{1, 0}, {0, 1}}, 0, -1), relu(2),
            dense(new double[][] {{1, 1}, {1, 0}}, 0, 0), relu(2),
            dense(new double[][] {{1, -1}}, 0));

    @Test
    void signatureIsOnExactlyWherePreActivationIsPositive() {
        PatternNetwork net = PatternNetwork.of(NET);
        // x = (2, 0.5): z0 = (2, -0.5) -> on, off; layer 1: (2, 4) -> on, on.
        DecisionPattern sigma = net.signature(new double[] {2, 0.5});
        assertThat(sigma.encode()).isEqualTo("10/11");
        assertThat(sigma.isComplete()).isTrue();
        assertThat(sigma.constrainedCount()).isEqualTo(4);
        // x0 = 0 gives pre-activation exactly 0: off, as Relu's state.
        assertThat(net.signature(new double[] {0, 3}).encode()).isEqualTo("01/11");
    }

    @Test
    void freeingTheLastLayerKeepsClosedButFreeingAnEarlierNeuronBreaksIt() {
        PatternNetwork net = PatternNetwork.of(NET);
        DecisionPattern sigma = net.signature(new double[] {2, 0.5});
        assertThat(sigma.isClosed()).isTrue();
        assertThat(sigma.free(1, 0).isClosed()).isTrue();
        assertThat(sigma.freeLayer(1).isClosed()).isTrue();
        assertThat(sigma.free(0, 1).isClosed()).as("layer-1 neurons read layer-0 neuron 1").isFalse();
        assertThat(sigma.freeLayer(1).free(0, 1).isClosed()).isTrue();
        assertThat(net.unconstrained().isClosed()).isTrue();
        assertThat(net.unconstrained().constrainedCount()).isZero();
    }

    @Test
    void closednessFollowsTheNonZeroWeightsNotTheLayerShape() {
        PatternNetwork net = PatternNetwork.of(SPARSE);
        assertThat(net.dependencies(1, 1).stream().toArray()).containsExactly(0);
        assertThat(net.dependencies(1, 0).stream().toArray()).containsExactly(0, 1);
        DecisionPattern sigma = net.signature(new double[] {2, 0.5});
        // Freeing layer-0 neuron 1 only breaks layer-1 neuron 0, which reads it.
        assertThat(sigma.free(0, 1).isClosed()).isFalse();
        assertThat(sigma.free(0, 1).free(1, 0).isClosed()).isTrue();
    }

    @Test
    void encodeAndParseRoundTrip() {
        PatternNetwork net = PatternNetwork.of(NET);
        DecisionPattern p = net.signature(new double[] {2, 0.5}).free(1, 1);
        assertThat(p.encode()).isEqualTo("10/1*");
        assertThat(net.parse(p.encode())).isEqualTo(p);
    }

    @Test
    void parseNamesTheLayerAndPositionOfABadSymbol() {
        PatternNetwork net = PatternNetwork.of(NET);
        assertThatThrownBy(() -> net.parse("10/1x")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("layer 1 position 1").hasMessageContaining("'x'");
        assertThatThrownBy(() -> net.parse("10")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("2 ReLU layers");
        assertThatThrownBy(() -> net.parse("101/11")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("layer 0 has 3 neurons");
    }

    @Test
    void supportCountsThePointsWhoseActivationsFitThePattern() {
        PatternNetwork net = PatternNetwork.of(NET);
        DecisionPattern x0On = net.unconstrained().with(0, 0, NeuronState.ON);
        List<double[]> data = List.of(new double[] {1, 0}, new double[] {-1, 0}, new double[] {0, 0},
                new double[] {3, 3});
        // x0 >= 0 holds at 3 of 4 points (x0 = 0 is on the closed boundary).
        assertThat(x0On.support(data)).isEqualTo(0.75);
        assertThat(x0On.satisfiedBy(new double[] {-1, 0})).isFalse();
    }

    @Test
    void networksWithOtherActivationsAreRefusedNamingTheLayer() {
        Network leaky = network("leaky", dense(new double[][] {{1}}, 0), new LeakyRelu(Shape.vector(1), 0.1),
                dense(new double[][] {{1}}, 0));
        assertThatThrownBy(() -> PatternNetwork.of(leaky)).isInstanceOf(UnsupportedNetworkException.class)
                .hasMessageContaining("leaky layer 1").hasMessageContaining("not a ReLU");
    }
}
