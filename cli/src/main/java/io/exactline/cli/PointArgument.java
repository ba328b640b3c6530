package io.exactline.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.exactline.core.BadInputException;
import io.exactline.core.io.Decimals;
import io.exactline.core.network.Network;

/**
 * A point given on the command line: comma-separated numbers ({@code 0.5,-1,2e-3}), or {@code @FILE}, a file of
 * numbers separated by commas and/or whitespace (newlines included). Every comma must stand between two values.
 * Numbers are decimals as {@link Decimals} reads them and must be finite.
 *
 * @param values the numbers, in order
 * @param origin where they came from, for messages: the option, and the file if there was one
 */
record PointArgument(double[] values, String origin) {
    PointArgument {
        values = values.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /**
     * Parses the value of {@code option}.
     *
     * @throws BadInputException naming the option, file, line and column of the first problem
     */
    static PointArgument parse(String option, String argument) {
        if (argument.startsWith("@")) {
            String file = argument.substring(1);
            if (file.isEmpty()) {
                throw new BadInputException(option + ": '@' must be followed by a file name");
            }
            return new PointArgument(numbers(read(option, file), file + ": ", true), option + " (@" + file + ")");
        }
        return new PointArgument(numbers(argument, option + ": ", false), option);
    }

    /**
     * Refuses a segment whose ends {@code a} (given as {@code fromOption}) and {@code b} coincide: it has no
     * direction, so pieces along it mean nothing.
     *
     * @throws BadInputException naming both options
     */
    static void requireSegment(double[] a, double[] b, String fromOption, String toOption) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return;
            }
        }
        throw new BadInputException(fromOption + " and " + toOption + " are the same point, so the segment is empty;"
                + " give two different end points");
    }

    /** Checks that the point fits {@code network}: the right number of values. */
    double[] fitting(Network network) {
        network.checkInput(values, origin);
        return values();
    }

    private static String read(String option, String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file (given as " + option + " @" + file + ")", e);
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(file + ": cannot read the point file given as " + option + ": " + e, e);
        }
    }

    /** Splits at commas and whitespace, tracking line and column (both from 1) for messages. */
    private static double[] numbers(String text, String prefix, boolean inFile) {
        List<Double> values = new ArrayList<>();
        int line = 1;
        int column = 1;
        boolean commaPending = false;
        String commaPosition = "";
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                column = 1;
                i++;
            } else if (Character.isWhitespace(c)) {
                column++;
                i++;
            } else if (c == ',') {
                String position = position(inFile, line, column);
                if (values.isEmpty() || commaPending) {
                    throw new BadInputException(prefix + position + "a comma with no value before it");
                }
                commaPending = true;
                commaPosition = position;
                column++;
                i++;
            } else {
                int start = i;
                while (i < text.length() && text.charAt(i) != ',' && !Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                String token = text.substring(start, i);
                String position = position(inFile, line, column) + "value " + (values.size() + 1) + " ";
                double value;
                try {
                    value = Decimals.parse(token);
                } catch (NumberFormatException e) {
                    throw new BadInputException(prefix + position + "'" + token + "' is not a number");
                }
                if (!Double.isFinite(value)) {
                    throw new BadInputException(prefix + position + "is '" + token
                            + "'; inputs must be finite numbers");
                }
                values.add(value);
                commaPending = false;
                column += i - start;
            }
        }
        if (commaPending) {
            throw new BadInputException(prefix + commaPosition + "a comma with no value after it");
        }
        if (values.isEmpty()) {
            throw new BadInputException(prefix + "no numbers; give comma-separated numbers such as 0.5,-1,2 or @FILE");
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String position(boolean inFile, int line, int column) {
        return (inFile || line > 1 ? "line " + line + ", column " : "column ") + column + ": ";
    }
}
