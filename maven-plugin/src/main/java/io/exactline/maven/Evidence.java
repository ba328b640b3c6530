package io.exactline.maven;

import java.util.Arrays;

/**
 * A concrete point that decides a check: an input {@code x}, the network's outputs {@code y = f(x)} evaluated
 * there, and the constraint or expectation that {@code (x, y)} satisfies or breaks, in words.
 *
 * @param input the input {@code x}
 * @param output the outputs {@code f(x)}
 * @param constraint which constraint the point meets (a counterexample's violated property) or breaks (a line
 *     check's expectation)
 */
record Evidence(double[] input, double[] output, String constraint) {
    Evidence {
        input = input.clone();
        output = output.clone();
    }

    @Override
    public double[] input() {
        return input.clone();
    }

    @Override
    public double[] output() {
        return output.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Evidence e && Arrays.equals(input, e.input) && Arrays.equals(output, e.output)
                && constraint.equals(e.constraint);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(input) + Arrays.hashCode(output)) + constraint.hashCode();
    }

    @Override
    public String toString() {
        return "Evidence[x = " + Arrays.toString(input) + ", y = " + Arrays.toString(output) + "; " + constraint + "]";
    }
}
