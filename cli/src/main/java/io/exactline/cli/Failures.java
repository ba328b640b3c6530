package io.exactline.cli;

import java.io.PrintWriter;

import io.exactline.core.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Maps failures to exit codes and messages: bad arguments and {@link BadInputException} give exit code
 * {@value #BAD_INPUT} and one line on stderr; anything else is an internal failure, exit code {@value #INTERNAL},
 * with the stack trace.
 */
final class Failures implements IParameterExceptionHandler, IExecutionExceptionHandler {
    static final int INTERNAL = 1;
    static final int BAD_INPUT = 2;

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("error: " + oneLine(e.getMessage()) + "; see '" + command.getCommandSpec().qualifiedName()
                + " --help'");
        err.flush();
        return BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        if (e instanceof BadInputException) {
            err.println("error: " + oneLine(e.getMessage()));
            err.flush();
            return BAD_INPUT;
        }
        err.println("internal error: " + oneLine(String.valueOf(e)));
        e.printStackTrace(err);
        err.flush();
        return INTERNAL;
    }

    /** The message on one line, so that scripts can read it with a single line read. */
    static String oneLine(String message) {
        return message == null ? "(no message)" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
