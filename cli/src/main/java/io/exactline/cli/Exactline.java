package io.exactline.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code exactline} command: one subcommand per verb. Exit codes: 0 success, 2 bad input (malformed or
 * missing files, wrong dimensions, non-finite numbers, unsupported layers, bad arguments) with one line on stderr,
 * 1 internal failure.
 */
@Command(name = "exactline", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Exact analysis of piecewise-linear neural networks.",
        subcommands = {EvalCommand.class, LineCommand.class, DemoCommand.class, AcasxuCommand.class, IgCommand.class,
            PlaneCommand.class, IgStudyCommand.class, IgRobustnessCommand.class, LinearityStudyCommand.class,
            PreconditionsCommand.class, VerifyCommand.class, CheckCertificateCommand.class, VnncompCommand.class,
            EnginesCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:internal failure (a bug: please report it with the stack trace)",
            "2:bad input: malformed or missing files, wrong input dimension, NaN or infinite numbers, unsupported"
                + " layers, bad arguments (one line on stderr)"})
public final class Exactline implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command: give one of eval, line, demo, acasxu, ig,"
                + " plane, ig-study, ig-robustness, linearity-study, preconditions, verify, vnncomp, engines");
    }

    /** The configured command line: no picocli @-file expansion (we read @FILE ourselves), our exit codes. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Exactline());
        Failures failures = new Failures();
        commandLine.setExpandAtFiles(false);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(failures);
        commandLine.setExecutionExceptionHandler(failures);
        return commandLine;
    }

    /** Runs the command line with {@code args}, writing to the given streams, and returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = commandLine();
        commandLine.setOut(out);
        commandLine.setErr(err);
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
