package io.exactline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.exactline.core.io.NnetLoader;
import io.exactline.testkit.SharedData;

class EvalCommandTest {
    private static final String NL = "\n";

    @TempDir
    Path temp;

    @Test
    void printsTheOutputsAsOneCommaSeparatedLineOf17SignificantDigits() {
        // x = 0.125: y0 = relu(-0.125) + relu(0.375) + 0.1 relu(-0.625) = 0.375, y1 = 0.3.
        Cli.Result result = Cli.run("eval", Cli.kinks(), "--input", "0.125");

        assertThat(result.code()).as("%s", result).isZero();
        assertThat(result.out()).isEqualTo("0.37500000000000000,0.30000000000000000" + NL);
        assertThat(result.err()).isEmpty();
    }

    @Test
    void acceptsNegativeNumbersAndClipsToTheNetworksInputBox() {
        // x = -0.5: y0 = relu(1) = 1. x = 20 is clipped to 10: y0 = 9.75 + 0.1 * 9.25.
        Cli.Result negative = Cli.run("eval", Cli.kinks(), "--input", "-0.5");
        Cli.Result clipped = Cli.run("eval", Cli.kinks(), "--input=20");

        assertThat(negative.out()).as("%s", negative).isEqualTo("1.0000000000000000,0.30000000000000000" + NL);
        assertThat(parse(clipped.out())).as("%s", clipped).containsExactly(9.75 + 0.1 * 9.25, 0.3);
    }

    @Test
    void printedNumbersReadBackToExactlyTheComputedDoubles() throws IOException {
        Path net = SharedData.require("acasxu/nnet/ACASXU_run2a_2_7_batch_2000.nnet");
        double[] x = {12345.678, -1.2345, 2.71828, 345.6, 987.65};
        Path point = Files.writeString(temp.resolve("x.txt"), "12345.678, -1.2345\n  2.71828\t345.6,\n987.65\n");

        Cli.Result inline = Cli.run("eval", net.toString(), "--input", "12345.678,-1.2345,2.71828,345.6,987.65");
        Cli.Result fromFile = Cli.run("eval", net.toString(), "--input", "@" + point);

        double[] expected = NnetLoader.load(net).evaluate(x);
        assertThat(parse(inline.out())).as("%s", inline).containsExactly(expected);
        assertThat(fromFile.out()).as("%s", fromFile).isEqualTo(inline.out());
        assertThat(inline.out()).as("one line, then nothing").endsWith(NL).hasLineCount(1);
    }

    @Test
    void nanInputIsBadInputNamingOptionAndPosition() {
        Cli.Result result = Cli.run("eval", Cli.kinks(), "--input", "NaN");

        assertBadInput(result, "error: --input: column 1: value 1 is 'NaN'; inputs must be finite numbers");
    }

    @Test
    void wrongDimensionIsBadInputNamingBothSizes() {
        Cli.Result result = Cli.run("eval", Cli.kinks(), "--input", "1,2");

        assertBadInput(result, "error: --input has 2 values but " + Cli.kinks() + " takes 1 inputs (shape [1])");
    }

    @Test
    void notANumberInAPointFileNamesFileLineAndColumn() throws IOException {
        Path point = Files.writeString(temp.resolve("x.txt"), "1.0,\n  2.O\n");

        Cli.Result result = Cli.run("eval", Cli.kinks(), "--input", "@" + point);

        assertBadInput(result, "error: " + point + ": line 2, column 3: value 2 '2.O' is not a number");
    }

    @Test
    void emptyValueBetweenCommasIsBadInput() {
        Cli.Result result = Cli.run("eval", Cli.kinks(), "--input", "1,,2");

        assertBadInput(result, "error: --input: column 3: a comma with no value before it");
    }

    @Test
    void missingPointFileIsBadInputNamingIt() {
        Path missing = temp.resolve("nope.txt");

        Cli.Result result = Cli.run("eval", Cli.kinks(), "--input", "@" + missing);

        assertBadInput(result, "error: " + missing + ": no such file (given as --input @" + missing + ")");
    }

    @Test
    void missingNetworkFileIsBadInputNamingIt() {
        Path missing = temp.resolve("absent.nnet");

        Cli.Result result = Cli.run("eval", missing.toString(), "--input", "1");

        assertBadInput(result, "error: " + missing + ": no such file");
    }

    @Test
    void malformedNetworkFileIsBadInputNamingFileAndLine() throws IOException {
        Path broken = Files.writeString(temp.resolve("broken.nnet"), "// comment\n2,1,2,3,\n1,3,\n");

        Cli.Result result = Cli.run("eval", broken.toString(), "--input", "1");

        assertBadInput(result, "error: " + broken + ": line 3: expected 3 layer sizes");
    }

    @Test
    void unknownOptionIsBadInput() {
        Cli.Result result = Cli.run("eval", Cli.kinks(), "--input", "1", "--frobnicate");

        assertBadInput(result, "error: Unknown option: '--frobnicate'; see 'exactline eval --help'");
    }

    @Test
    void missingInputOptionIsBadInput() {
        Cli.Result result = Cli.run("eval", Cli.kinks());

        assertBadInput(result, "error: Missing required option: '--input=X'");
    }

    /** Exit code 2, nothing on stdout, exactly one line on stderr starting with {@code start}. */
    static void assertBadInput(Cli.Result result, String start) {
        assertThat(result.code()).as("%s", result).isEqualTo(2);
        assertThat(result.out()).as("%s", result).isEmpty();
        assertThat(result.err()).as("%s", result).startsWith(start).endsWith(NL);
        assertThat(result.err().lines()).as("%s", result).hasSize(1);
    }

    static double[] parse(String line) {
        return Arrays.stream(line.strip().split(",")).mapToDouble(Double::parseDouble).toArray();
    }
}
