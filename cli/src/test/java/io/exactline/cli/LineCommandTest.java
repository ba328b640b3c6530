package io.exactline.cli;

import static io.exactline.cli.EvalCommandTest.assertBadInput;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.exactline.core.io.NnetLoader;
import io.exactline.core.line.ExactLine;
import io.exactline.core.line.LinePartition;
import io.exactline.testkit.SharedData;

class LineCommandTest {
    @TempDir
    Path temp;

    @Test
    void csvHasOneRowPerAffinePieceAndNeverMergesAdjacentPieces() {
        // Kinks at 0.25, 0.5, 0.75. y0 < y1 = 0.3 only on the second piece; the last two pieces agree on argmax
        // and argmin but are different affine pieces, so both are listed.
        Cli.Result result = Cli.run("line", Cli.kinks(), "--from", "0", "--to", "1");

        assertThat(result.code()).as("%s", result).isZero();
        assertThat(result.out()).isEqualTo("""
                t_start,t_end,argmax,argmin
                0.0000000000000000,0.25000000000000000,0,1
                0.25000000000000000,0.50000000000000000,1,0
                0.50000000000000000,0.75000000000000000,0,1
                0.75000000000000000,1.0000000000000000,0,1
                """);
        assertThat(result.err()).isEmpty();
    }

    @Test
    void jsonHasNetworkPiecesWithOutputsAtBothEndsAndPieceCount() {
        Cli.Result result = Cli.run("line", Cli.kinks(), "--from", "0", "--to", "1", "--format", "json");

        // Outputs y0 at t = 0, 0.25, 0.5, 0.75, 1: 0.5, 0.25, 0.25, 0.5, 0.75 + 0.1 * 0.25; y1 = 0.3 throughout.
        String yEnd = String.format(Locale.ROOT, "%.17g", 0.75 + 0.1 * 0.25);
        assertThat(result.code()).as("%s", result).isZero();
        assertThat(result.out()).isEqualTo("{\n"
                + "  \"network\": \"" + Cli.kinks() + "\",\n"
                + "  \"from\": [0.0000000000000000],\n"
                + "  \"to\": [1.0000000000000000],\n"
                + "  \"piece_count\": 4,\n"
                + "  \"pieces\": [\n"
                + "    {\"t_start\": 0.0000000000000000, \"t_end\": 0.25000000000000000, \"argmax\": 0, \"argmin\": 1,"
                + " \"output_start\": [0.50000000000000000, 0.30000000000000000],"
                + " \"output_end\": [0.25000000000000000, 0.30000000000000000]},\n"
                + "    {\"t_start\": 0.25000000000000000, \"t_end\": 0.50000000000000000, \"argmax\": 1, \"argmin\": 0,"
                + " \"output_start\": [0.25000000000000000, 0.30000000000000000],"
                + " \"output_end\": [0.25000000000000000, 0.30000000000000000]},\n"
                + "    {\"t_start\": 0.50000000000000000, \"t_end\": 0.75000000000000000, \"argmax\": 0, \"argmin\": 1,"
                + " \"output_start\": [0.25000000000000000, 0.30000000000000000],"
                + " \"output_end\": [0.50000000000000000, 0.30000000000000000]},\n"
                + "    {\"t_start\": 0.75000000000000000, \"t_end\": 1.0000000000000000, \"argmax\": 0, \"argmin\": 1,"
                + " \"output_start\": [0.50000000000000000, 0.30000000000000000],"
                + " \"output_end\": [" + yEnd + ", 0.30000000000000000]}\n"
                + "  ]\n"
                + "}\n");
    }

    @Test
    void formatNameIsCaseInsensitive() {
        Cli.Result upper = Cli.run("line", Cli.kinks(), "--from", "0", "--to", "1", "--format", "JSON");
        Cli.Result lower = Cli.run("line", Cli.kinks(), "--from", "0", "--to", "1", "--format", "json");

        assertThat(upper.out()).as("%s", upper).isEqualTo(lower.out());
    }

    @Test
    void acasXuRowsFromPointFilesAreTheExactLinePartitionToTheLastDigit() throws IOException {
        Path net = SharedData.require("acasxu/nnet/ACASXU_run2a_1_1_batch_2000.nnet");
        double[] a = {60760, 0.3, Math.PI, 800, 600};
        double[] b = {1000, -0.2, 3.0, 700, 500};
        Path from = Files.writeString(temp.resolve("a.txt"), "60760 0.3\n3.141592653589793 800 600\n");
        Path to = Files.writeString(temp.resolve("b.txt"), "1000,-0.2,3.0,700,500");

        Cli.Result result = Cli.run("line", net.toString(), "--from", "@" + from, "--to", "@" + to);

        LinePartition expected = ExactLine.partition(NnetLoader.load(net), a, b);
        List<String> rows = result.out().lines().toList();
        assertThat(result.code()).as("%s", result.err()).isZero();
        assertThat(rows).hasSize(expected.pieceCount() + 1);
        assertThat(expected.pieceCount()).isGreaterThan(10);
        for (int i = 0; i < expected.pieceCount(); i++) {
            String[] cells = rows.get(i + 1).split(",");
            assertThat(Double.parseDouble(cells[0])).as("row %d: %s", i, rows.get(i + 1)).isEqualTo(expected.ratio(i));
            assertThat(Double.parseDouble(cells[1])).as("row %d: %s", i, rows.get(i + 1)).isEqualTo(expected.ratio(i + 1));
            assertThat(Integer.parseInt(cells[2])).as("row %d", i).isEqualTo(expected.piece(i).argmax());
            assertThat(Integer.parseInt(cells[3])).as("row %d", i).isEqualTo(expected.piece(i).argmin());
        }
    }

    @Test
    void wrongDimensionOfTheEndPointIsBadInputNamingTheOption() {
        Cli.Result result = Cli.run("line", Cli.kinks(), "--from", "0", "--to", "1,2,3");

        assertBadInput(result, "error: --to has 3 values but " + Cli.kinks() + " takes 1 inputs");
    }

    @Test
    void infinityInAPointFileIsBadInputNamingFileAndPosition() throws IOException {
        Path to = Files.writeString(temp.resolve("b.txt"), "\n -Infinity\n");

        Cli.Result result = Cli.run("line", Cli.kinks(), "--from", "0", "--to", "@" + to);

        assertBadInput(result, "error: " + to + ": line 2, column 2: value 1 is '-Infinity'; inputs must be finite");
    }

    @Test
    void trailingCommaIsBadInput() {
        Cli.Result result = Cli.run("line", Cli.kinks(), "--from", "0,", "--to", "1");

        assertBadInput(result, "error: --from: column 2: a comma with no value after it");
    }

    @Test
    void unknownFormatIsBadInput() {
        Cli.Result result = Cli.run("line", Cli.kinks(), "--from", "0", "--to", "1", "--format", "xml");

        assertBadInput(result, "error: Invalid value for option '--format': expected one of [csv, json]");
    }

    @Test
    void unknownNetworkExtensionIsBadInput() throws IOException {
        Path net = Files.writeString(temp.resolve("net.h5"), "");

        Cli.Result result = Cli.run("line", net.toString(), "--from", "0", "--to", "1");

        assertBadInput(result, "error: " + net + ": unknown network format '.h5'");
    }
}
