package io.exactline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class DemoCommandTest {
    private static Cli.Result demo(String resource) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new DemoCommand(resource));
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute();
        return new Cli.Result(code, out.toString(), err.toString());
    }

    @Test
    void missingBundledNetworkIsExplainedAsAnInternalFailure() {
        Cli.Result result = demo("/io/exactline/acasxu/onnx/absent.onnx");

        assertThat(result.code()).as("%s", result).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("error: the demo cannot run: this build has no bundled ACAS Xu network"
                + " (classpath resource /io/exactline/acasxu/onnx/absent.onnx is missing")
                .contains("./exactline line NETWORK --from A --to B");
    }

    @Test
    void bundledNetworkOfAFormatThisBuildCannotReadIsExplained() {
        Cli.Result result = demo("/io/exactline/cli/version.properties");

        assertThat(result.code()).as("%s", result).isEqualTo(1);
        assertThat(result.err()).startsWith("error: the demo cannot run: the bundled network"
                + " /io/exactline/cli/version.properties is a .properties file and this build reads only .nnet files");
    }
}
