package io.exactline.verifier.verdict;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;

import io.exactline.core.BadInputException;
import io.exactline.core.io.AtomicFiles;

/**
 * The VNN-COMP result file (format of VNN-COMP 2022 onwards): the first line is {@code sat}, {@code unsat},
 * {@code timeout} or {@code unknown}; after {@code sat} comes the counterexample as one s-expression listing every
 * input and then every output with its value,
 * <pre>
 * sat
 * ((X_0 0.6)
 *  (X_1 -0.25)
 *  (Y_0 3.9911256458616147))
 * </pre>
 * Values are written with enough digits to read back as the same double.
 */
public final class VnncompResult {
    private VnncompResult() {
    }

    /** The content of the result file for {@code verdict}, ending in a newline. */
    public static String format(Verdict verdict) {
        StringBuilder s = new StringBuilder(verdict.status()).append('\n');
        if (verdict instanceof Sat sat) {
            double[] x = sat.counterexample().input();
            double[] y = sat.counterexample().output();
            s.append('(');
            for (int i = 0; i < x.length + y.length; i++) {
                s.append(i == 0 ? "(" : " (")
                        .append(i < x.length ? "X_" + i : "Y_" + (i - x.length)).append(' ')
                        .append(number(i < x.length ? x[i] : y[i - x.length])).append(')');
                s.append(i + 1 < x.length + y.length ? "\n" : ")\n");
            }
        }
        return s.toString();
    }

    /**
     * Writes {@link #format(Verdict)} to {@code file} (UTF-8), replacing it atomically: a reader sees the old file
     * or the whole result, never part of it.
     *
     * @throws BadInputException if the file cannot be written (missing folder, no permission)
     */
    public static void write(Verdict verdict, Path file) {
        try {
            AtomicFiles.writeString(file, format(verdict));
        } catch (IOException e) {
            throw new BadInputException(e.getMessage() + "; check that the result file's folder exists and is writable", e);
        }
    }

    /**
     * A decimal that reads back as exactly {@code v}: {@link Double#toString} when it round-trips (it does for
     * all but rare values on Java 17), else the exact decimal expansion.
     */
    static String number(double v) {
        String shortest = Double.toString(v);
        return Double.parseDouble(shortest) == v ? shortest : new BigDecimal(v).toString();
    }
}
