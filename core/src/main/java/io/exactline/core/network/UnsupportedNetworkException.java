package io.exactline.core.network;

import io.exactline.core.BadInputException;

/** A network that an analysis cannot handle exactly, e.g. one with a sigmoid layer given to ExactLine. */
public class UnsupportedNetworkException extends BadInputException {
    private static final long serialVersionUID = 1L;

    public UnsupportedNetworkException(String message) {
        super(message);
    }
}
