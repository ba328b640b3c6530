package io.exactline.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.exactline.acasxu.Advisory;
import io.exactline.core.BadInputException;
import io.exactline.core.io.Decimals;

/**
 * One line check, its configuration checked.
 *
 * @param name for reports
 * @param network the network file
 * @param from the segment start {@code a}
 * @param to the segment end {@code b}; the segment is {@code x(t) = a + t (b - a)}, {@code t in [0, 1]}
 * @param physicalUnits ACAS Xu: {@code from} and {@code to} are encounters in physical units
 * @param expectation what the network must decide along the segment
 */
record LineTask(String name, Path network, double[] from, double[] to, boolean physicalUnits,
        LineExpectation expectation) {

    LineTask {
        from = from.clone();
        to = to.clone();
    }

    @Override
    public double[] from() {
        return from.clone();
    }

    @Override
    public double[] to() {
        return to.clone();
    }

    /**
     * The task of {@code check}.
     *
     * @param index the check's position in the configuration (from 1), for messages
     * @throws BadInputException if the network or an end point is missing, an end point is not a list of finite
     *     decimal numbers, or not exactly one of advisories and alwaysClass is given
     */
    static LineTask of(LineCheck check, int index, Path basedir) {
        String where = "<lineCheck> number " + index;
        if (check.network() == null) {
            throw new BadInputException(where + " has no <network>; give the path of an .onnx or .nnet file");
        }
        Path network = basedir.resolve(check.network().toPath()).normalize();
        double[] from = point(check.from(), where + " <from>");
        double[] to = point(check.to(), where + " <to>");
        if (from.length != to.length) {
            throw new BadInputException(where + ": <from> has " + from.length + " values but <to> has " + to.length);
        }
        boolean advisories = check.advisories() != null && !check.advisories().isBlank();
        if (advisories == (check.alwaysClass() != null)) {
            throw new BadInputException(where + ": give exactly one of <advisories> (ACAS Xu advisory sequence) and"
                    + " <alwaysClass> (output index that is the arg max on the whole segment)");
        }
        if (check.physicalUnits() && !advisories) {
            throw new BadInputException(where + ": <physicalUnits> is for ACAS Xu encounters and needs"
                    + " <advisories>");
        }
        LineExpectation expectation;
        if (advisories) {
            expectation = new LineExpectation.Advisories(advisorySequence(check.advisories(), where));
        } else {
            int k = check.alwaysClass();
            if (k < 0) {
                throw new BadInputException(where + ": <alwaysClass> must be an output index >= 0, got " + k);
            }
            expectation = new LineExpectation.AlwaysClass(k);
        }
        String name = check.name() != null && !check.name().isBlank() ? check.name().trim()
                : network.getFileName() + " from " + Arrays.toString(from) + " to " + Arrays.toString(to);
        return new LineTask(name, network, from, to, check.physicalUnits(), expectation);
    }

    private static double[] point(String text, String where) {
        if (text == null || text.isBlank()) {
            throw new BadInputException(where + " is missing; give comma-separated numbers such as 0.5,-1,2e-3");
        }
        String[] tokens = text.split(",", -1);
        double[] values = new double[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i].trim();
            double v;
            try {
                v = Decimals.parse(token);
            } catch (NumberFormatException e) {
                throw new BadInputException(where + ": value " + (i + 1) + " '" + token + "' is not a decimal number",
                        e);
            }
            if (!Double.isFinite(v)) {
                throw new BadInputException(where + ": value " + (i + 1) + " '" + token + "' is not finite");
            }
            values[i] = v;
        }
        return values;
    }

    private static List<Advisory> advisorySequence(String text, String where) {
        List<Advisory> sequence = new ArrayList<>();
        for (String token : text.split(",", -1)) {
            Advisory advisory;
            try {
                advisory = Advisory.parse(token);
            } catch (BadInputException e) {
                throw new BadInputException(where + " <advisories>: " + e.getMessage(), e);
            }
            if (!sequence.isEmpty() && sequence.get(sequence.size() - 1) == advisory) {
                throw new BadInputException(where + " <advisories>: " + advisory + " follows itself; list each"
                        + " advisory once per interval, e.g. COC,WL,COC");
            }
            sequence.add(advisory);
        }
        return sequence;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LineTask t && name.equals(t.name) && network.equals(t.network)
                && Arrays.equals(from, t.from) && Arrays.equals(to, t.to) && physicalUnits == t.physicalUnits
                && expectation.equals(t.expectation);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + Arrays.hashCode(from)) + Arrays.hashCode(to);
    }

    @Override
    public String toString() {
        return "LineTask[" + name + ", " + network + ", " + expectation.describe() + "]";
    }
}
