package io.exactline.verifier.verdict;

import java.util.Arrays;
import java.util.Optional;

import io.exactline.core.BadInputException;
import io.exactline.core.network.Network;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.property.PropertyMatch;

/**
 * A checked counterexample: an input {@code x} in the property's region whose outputs {@code y = f(x)},
 * evaluated on the network in double precision, satisfy the unsafe condition exactly (no tolerance).
 *
 * <p>The only way to obtain one is {@link #confirm}, which evaluates the network itself and checks the property,
 * so an engine cannot report a point it has not verified. Immutable.
 */
public final class Counterexample {
    private final double[] input;
    private final double[] output;
    private final PropertyMatch match;

    private Counterexample(double[] input, double[] output, PropertyMatch match) {
        this.input = input;
        this.output = output;
        this.match = match;
    }

    /**
     * Evaluates {@code network} at {@code input} and returns a counterexample if the input and its outputs lie in
     * the unsafe set of {@code property}; empty otherwise (including when {@code input} has a non-finite value).
     *
     * @throws BadInputException if the network and property disagree on the number of inputs
     *     or outputs, or {@code input} has the wrong length
     */
    public static Optional<Counterexample> confirm(Network network, Property property, double[] input) {
        property.requireCompatible(network);
        double[] x = input.clone();
        if (x.length != property.inputCount()) {
            throw new BadInputException("candidate counterexample has " + x.length
                    + " values but " + property.source() + " has " + property.inputCount() + " inputs");
        }
        if (!Arrays.stream(x).allMatch(Double::isFinite)) {
            return Optional.empty();
        }
        double[] y = network.evaluate(x);
        return property.match(x, y).map(m -> new Counterexample(x, y, m));
    }

    /** A copy of the input {@code x}. */
    public double[] input() {
        return input.clone();
    }

    /** A copy of the outputs {@code f(x)} as the network computed them. */
    public double[] output() {
        return output.clone();
    }

    /** Which case and disjunct of the property the point satisfies. */
    public PropertyMatch match() {
        return match;
    }

    /** The satisfied case and inequalities with their values, for messages. */
    public String description() {
        return match.description();
    }

    @Override
    public String toString() {
        return "Counterexample(x = " + Arrays.toString(input) + ", y = " + Arrays.toString(output) + "; "
                + match.description() + ")";
    }
}
