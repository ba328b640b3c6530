package io.exactline.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.exactline.core.BadInputException;
import io.exactline.core.layer.Dense;
import io.exactline.core.layer.ElementwiseAffine;
import io.exactline.core.layer.HardTanh;
import io.exactline.core.layer.Layer;
import io.exactline.core.layer.Relu;
import io.exactline.core.line.ActivationPattern;
import io.exactline.core.line.ExactLine;
import io.exactline.core.line.LinePartition;
import io.exactline.core.network.Network;
import io.exactline.core.network.NetworkFormatException;
import io.exactline.testkit.SharedData;

class NnetLoaderTest {
    @TempDir
    Path temp;

    static Path tiny() {
        try {
            return Path.of(NnetLoaderTest.class.getResource("tiny.nnet").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> tinyLines() throws IOException {
        return Files.readAllLines(tiny(), StandardCharsets.UTF_8);
    }

    @Test
    void tinyNetworkGivesHandComputedOutputs() {
        Network network = NnetLoader.load(tiny());

        // x = (0.5, 7.5): normalised (0.25, 0.25); hidden (0.75, 1, -0.25) -> relu (0.75, 1, 0);
        // outputs (1.25, -2), de-normalised * 4 + 1 = (6, -7).
        assertThat(network.evaluate(new double[] {0.5, 7.5})).containsExactly(new double[] {6, -7}, within(1e-12));
    }

    @Test
    void tinyNetworkClipsInputsToTheBoxBeforeNormalising() {
        Network network = NnetLoader.load(tiny());

        // x = (3, -5) is clipped to (1, 0), normalised (0.5, -0.5); hidden (-0.5, 0, 0.25) -> relu (0, 0, 0.25);
        // outputs (0.75, -0.5), de-normalised (4, -1).
        assertThat(network.evaluate(new double[] {3, -5})).containsExactly(new double[] {4, -1}, within(1e-12));
    }

    @Test
    void normalizedCoreMapsNormalisedInputsToNormalisedOutputs() {
        NnetFile file = NnetLoader.read(tiny());

        assertThat(file.normalizedNetwork().evaluate(new double[] {0.25, 0.25}))
                .containsExactly(new double[] {1.25, -2}, within(1e-15));
        // No clip in the core: u = (2, 0) gives hidden (2, -1, 0.75) -> (2, 0, 0.75), outputs (3.25, 0.5).
        assertThat(file.normalizedNetwork().evaluate(new double[] {2, 0}))
                .containsExactly(new double[] {3.25, 0.5}, within(1e-15));
    }

    @Test
    void exposesTheParsedParts() {
        NnetFile file = NnetLoader.read(tiny());

        assertThat(file.inputMin()).containsExactly(-1, 0);
        assertThat(file.inputMax()).containsExactly(1, 10);
        assertThat(file.inputMean()).containsExactly(0, 5);
        assertThat(file.inputRange()).containsExactly(2, 10);
        assertThat(file.outputMean()).isEqualTo(1);
        assertThat(file.outputRange()).isEqualTo(4);
        assertThat(file.layers()).hasSize(2);
        assertThat(file.layers().get(0).weights()).isDeepEqualTo(new double[][] {{1, 2}, {-1, 1}, {0.5, -0.5}});
        assertThat(file.layers().get(0).bias()).containsExactly(0, 1, -0.25);
        assertThat(file.layers().get(1).weights()).isDeepEqualTo(new double[][] {{1, 0, 1}, {0, -1, 2}});
        assertThat(file.layers().get(1).bias()).containsExactly(0.5, -1);
    }

    @Test
    void networkIsClipNormaliseCoreDenormaliseAsExplicitPiecewiseLinearLayers() {
        List<Class<?>> kinds = NnetLoader.load(tiny()).layers().stream().<Class<?>>map(Layer::getClass).toList();

        assertThat(kinds).containsExactly(ElementwiseAffine.class, HardTanh.class, ElementwiseAffine.class,
                ElementwiseAffine.class, Dense.class, Relu.class, Dense.class, ElementwiseAffine.class);
        assertThat(NnetLoader.read(tiny()).normalizedNetwork().layers().stream().<Class<?>>map(Layer::getClass))
                .containsExactly(Dense.class, Relu.class, Dense.class);
    }

    @Test
    void inputClipClipsEveryInputToItsOwnInterval() {
        Network clip = NnetLoader.read(tiny()).inputClip();

        assertThat(clip.evaluate(new double[] {-3, 4})).containsExactly(new double[] {-1, 4}, within(1e-15));
        assertThat(clip.evaluate(new double[] {0.5, 12})).containsExactly(new double[] {0.5, 10}, within(1e-15));
        assertThat(clip.evaluate(new double[] {2, -0.5})).containsExactly(new double[] {1, 0}, within(1e-15));
    }

    @Test
    void inputWithAnEmptyIntervalIsTheConstantMinimum() {
        Dense identity = new Dense(new double[][] {{1, 0}, {0, 1}}, new double[] {0, 0});
        NnetFile file = new NnetFile("pinned", List.of(identity), new double[] {-1, 3}, new double[] {1, 3},
                new double[] {0, 0}, new double[] {1, 1}, 0, 1);

        assertThat(file.network().evaluate(new double[] {0.5, -7})).containsExactly(0.5, 3);
        assertThat(file.network().evaluate(new double[] {0.5, 70})).containsExactly(0.5, 3);
    }

    @Test
    void exactLineSplitsWhereTheInputReachesTheBoxEdge() {
        // x0 runs 0 -> 3 with x1 = 5: clipped from x0 = 1, i.e. t = 1/3; the ReLUs do not change state on the way
        // (the third only touches 0 exactly where the clip starts).
        LinePartition partition = ExactLine.partition(NnetLoader.load(tiny()), new double[] {0, 5}, new double[] {3, 5});

        assertThat(partition.ratios()).containsExactly(new double[] {0, 1.0 / 3, 1}, within(1e-15));
        assertThat(partition.outputAtRatio(0)).containsExactly(new double[] {3, -7}, within(1e-12));
        assertThat(partition.outputAtRatio(1)).containsExactly(new double[] {5, -5}, within(1e-12));
        assertThat(partition.outputAtRatio(2)).containsExactly(new double[] {5, -5}, within(1e-12));
    }

    @Test
    void all45AcasXuNetworksLoadWithTheirDocumentedShape() {
        for (int x = 1; x <= 5; x++) {
            for (int y = 1; y <= 9; y++) {
                NnetFile file = NnetLoader.read(acasXu(x, y));

                assertThat(file.inputSize()).as(file.source()).isEqualTo(5);
                assertThat(file.outputSize()).as(file.source()).isEqualTo(5);
                assertThat(file.layers()).as(file.source()).hasSize(7);
                assertThat(file.inputMin()).as(file.source()).containsExactly(0.0, -3.141593, -3.141593, 100.0, 0.0);
                assertThat(file.inputMax()).as(file.source()).containsExactly(60760.0, 3.141593, 3.141593, 1200.0, 1200.0);
                assertThat(file.outputMean()).as(file.source()).isEqualTo(7.5188840201005975);
                assertThat(file.outputRange()).as(file.source()).isEqualTo(373.94992);
                assertThat(file.network().layers()).as(file.source()).hasSize(18);
                assertThat(file.normalizedNetwork().layers()).as(file.source()).hasSize(13);
            }
        }
    }

    @Test
    void acasXuMatchesTheReluplexFormulaComputedIndependently() throws IOException {
        Random random = new Random(20261123);
        // Sample 20% beyond the box on both sides so that clipping is exercised too.
        double[] lo = {-12152, -3.77, -3.77, -120, -240};
        double[] hi = {72912, 3.77, 3.77, 1420, 1440};
        for (int x = 1; x <= 5; x++) {
            for (int y = 1; y <= 9; y++) {
                Path path = acasXu(x, y);
                Network network = NnetLoader.load(path);
                ReferenceNnet reference = ReferenceNnet.read(path);
                for (int s = 0; s < 40; s++) {
                    double[] input = new double[5];
                    for (int i = 0; i < 5; i++) {
                        input[i] = lo[i] + random.nextDouble() * (hi[i] - lo[i]);
                    }
                    double[] expected = reference.evaluate(input);
                    double[] actual = network.evaluate(input);
                    for (int j = 0; j < 5; j++) {
                        assertThat(actual[j]).as("%s at %s output %d", path.getFileName(), Arrays.toString(input), j)
                                .isCloseTo(expected[j], within(1e-10 * Math.max(1, Math.abs(expected[j]))));
                    }
                }
            }
        }
    }

    @Test
    void prop6RhoBeyondTheBoxIsClippedToTheMaximum() {
        // prop_6 allows rho up to 62000 ft, above the .nnet maximum 60760: the .nnet semantics clips it.
        Network network = NnetLoader.load(acasXu(1, 1));
        double[] beyond = {62000, 0.7, -3.141592, 200, 1000};
        double[] atMax = {60760, 0.7, -3.141592, 200, 1000};

        double[] inside = {60000, 0.7, -3.141592, 200, 1000};

        assertThat(network.evaluate(beyond)).containsExactly(network.evaluate(atMax), within(1e-12));
        assertThat(ActivationPattern.at(network, beyond).state(0, 0)).as("clip state of rho").isEqualTo(2);
        assertThat(ActivationPattern.at(network, inside).state(0, 0)).as("clip state of rho").isEqualTo(1);
    }

    static Stream<Arguments> malformedFiles() {
        return Stream.of(
                Arguments.of("header with 3 values", 3, "2,2,2,", 3, "expected 4 header values"),
                Arguments.of("non-integer size", 3, "2,2.5,2,3,", 3, "'2.5', not an integer"),
                Arguments.of("size beyond int", 3, "2,2,2,99999999999,", 3, "'99999999999', not an integer"),
                Arguments.of("zero outputs", 3, "2,2,0,3,", 3, "numOutputs (value 3) is 0"),
                Arguments.of("too few layer sizes", 4, "2,3,", 4, "expected 3 layer sizes"),
                Arguments.of("sizes disagree with header", 4, "2,3,3,", 4, "disagree with the header on line 3"),
                Arguments.of("flag not a number", 5, "yes,", 5, "'yes', not a number"),
                Arguments.of("maximum below minimum", 7, "1.0,-10.0,", 7, "input 2 has maximum -10.0 below its minimum"),
                Arguments.of("too few means", 8, "0.0,5.0,", 8, "expected 3 means"),
                Arguments.of("zero range", 9, "2.0,0.0,4.0,", 9, "range value 2 is 0.0"),
                Arguments.of("weight not a number", 11, "-1.0,abc,", 11, "value 2 of the weights (row 2 of layer 1"),
                Arguments.of("weight NaN", 11, "-1.0,NaN,", 11, "'NaN'; .nnet values must be finite"),
                Arguments.of("hexadecimal weight", 10, "0x1p0,2.0,", 10, "'0x1p0', not a number"),
                Arguments.of("empty weight", 10, "1.0,,", 10, "value 2 is empty"),
                Arguments.of("short weight row", 16, "1.0,0.0,", 16, "expected 3 weights (row 1 of layer 2"),
                Arguments.of("two biases on a line", 13, "0.0,1.0,", 13, "expected 1 value (bias 1 of layer 1)"),
                Arguments.of("infinite bias", 18, "Infinity,", 18, "'Infinity'; .nnet values must be finite"),
                Arguments.of("blank weight row", 12, "", 12, "expected 2 weights (row 3 of layer 1, 2 -> 3), found none"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedFiles")
    void malformedFileIsRefusedNamingFileAndLine(String name, int replacedLine, String text, int reportedLine,
            String problem) throws IOException {
        List<String> lines = new ArrayList<>(tinyLines());
        lines.set(replacedLine - 1, text);
        Path file = write(lines);

        assertThatThrownBy(() -> NnetLoader.load(file))
                .isInstanceOf(NetworkFormatException.class)
                .hasMessageStartingWith(file + ": line " + reportedLine + ": ")
                .hasMessageContaining(problem);
    }

    @Test
    void inputIntervalThatCannotBeMappedOntoTheUnitIntervalIsRefused() throws IOException {
        List<String> wide = new ArrayList<>(tinyLines());
        wide.set(5, "-1e308,0.0,");
        wide.set(6, "1e308,10.0,");
        List<String> narrow = new ArrayList<>(tinyLines());
        narrow.set(5, "0.0,0.0,");
        narrow.set(6, "1e-310,10.0,");
        Path tooWide = write(wide);
        Path tooNarrow = write(narrow);

        assertThatThrownBy(() -> NnetLoader.load(tooWide))
                .hasMessage(tooWide + ": line 7: input 1 has the interval [-1.0E308, 1.0E308], too wide or too"
                        + " narrow to clip in double precision");
        assertThatThrownBy(() -> NnetLoader.load(tooNarrow))
                .hasMessageStartingWith(tooNarrow + ": line 7: input 1 has the interval [0.0, 1.0E-310]");
    }

    @Test
    void truncatedFileNamesTheFirstMissingLine() throws IOException {
        Path file = write(tinyLines().subList(0, 18));

        assertThatThrownBy(() -> NnetLoader.load(file))
                .isInstanceOf(NetworkFormatException.class)
                .hasMessageStartingWith(file + ": line 19: the file ends before bias 2 of layer 2");
    }

    @Test
    void fileEndingInTheHeaderIsRefused() throws IOException {
        Path empty = write(List.of());
        Path onlyComments = write(tinyLines().subList(0, 2));
        Path noRanges = write(tinyLines().subList(0, 8));

        assertThatThrownBy(() -> NnetLoader.load(empty)).hasMessage(empty + ": line 1: the file ends before the header"
                + " numLayers,numInputs,numOutputs,maxLayerSize");
        assertThatThrownBy(() -> NnetLoader.load(onlyComments)).hasMessageStartingWith(onlyComments + ": line 3: ");
        assertThatThrownBy(() -> NnetLoader.load(noRanges))
                .hasMessage(noRanges + ": line 9: the file ends before the ranges");
    }

    @Test
    void contentAfterTheLastBiasIsRefusedButTrailingBlankLinesAreNot() throws IOException {
        List<String> extra = new ArrayList<>(tinyLines());
        extra.add("1.0,");
        List<String> blank = new ArrayList<>(tinyLines());
        blank.add("");
        blank.add("   ");
        Path withExtra = write(extra);

        assertThatThrownBy(() -> NnetLoader.load(withExtra))
                .hasMessageStartingWith(withExtra + ": line 20: unexpected content after the last bias of layer 2");
        assertThat(NnetLoader.load(write(blank)).evaluate(new double[] {0.5, 7.5}))
                .containsExactly(new double[] {6, -7}, within(1e-12));
    }

    @Test
    void hugeSizeFieldsAreCheckedAgainstTheFileBeforeAllocating() throws IOException {
        List<String> wideLayer = new ArrayList<>(tinyLines());
        wideLayer.set(2, "2,2,2,2000000000,");
        wideLayer.set(3, "2,2000000000,2,");
        List<String> manyLayers = new ArrayList<>(tinyLines());
        manyLayers.set(2, "2147483647,2,2,3,");
        Path wide = write(wideLayer);
        Path many = write(manyLayers);

        assertThatThrownBy(() -> NnetLoader.load(wide))
                .hasMessageStartingWith(wide + ": line 20: the file ends before weight row 11 of layer 1")
                .hasMessageContaining("need 4000000004 lines of weights and biases after line 9, the file has 10");
        assertThatThrownBy(() -> NnetLoader.load(many))
                .hasMessageStartingWith(many + ": line 4: expected 2147483648 layer sizes");
    }

    @Test
    void missingFileIsBadInputNamingThePath() {
        Path missing = temp.resolve("absent.nnet");

        assertThatThrownBy(() -> NnetLoader.load(missing))
                .isInstanceOf(BadInputException.class)
                .hasMessage(missing + ": no such file");
    }

    private Path write(List<String> lines) throws IOException {
        Path file = Files.createTempFile(temp, "net", ".nnet");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    static Path acasXu(int x, int y) {
        return SharedData.require("acasxu/nnet/ACASXU_run2a_" + x + "_" + y + "_batch_2000.nnet");
    }

    /** A direct transcription of Reluplex's evaluate_network over plain arrays, sharing no code with the loader. */
    private record ReferenceNnet(int[] sizes, double[] min, double[] max, double[] mean, double[] range,
            double[][][] weights, double[][] biases) {

        static ReferenceNnet read(Path path) throws IOException {
            List<double[]> rows = new ArrayList<>();
            for (String line : Files.readAllLines(path)) {
                if (!line.startsWith("//")) {
                    rows.add(Arrays.stream(line.split(",")).filter(s -> !s.isBlank()).mapToDouble(Double::parseDouble)
                            .toArray());
                }
            }
            int layers = (int) rows.get(0)[0];
            int[] sizes = Arrays.stream(rows.get(1)).mapToInt(d -> (int) d).toArray();
            double[][][] weights = new double[layers][][];
            double[][] biases = new double[layers][];
            int r = 7;
            for (int k = 0; k < layers; k++) {
                weights[k] = new double[sizes[k + 1]][];
                biases[k] = new double[sizes[k + 1]];
                for (int i = 0; i < sizes[k + 1]; i++) {
                    weights[k][i] = rows.get(r++);
                }
                for (int i = 0; i < sizes[k + 1]; i++) {
                    biases[k][i] = rows.get(r++)[0];
                }
            }
            return new ReferenceNnet(sizes, rows.get(3), rows.get(4), rows.get(5), rows.get(6), weights, biases);
        }

        double[] evaluate(double[] input) {
            int n = sizes[0];
            double[] h = new double[n];
            for (int i = 0; i < n; i++) {
                double v = input[i] > max[i] ? max[i] : input[i] < min[i] ? min[i] : input[i];
                h[i] = (v - mean[i]) / range[i];
            }
            for (int k = 0; k < weights.length; k++) {
                double[] next = new double[sizes[k + 1]];
                for (int i = 0; i < next.length; i++) {
                    double sum = biases[k][i];
                    for (int j = 0; j < h.length; j++) {
                        sum += weights[k][i][j] * h[j];
                    }
                    next[i] = k + 1 < weights.length ? Math.max(0, sum) : sum * range[n] + mean[n];
                }
                h = next;
            }
            return h;
        }
    }
}
