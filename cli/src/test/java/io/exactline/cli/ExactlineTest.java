package io.exactline.cli;

import static io.exactline.cli.EvalCommandTest.assertBadInput;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Command;

class ExactlineTest {
    @Test
    void versionNamesTheBuildVersion() {
        Cli.Result result = Cli.run("--version");

        assertThat(result.code()).isZero();
        assertThat(result.out()).matches("exactline \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R");
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        Cli.Result result = Cli.run("--help");

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("eval", "line", "demo", "Exit codes:", "bad input");
    }

    @Test
    void noCommandIsBadInput() {
        assertBadInput(Cli.run(), "error: missing command: give one of eval, line, demo, acasxu");
    }

    @Test
    void unknownCommandIsBadInput() {
        assertBadInput(Cli.run("prove", "net.nnet"), "error: Unmatched arguments from index 0: 'prove', 'net.nnet'");
    }

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("a bug");
        }
    }

    @Test
    void anythingButBadInputIsAnInternalFailureWithExitCode1AndTheStackTrace() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new Boom());
        commandLine.setExecutionExceptionHandler(new Failures());
        commandLine.setErr(new PrintWriter(err));

        int code = commandLine.execute();

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("internal error: java.lang.IllegalStateException: a bug")
                .contains("at io.exactline.cli.ExactlineTest$Boom.call");
    }
}
