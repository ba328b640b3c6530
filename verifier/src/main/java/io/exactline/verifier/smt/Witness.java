package io.exactline.verifier.smt;

import java.util.Arrays;
import java.util.List;

import org.apache.commons.numbers.fraction.BigFraction;

/**
 * An input point a solver found.
 *
 * @param exactInput the point in exact rationals: it lies in the queried region and satisfies the queried
 *                   condition for the network evaluated in exact arithmetic (the solver re-checks this)
 * @param input the same point rounded to doubles ({@link BigFraction#doubleValue()}, clamped into the box); the
 *              rounded point need not satisfy the condition when the network is evaluated in floating point, so
 *              a caller reporting a counterexample re-evaluates it
 */
public record Witness(List<BigFraction> exactInput, double[] input) {
    public Witness {
        exactInput = List.copyOf(exactInput);
        input = input.clone();
    }

    @Override
    public double[] input() {
        return input.clone();
    }

    /** The exact point as an array. */
    public BigFraction[] exactInputArray() {
        return exactInput.toArray(BigFraction[]::new);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Witness w && exactInput.equals(w.exactInput) && Arrays.equals(input, w.input);
    }

    @Override
    public int hashCode() {
        return exactInput.hashCode() * 31 + Arrays.hashCode(input);
    }

    @Override
    public String toString() {
        return "Witness[input=" + Arrays.toString(input) + ", exactInput=" + exactInput + "]";
    }
}
