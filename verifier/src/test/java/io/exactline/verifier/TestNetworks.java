package io.exactline.verifier;

import java.util.List;

import io.exactline.core.layer.Dense;
import io.exactline.core.layer.Relu;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;

/** Small networks whose outputs are easy to compute by hand. */
public final class TestNetworks {
    private TestNetworks() {
    }

    /** {@code f(x) = x} on one input. */
    public static Network identity() {
        return new Network(List.of(new Dense(new double[][] {{1}}, new double[] {0})), "identity");
    }

    /** {@code f(x) = (relu(x), relu(-x))}: never negative. */
    public static Network reluPair() {
        return new Network(List.of(new Dense(new double[][] {{1}, {-1}}, new double[] {0, 0}),
                new Relu(Shape.vector(2))), "relu pair");
    }

    /** {@code f(x0, x1) = (x0 + x1, x0 - x1)}. */
    public static Network sumAndDifference() {
        return new Network(List.of(new Dense(new double[][] {{1, 1}, {1, -1}}, new double[] {0, 0})),
                "sum and difference");
    }
}
