package io.exactline.junit;

import java.util.List;

import io.exactline.core.layer.Dense;
import io.exactline.core.layer.Relu;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;
import io.exactline.verifier.property.Box;
import io.exactline.verifier.property.LinearInequality;
import io.exactline.verifier.property.OutputCondition;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.property.Variable;

/** Networks and properties small enough to check by hand. */
final class SmallNetworks {
    private SmallNetworks() {
    }

    /** {@code f(x0, x1) = (x0 + x1, x0 - x1)}. */
    static Network sumAndDifference() {
        return new Network(List.of(new Dense(new double[][] {{1, 1}, {1, -1}}, new double[] {0, 0})),
                "sum and difference");
    }

    /**
     * {@code f(x) = (relu(x) + relu(x - 1), 0.5)} on one input: affine on (-inf, 0], [0, 1], [1, inf); output 0
     * exceeds output 1 exactly for {@code x > 0.5}.
     */
    static Network twoKinks() {
        return new Network(List.of(new Dense(new double[][] {{1}, {1}}, new double[] {0, -1}),
                new Relu(Shape.vector(2)), new Dense(new double[][] {{1, 1}, {0, 0}}, new double[] {0, 0.5})),
                "two kinks");
    }

    /** On [0, 1]^2: "Y_0 >= bound", unsat for bound > 2 (x0 + x1 <= 2), sat for bound <= 2. */
    static Property firstOutputAtLeast(double bound) {
        return Property.of("Y_0 >= " + bound, new Box(new double[] {0, 0}, new double[] {1, 1}), 2,
                OutputCondition.of(LinearInequality.atLeast(Variable.output(0), bound)));
    }
}
