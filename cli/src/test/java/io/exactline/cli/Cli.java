package io.exactline.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Runs the CLI in-process with captured stdout and stderr. */
final class Cli {
    private Cli() {
    }

    /** What one run printed and returned. */
    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Exactline.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** The test network {@code kinks.nnet} (see the comments in the file). */
    static String kinks() {
        return resource("kinks.nnet");
    }

    /** The test network {@code relus2.nnet}: {@code y0 = relu(x0) + relu(x1)}, {@code y1 = 0.6}. */
    static String relus2() {
        return resource("relus2.nnet");
    }

    private static String resource(String name) {
        try {
            return Path.of(Cli.class.getResource(name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
