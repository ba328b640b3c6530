package io.exactline.core.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import io.exactline.core.BadInputException;
import io.exactline.core.layer.Dense;
import io.exactline.core.network.Network;
import io.exactline.core.network.NetworkFormatException;

/**
 * Reads networks in the Reluplex/NNet text format (Kyle Julian, Stanford 2016), as used by the ACAS Xu networks.
 *
 * <p>The file holds comma-separated values, one record per line, each line optionally ending in a comma:
 * <ol>
 *   <li>comment lines starting with {@code //};</li>
 *   <li>{@code numLayers, numInputs, numOutputs, maxLayerSize} (numLayers counts the affine layers);</li>
 *   <li>the {@code numLayers + 1} layer sizes, input first;</li>
 *   <li>a single unused flag ("symmetric");</li>
 *   <li>{@code numInputs} input minimums, then {@code numInputs} input maximums;</li>
 *   <li>{@code numInputs + 1} means and {@code numInputs + 1} ranges: one per input, the last shared by all outputs;</li>
 *   <li>for each layer {@code k}: {@code size[k+1]} weight rows of {@code size[k]} values (W is outputs x inputs),
 *       then {@code size[k+1]} lines of one bias each.</li>
 * </ol>
 * The meaning of the parts is in {@link NnetFile}. Every count and size in the file is checked against the others
 * and against the lines actually present before anything is allocated from it; every value must be a finite
 * decimal number. A file that breaks any of this is refused with a {@link NetworkFormatException} naming the line.
 */
public final class NnetLoader {
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    private NnetLoader() {
    }

    /**
     * The network the file defines, on physical inputs and outputs (clip, normalise, layers, de-normalise); see
     * {@link NnetFile#network()}.
     *
     * @throws BadInputException if the file cannot be read or is not a well-formed .nnet file
     */
    public static Network load(Path file) {
        return read(file).network();
    }

