package io.exactline.acasxu;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.exactline.core.BadInputException;

/**
 * One of the 45 ACAS Xu networks N_{x,y} ({@code ACASXU_run2a_x_y_batch_2000}): x is the previous advisory
 * (1..5 = COC, WL, WR, SL, SR) and y the index of tau, the time to loss of vertical separation,
 * in {0, 1, 5, 10, 20, 40, 60, 80, 100} s (Katz et al., CAV 2017; Julian et al.).
 *
 * @param previous x, 1..5
 * @param tauIndex y, 1..9
 */
public record NetworkId(int previous, int tauIndex) {
    private static final int[] TAU_SECONDS = {0, 1, 5, 10, 20, 40, 60, 80, 100};
    private static final Pattern NAME = Pattern.compile("(?:ACASXU_run2a_)?([1-5])_([1-9])(?:_batch_2000(?:\\.onnx)?)?");

    public NetworkId {
        if (previous < 1 || previous > 5 || tauIndex < 1 || tauIndex > 9) {
            throw new BadInputException("ACAS Xu networks are x_y with x in 1..5 and y in 1..9, not " + previous + "_"
                    + tauIndex);
        }
    }

    /** Parses {@code "1_1"} or a file name such as {@code ACASXU_run2a_1_1_batch_2000.onnx}. */
    public static NetworkId parse(String text) {
        Matcher m = NAME.matcher(text.trim());
        if (!m.matches()) {
            throw new BadInputException("'" + text + "' is not an ACAS Xu network; write x_y with x in 1..5 and y in"
                    + " 1..9, e.g. 1_1");
        }
        return new NetworkId(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** All 45 networks, 1_1 .. 5_9. */
    public static List<NetworkId> all() {
        List<NetworkId> ids = new ArrayList<>(45);
        for (int x = 1; x <= 5; x++) {
            for (int y = 1; y <= 9; y++) {
                ids.add(new NetworkId(x, y));
            }
        }
        return ids;
    }

    /** The previous advisory this network is for. */
    public Advisory previousAdvisory() {
        return Advisory.values()[previous - 1];
    }

    /** Tau in seconds. */
    public int tauSeconds() {
        return TAU_SECONDS[tauIndex - 1];
    }

    /** The file name stem, {@code ACASXU_run2a_x_y_batch_2000}. */
    public String stem() {
        return "ACASXU_run2a_" + previous + "_" + tauIndex + "_batch_2000";
    }

    @Override
    public String toString() {
        return previous + "_" + tauIndex;
    }
}
