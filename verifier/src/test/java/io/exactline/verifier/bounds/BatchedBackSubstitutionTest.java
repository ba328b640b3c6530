package io.exactline.verifier.bounds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

import io.exactline.core.network.Network;
import io.exactline.verifier.property.Box;

class BatchedBackSubstitutionTest {
    @Test
    void backSubstitutingUnitsInSmallBatchesGivesTheSameBoundsAsAllAtOnce() {
        Random random = new Random(5);
        for (int trial = 0; trial < 5; trial++) {
            Network network = TestNetworks.randomRelu(random, 2.0, 4, 30, 30, 30, 3);
            BoundNetwork net = BoundNetwork.of(network);
            double[] lower = new double[4];
            double[] upper = new double[4];
            for (int i = 0; i < 4; i++) {
                lower[i] = random.nextDouble() - 1;
                upper[i] = lower[i] + random.nextDouble();
            }
            Box box = new Box(lower, upper);
            LayerBounds whole = new BoundComputer(net, BoundOptions.FORWARD_BACKWARD)
                    .bounds(box, PartialPattern.free(net)).orElseThrow();
            // 2 rows of 30 cells: one unit per batch
            LayerBounds batched = new BoundComputer(net, BoundOptions.FORWARD_BACKWARD, 60)
                    .bounds(box, PartialPattern.free(net)).orElseThrow();

            assertThat(whole.unstableCount()).as("trial %d has unstable units to batch", trial).isPositive();
            for (int k = 0; k < 3; k++) {
                assertThat(batched.preActivationLower(k)).as("trial %d layer %d lower", trial, k)
                        .containsExactly(whole.preActivationLower(k));
                assertThat(batched.preActivationUpper(k)).as("trial %d layer %d upper", trial, k)
                        .containsExactly(whole.preActivationUpper(k));
            }
            assertThat(batched.outputLower()).containsExactly(whole.outputLower());
            assertThat(batched.outputUpper()).containsExactly(whole.outputUpper());
        }
    }
}
