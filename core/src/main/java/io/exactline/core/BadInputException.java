package io.exactline.core;

/**
 * Input that the user has to fix: a malformed file, a wrong dimension, a non-finite number, an operator or
 * layer an analysis cannot handle. The message names the file, position or shapes and says what to do; the CLI
 * turns it into one line on stderr and exit code 2.
 */
public class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
