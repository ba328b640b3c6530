package io.exactline.verifier.certificate;

import io.exactline.core.BadInputException;

/** A certificate file that cannot be read: the message is {@code "file:line: problem"} with a 1-based line. */
public class CertificateFormatException extends BadInputException {
    private static final long serialVersionUID = 1L;

    /**
     * @param file the file, as the user named it
     * @param line 1-based line
     * @param problem what is wrong
     */
    public CertificateFormatException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
    }
}
