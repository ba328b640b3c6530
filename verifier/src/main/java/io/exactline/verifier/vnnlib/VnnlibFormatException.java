package io.exactline.verifier.vnnlib;

import io.exactline.core.BadInputException;

/**
 * A VNN-LIB file that cannot be read as a property: the message is {@code "file:line:column: problem"}, with
 * 1-based line and column of the offending token (or of the construct the problem is about).
 */
public class VnnlibFormatException extends BadInputException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;

    /**
     * @param file the file, as the user named it
     * @param line 1-based line
     * @param column 1-based column
     * @param problem what is wrong and, where possible, what to do
     */
    public VnnlibFormatException(String file, int line, int column, String problem) {
        super(file + ":" + line + ":" + column + ": " + problem);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /** The file, as the user named it. */
    public String file() {
        return file;
    }

    /** The 1-based line. */
    public int line() {
        return line;
    }

    /** The 1-based column. */
    public int column() {
        return column;
    }
}
