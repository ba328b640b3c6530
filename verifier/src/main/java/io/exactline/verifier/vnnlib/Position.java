package io.exactline.verifier.vnnlib;

/** A 1-based line and column in a VNN-LIB file. */
record Position(int line, int column) {
    @Override
    public String toString() {
        return "line " + line + ", column " + column;
    }
}
