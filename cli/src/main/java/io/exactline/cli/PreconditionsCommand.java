package io.exactline.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code exactline preconditions VERB}: decision-pattern preconditions of output properties. */
@Command(name = "preconditions", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Input preconditions: decision patterns of ReLU neurons that imply an output property.",
        subcommands = {MineCommand.class, ExplainCommand.class, DecomposeCommand.class})
final class PreconditionsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command: give mine, explain or decompose");
    }
}
