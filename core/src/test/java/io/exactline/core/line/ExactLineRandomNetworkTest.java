package io.exactline.core.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.exactline.core.line.RandomNetworks.Activation;
import io.exactline.core.network.Network;

/** ExactLine on random networks, checked against direct evaluation and dense sampling. */
class ExactLineRandomNetworkTest {

    @ParameterizedTest
    @EnumSource(Activation.class)
    void smallNetworksArePartitionedExactly(Activation activation) {
        Random random = new Random(11 + activation.ordinal());
        for (int n = 0; n < 4; n++) {
            Network network = n % 2 == 0
                    ? RandomNetworks.dense(random, activation, 2, 2, 8, 8)
                    : RandomNetworks.denseWithScaling(random, activation, 3, 2, 6, 10, 6);
            for (int line = 0; line < 3; line++) {
                double[] a = scaled(RandomNetworks.gaussianPoint(random, network.inputSize()), 3);
                double[] b = scaled(RandomNetworks.gaussianPoint(random, network.inputSize()), 3);
                LinePartition partition = ExactLine.partition(network, a, b);
                PartitionProperties.assertExact(partition, 10_000);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void mediumNetworksArePartitionedExactly(Activation activation) {
        Random random = new Random(23 + activation.ordinal());
        int totalPieces = 0;
        for (int n = 0; n < 3; n++) {
            Network network = n == 2
                    ? RandomNetworks.denseWithScaling(random, activation, 5, 5, 40, 40, 40)
                    : RandomNetworks.dense(random, activation, 5, 5, 30, 30, 30, 30);
            for (int line = 0; line < 2; line++) {
                double[] a = scaled(RandomNetworks.gaussianPoint(random, 5), 2);
                double[] b = scaled(RandomNetworks.gaussianPoint(random, 5), 2);
                LinePartition partition = ExactLine.partition(network, a, b);
                totalPieces += partition.pieceCount();
                PartitionProperties.assertExact(partition, 10_000);
            }
        }
        assertThat(totalPieces).as("the lines must cross many units to test anything").isGreaterThan(6 * 15);
    }

    private static double[] scaled(double[] x, double factor) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= factor;
        }
        return x;
    }
}
