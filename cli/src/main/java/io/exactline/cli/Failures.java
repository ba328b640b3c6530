package io.exactline.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

import io.exactline.core.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Maps failures to exit codes and messages: bad arguments, {@link BadInputException} and a file system refusing a
 * path the user gave ({@link FileSystemException}: missing folder, no permission, a file where a folder should be)
 * give exit code {@value #BAD_INPUT} and one line on stderr; anything else is an internal failure, exit code {@value #INTERNAL},
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
        FileSystemException refused = e instanceof UncheckedIOException u && u.getCause() instanceof FileSystemException f
                ? f : e instanceof FileSystemException f ? f : null;
        if (refused != null) {
            err.println("error: " + oneLine(describe(refused)));
            err.flush();
            return BAD_INPUT;
        }
        err.println("internal error: " + oneLine(String.valueOf(e)));
        e.printStackTrace(err);
        err.flush();
        return INTERNAL;
    }

    /**
     * A file system's refusal of a path the user gave (a missing folder, a file where a folder should be, no
     * permission), naming the path.
     */
    static String describe(FileSystemException e) {
        String problem;
        if (e instanceof NoSuchFileException) {
            problem = "no such file or folder";
        } else if (e instanceof AccessDeniedException) {
            problem = "permission denied";
        } else if (e instanceof FileAlreadyExistsException) {
            problem = "already exists as a file where a folder or a new file was expected";
        } else if (e instanceof NotDirectoryException) {
            problem = "is not a folder";
        } else {
            problem = e.getReason() == null ? e.getClass().getSimpleName() : e.getReason();
        }
        return e.getFile() + ": " + problem + (e.getOtherFile() == null ? "" : " (with " + e.getOtherFile() + ")");
    }

    /** The message on one line, so that scripts can read it with a single line read. */
    static String oneLine(String message) {
        return message == null ? "(no message)" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
