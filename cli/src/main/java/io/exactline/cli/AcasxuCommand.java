package io.exactline.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code exactline acasxu ...}: the ACAS Xu commands. */
@Command(name = "acasxu", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"ACAS Xu advisories certified exactly along lines and on slices; properties phi1-phi10 verified.",
            "Networks: a bundled one by id x_y (x = previous advisory 1..5, y = tau index 1..9), or an .onnx/.nnet"
                + " file; inputs rho (ft), theta, psi (rad), vown, vint (ft/s); advisory = minimal score."},
        subcommands = {CertifyLineCommand.class, CertifySliceCommand.class, VerifyAllCommand.class})
final class AcasxuCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command: give certify-line, certify-slice or verify-all");
    }
}
