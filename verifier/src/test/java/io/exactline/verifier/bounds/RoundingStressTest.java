package io.exactline.verifier.bounds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.exactline.core.layer.Dense;
import io.exactline.core.layer.ElementwiseAffine;
import io.exactline.core.layer.Layer;
import io.exactline.core.layer.Relu;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;
import io.exactline.verifier.property.Box;

/**
 * Networks built so that plain floating-point propagation gets the answer wrong: sums where {@code 1e16} and
 * {@code 1} cancel, products that underflow, inexact scalings. Each case first shows that floating-point
 * evaluation differs from the exact value, then that every method's bounds contain the exact value.
 */
class RoundingStressTest {

    static Stream<Arguments> methods() {
        return Stream.of(
                Arguments.of("interval", BoundOptions.INTERVAL),
                Arguments.of("forward", BoundOptions.FORWARD),
                Arguments.of("backward", BoundOptions.BACKWARD),
                Arguments.of("forward+backward", BoundOptions.FORWARD_BACKWARD),
                Arguments.of("alpha", BoundOptions.FORWARD_BACKWARD.withAlphaSteps(5)));
    }

    private static Network net(Layer... layers) {
        return new Network(List.of(layers), "stress");
    }

    /** Checks every bound of every tensor and of the objective {@code y_0} against the exact value at {@code x}. */
    private static void assertContainsExact(Network network, BoundOptions options, Box box, double[] x) {
        BoundNetwork net = BoundNetwork.of(network);
        BoundComputer computer = new BoundComputer(net, options);
        LayerBounds b = computer.bounds(box, PartialPattern.free(net)).orElseThrow();
        SamplingCheck check = new SamplingCheck(net);
        assertThat(check.checkLayers(b, new double[][] {x}, 1)).isEqualTo(1);
        double[] objective = new double[net.outputSize()];
        objective[0] = 1;
        Dyadic exact = ExactEvaluator.evaluate(network, x)[0];
        double lower = computer.lowerBound(b, objective).lower();
        double upper = computer.upperBound(b, objective);
        assertThat(Dyadic.of(lower).compareTo(exact)).as("objective lower %s vs exact %s", lower, exact)
                .isLessThanOrEqualTo(0);
        assertThat(Dyadic.of(upper).compareTo(exact)).as("objective upper %s vs exact %s", upper, exact)
                .isGreaterThanOrEqualTo(0);
    }

    private static void assertFloatIsWrong(Network network, double[] x) {
        Dyadic exact = ExactEvaluator.evaluate(network, x)[0];
        double computed = network.evaluate(x)[0];
        assertThat(Dyadic.of(computed).compareTo(exact)).as("float %s vs exact %s", computed, exact).isNotZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void aSumWhereOneIsLostBetweenPlusAndMinusTenToTheSixteen(String name, BoundOptions options) {
        // z = 1e16 x0 + x1 - 1e16 x2 = 1 at x = (1, 1, 1); in floating point (1e16 + 1) - 1e16 = 0, so a naive
        // bound says z <= 0, the ReLU is off and y = relu(z) - 0.5 <= -0.5, while in truth y = 0.5.
        Network network = net(new Dense(new double[][] {{1e16, 1, -1e16}}, new double[] {0}),
                new Relu(Shape.vector(1)), new Dense(new double[][] {{1}}, new double[] {-0.5}));
        double[] x = {1, 1, 1};
        assertFloatIsWrong(network, x);
        assertContainsExact(network, options, new Box(x, x), x);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void backSubstitutedCoefficientsThatCancelToZeroInFloatingPoint(String name, BoundOptions options) {
        // Three active units h_i = x; y = 1e16 h_0 + h_1 - 1e16 h_2 = x exactly, but the back-substituted
        // coefficient of x is fl(fl(1e16 + 1) - 1e16) = 0.
        Network network = net(new Dense(new double[][] {{1}, {1}, {1}}, new double[] {0, 0, 0}),
                new Relu(Shape.vector(3)), new Dense(new double[][] {{1e16, 1, -1e16}}, new double[] {0}));
        Box box = new Box(new double[] {1}, new double[] {2});
        for (double x : new double[] {1, 1.5, 2}) {
            assertFloatIsWrong(network, new double[] {x});
            assertContainsExact(network, options, box, new double[] {x});
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void productsThatUnderflowToZeroStillCount(String name, BoundOptions options) {
        // z = 1e-200 * 1e-200 underflows to 0 in floating point but is positive; y = 1e300 relu(z) is 1e-100.
        Network network = net(new Dense(new double[][] {{1e-200}}, new double[] {0}), new Relu(Shape.vector(1)),
                new Dense(new double[][] {{1e300}}, new double[] {0}));
        double[] x = {1e-200};
        assertFloatIsWrong(network, x);
        assertContainsExact(network, options, new Box(x, x), x);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void inexactScalingsAndShifts(String name, BoundOptions options) {
        // 0.1 * 3 + 0.2 is not a double; the ReLU sits right at the rounded value.
        Network network = net(
                new ElementwiseAffine(Shape.vector(2), new double[] {0.1, 1.0 / 3}, new double[] {0.2, -1}),
                new Dense(new double[][] {{1, 3}}, new double[] {-0.5}), new Relu(Shape.vector(1)),
                new Dense(new double[][] {{1e17}}, new double[] {0}));
        double[] x = {3, 3};
        assertContainsExact(network, options, new Box(x, x), x);
        assertContainsExact(network, options, new Box(new double[] {2.5, 3}, new double[] {3, 3.5}), x);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void overflowGivesInfiniteBoundsNeverNaN(String name, BoundOptions options) {
        Network network = net(new Dense(new double[][] {{1e300, -1e300}, {1e300, 1e300}}, new double[] {0, 0}),
                new Relu(Shape.vector(2)), new Dense(new double[][] {{1e300, -1e300}}, new double[] {1}));
        BoundNetwork net = BoundNetwork.of(network);
        BoundComputer computer = new BoundComputer(net, options);
        Box box = new Box(new double[] {-1e10, -1e10}, new double[] {1e10, 1e10});
        LayerBounds b = computer.bounds(box, PartialPattern.free(net)).orElseThrow();
        assertThat(b.outputLower(0)).isNotNaN().isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(b.outputUpper(0)).isNotNaN().isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(computer.lowerBound(b, new double[] {1}).lower()).isEqualTo(Double.NEGATIVE_INFINITY);
    }
}