    /**
     * The parts of the file: layers, input box, normalisation.
     *
     * @throws BadInputException if the file cannot be read or is not a well-formed .nnet file
     */
    public static NnetFile read(Path file) {
        String name = file.toString();
        List<String> lines;
        try {
            // ISO-8859-1 maps every byte to a character, so stray bytes surface as values that are not numbers.
            lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new BadInputException(name + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new BadInputException(name + ": permission denied; cannot read the network file", e);
        } catch (IOException e) {
            throw new BadInputException(name + ": cannot read the network file: " + e.getMessage(), e);
        }
        return new Parser(name, lines).parse();
    }

    /** One line split into its comma-separated values. */
    private record Line(int number, String[] values) {
    }

    private static final class Parser {
        private final String file;
        private final List<String> lines;
        private int next;

        Parser(String file, List<String> lines) {
            this.file = file;
            this.lines = lines;
        }

        NnetFile parse() {
            while (next < lines.size() && lines.get(next).strip().startsWith("//")) {
                next++;
            }
            Line header = line("the header numLayers,numInputs,numOutputs,maxLayerSize");
            count(header, 4, "header values (numLayers,numInputs,numOutputs,maxLayerSize)");
            int numLayers = positive(header, 0, "numLayers");
            int numInputs = positive(header, 1, "numInputs");
            int numOutputs = positive(header, 2, "numOutputs");
            int maxLayerSize = positive(header, 3, "maxLayerSize");

            Line sizesLine = line("the layer sizes");
            count(sizesLine, (long) numLayers + 1, "layer sizes (numLayers + 1 = " + ((long) numLayers + 1)
                    + " from the header on line " + header.number + ")");
            int[] sizes = new int[numLayers + 1];
            int largest = 0;
            for (int k = 0; k <= numLayers; k++) {
                sizes[k] = positive(sizesLine, k, "layer size");
                largest = Math.max(largest, sizes[k]);
            }
            if (sizes[0] != numInputs || sizes[numLayers] != numOutputs || largest != maxLayerSize) {
                throw error(sizesLine.number, "layer sizes " + join(sizes) + " disagree with the header on line "
                        + header.number + " (numInputs " + numInputs + ", numOutputs " + numOutputs
                        + ", maxLayerSize " + maxLayerSize + "): the first size must be numInputs, the last"
                        + " numOutputs, the largest maxLayerSize");
            }

            numbers(line("the unused 'symmetric' flag"), 1, "value (the unused 'symmetric' flag)");
            double[] min = numbers(line("the input minimums"), numInputs, "input minimums");
            Line maxLine = line("the input maximums");
            double[] max = numbers(maxLine, numInputs, "input maximums");
            for (int i = 0; i < numInputs; i++) {
                if (min[i] > max[i]) {
                    throw error(maxLine.number, "input " + (i + 1) + " has maximum " + max[i]
                            + " below its minimum " + min[i]);
                }
                if (!NnetFile.clippable(min[i], max[i])) {
                    throw error(maxLine.number, "input " + (i + 1) + " has the interval [" + min[i] + ", " + max[i]
                            + "], too wide or too narrow to clip in double precision");
                }
            }
            double[] mean = numbers(line("the means"), numInputs + 1, "means (one per input, then one for the outputs)");
            Line rangeLine = line("the ranges");
            double[] range = numbers(rangeLine, numInputs + 1, "ranges (one per input, then one for the outputs)");
            for (int i = 0; i <= numInputs; i++) {
                if (!(range[i] > 0)) {
                    throw error(rangeLine.number, "range value " + (i + 1) + " is " + range[i]
                            + "; ranges divide the inputs and scale the outputs, so they must be positive");
                }
            }

            requireParameterLines(sizes);
            List<Dense> layers = new ArrayList<>(numLayers);
            for (int k = 0; k < numLayers; k++) {
                layers.add(layer(k, sizes[k], sizes[k + 1]));
            }
            for (int i = next; i < lines.size(); i++) {
                if (!lines.get(i).isBlank()) {
                    throw error(i + 1, "unexpected content after the last bias of layer " + numLayers
                            + "; the layer sizes " + join(sizes) + " say the file ends on line " + next);
                }
            }
            return new NnetFile(file, layers, min, max, Arrays.copyOf(mean, numInputs), Arrays.copyOf(range, numInputs),
                    mean[numInputs], range[numInputs]);
        }

        /** Fails unless the file has the weight and bias lines the sizes call for; bounds every later allocation. */
        private void requireParameterLines(int[] sizes) {
            int end = lines.size();
            while (end > next && lines.get(end - 1).isBlank()) {
                end--;
            }
            long available = end - next;
            long required = 0;
            for (int k = 0; k + 1 < sizes.length; k++) {
                required += 2L * sizes[k + 1];
            }
            if (required <= available) {
                return;
            }
            long missing = available;
            int k = 0;
            while (missing >= 2L * sizes[k + 1]) {
                missing -= 2L * sizes[k + 1];
                k++;
            }
            String what = missing < sizes[k + 1] ? "weight row " + (missing + 1) : "bias " + (missing - sizes[k + 1] + 1);
            throw error(end + 1, "the file ends before " + what + " of layer " + (k + 1) + ": the layer sizes "
                    + join(sizes) + " need " + required + " lines of weights and biases after line " + next
                    + ", the file has " + available);
        }

        private Dense layer(int k, int inputs, int outputs) {
            double[][] weights = new double[outputs][];
            for (int r = 0; r < outputs; r++) {
                Line row = line("weight row " + (r + 1) + " of layer " + (k + 1));
                weights[r] = numbers(row, inputs, "weights (row " + (r + 1) + " of layer " + (k + 1) + ", "
                        + inputs + " -> " + outputs + ")");
            }
            double[] bias = new double[outputs];
            for (int r = 0; r < outputs; r++) {
                Line line = line("bias " + (r + 1) + " of layer " + (k + 1));
                bias[r] = numbers(line, 1, "value (bias " + (r + 1) + " of layer " + (k + 1) + ")")[0];
            }
            return new Dense(weights, bias);
        }

        private Line line(String what) {
            if (next >= lines.size()) {
                throw error(next + 1, "the file ends before " + what);
            }
            int number = next + 1;
            String text = lines.get(next++).strip();
            if (text.endsWith(",")) {
                text = text.substring(0, text.length() - 1);
            }
            if (text.isBlank()) {
                return new Line(number, new String[0]);
            }
            String[] values = text.split(",", -1);
            for (int i = 0; i < values.length; i++) {
                values[i] = values[i].strip();
                if (values[i].isEmpty()) {
                    throw error(number, "value " + (i + 1) + " is empty (two commas in a row?) where " + what
                            + " should be");
                }
            }
            return new Line(number, values);
        }

        private void count(Line line, long expected, String what) {
            if (line.values.length != expected) {
                throw error(line.number, "expected " + expected + " " + what + ", found "
                        + (line.values.length == 0 ? "none" : line.values.length));
            }
        }

        private double[] numbers(Line line, int expected, String what) {
            count(line, expected, what);
            double[] values = new double[expected];
            for (int i = 0; i < expected; i++) {
                String token = line.values[i];
                try {
                    values[i] = Decimals.parse(token);
                } catch (NumberFormatException e) {
                    throw error(line.number, "value " + (i + 1) + " of the " + what + " is '" + token
                            + "', not a number");
                }
                if (!Double.isFinite(values[i])) {
                    throw error(line.number, "value " + (i + 1) + " of the " + what + " is '" + token
                            + "'; .nnet values must be finite numbers");
                }
            }
            return values;
        }

        private int positive(Line line, int index, String what) {
            String token = line.values[index];
            int value;
            try {
                if (!INTEGER.matcher(token).matches()) {
                    throw new NumberFormatException();
                }
                value = Integer.parseInt(token);
            } catch (NumberFormatException e) {
                throw error(line.number, what + " (value " + (index + 1) + ") is '" + token
                        + "', not an integer of at most " + Integer.MAX_VALUE);
            }
            if (value < 1) {
                throw error(line.number, what + " (value " + (index + 1) + ") is " + value + "; it must be at least 1");
            }
            return value;
        }

        private NetworkFormatException error(int lineNumber, String problem) {
            return new NetworkFormatException(file, "line " + lineNumber, problem);
        }
    }

    private static String join(int[] sizes) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < sizes.length; k++) {
            s.append(k == 0 ? "" : ",").append(sizes[k]);
        }
        return s.toString();
    }
}
