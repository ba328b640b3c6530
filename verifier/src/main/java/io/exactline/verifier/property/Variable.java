package io.exactline.verifier.property;

/**
 * A variable of a property: network input {@code X_i} or network output {@code Y_j}, numbered from 0 in the
 * row-major order of the flattened input and output tensors (the VNN-LIB convention).
 */
public record Variable(Kind kind, int index) {

    /** Whether a variable is an input or an output of the network. */
    public enum Kind {
        INPUT("X"),
        OUTPUT("Y");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        /** The VNN-LIB name prefix, {@code X} or {@code Y}. */
        public String prefix() {
            return prefix;
        }
    }

    public Variable {
        if (kind == null) {
            throw new IllegalArgumentException("a variable needs a kind (input or output)");
        }
        if (index < 0) {
            throw new IllegalArgumentException("variable index " + index + " is negative");
        }
    }

    /** Input {@code X_i}. */
    public static Variable input(int i) {
        return new Variable(Kind.INPUT, i);
    }

    /** Output {@code Y_j}. */
    public static Variable output(int j) {
        return new Variable(Kind.OUTPUT, j);
    }

    /** This variable's value at the input {@code x} with outputs {@code y}. */
    public double valueAt(double[] x, double[] y) {
        return kind == Kind.INPUT ? x[index] : y[index];
    }

    /** The VNN-LIB name, e.g. {@code X_0} or {@code Y_3}. */
    @Override
    public String toString() {
        return kind.prefix + "_" + index;
    }
}
