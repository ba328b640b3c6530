package io.exactline.core.network;

import io.exactline.core.BadInputException;

/**
 * A network file that cannot be read: the message starts with the file and the position in it (line, node or
 * tensor name), then the problem, e.g. {@code "net.nnet:12: expected 50 weights, found 49"}.
 */
public class NetworkFormatException extends BadInputException {
    private static final long serialVersionUID = 1L;

    /**
     * @param file the file, as the user named it
     * @param position where in the file: {@code "line 12"}, {@code "node 'Conv_3' (Conv)"}, ...
     * @param problem what is wrong and, where possible, what to do
     */
    public NetworkFormatException(String file, String position, String problem) {
        super(file + ": " + position + ": " + problem);
    }

    public NetworkFormatException(String file, String position, String problem, Throwable cause) {
        super(file + ": " + position + ": " + problem, cause);
    }
}
