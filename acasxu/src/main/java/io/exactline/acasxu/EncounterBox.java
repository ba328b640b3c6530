package io.exactline.acasxu;

import java.util.Arrays;

import io.exactline.core.BadInputException;
import io.exactline.verifier.property.Box;

/**
 * A box of encounters in physical units, {@code {v : lower_i <= v_i <= upper_i}} over (rho, theta, psi, v_own,
 * v_int), as the ACAS Xu properties state their input regions. The bounds may reach outside the networks' training
 * domain (property 6 allows rho up to 62,000 ft); a zero-width side fixes that input.
 *
 * @param lower the lower ends in network order
 * @param upper the upper ends in network order, {@code upper_i >= lower_i}
 */
public record EncounterBox(double[] lower, double[] upper) {
    /** @throws BadInputException unless both ends have 5 finite entries with {@code lower_i <= upper_i} */
    public EncounterBox {
        if (lower.length != 5 || upper.length != 5) {
            throw new BadInputException("an ACAS Xu input box has 5 lower and 5 upper ends (rho, theta, psi, vown,"
                    + " vint), got " + lower.length + " and " + upper.length);
        }
        lower = lower.clone();
        upper = upper.clone();
        for (InputVariable v : InputVariable.values()) {
            int i = v.index();
            if (!(Double.isFinite(lower[i]) && Double.isFinite(upper[i]) && lower[i] <= upper[i])) {
                throw new BadInputException(v.key() + " range [" + lower[i] + ", " + upper[i] + "] must have finite"
                        + " ends with min <= max");
            }
        }
    }

    /**
     * The box from its ten ends in network order, {@code rhoMin, rhoMax, thetaMin, thetaMax, ..., vIntMax}.
     *
     * @throws BadInputException unless there are exactly ten ends forming a box
     */
    public static EncounterBox of(double... ends) {
        if (ends.length != 10) {
            throw new BadInputException("an ACAS Xu input box has 10 ends (min and max of rho, theta, psi, vown,"
                    + " vint), got " + ends.length);
        }
        double[] lower = new double[5];
        double[] upper = new double[5];
        for (int i = 0; i < 5; i++) {
            lower[i] = ends[2 * i];
            upper[i] = ends[2 * i + 1];
        }
        return new EncounterBox(lower, upper);
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    /** The lower end of {@code input}. */
    public double lower(InputVariable input) {
        return lower[input.index()];
    }

    /** The upper end of {@code input}. */
    public double upper(InputVariable input) {
        return upper[input.index()];
    }

    /** Whether every input of {@code state} lies in its range, compared exactly. */
    public boolean contains(EncounterState state) {
        double[] v = state.toArray();
        for (int i = 0; i < 5; i++) {
            if (!(lower[i] <= v[i] && v[i] <= upper[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * The box of normalised network inputs that contains the normalisation of every point of this box: each end
     * goes through {@link Normalization#normalize} and is then moved outward by one unit in the last place. The
     * floating-point normalisation is monotone, so every normalised point of this box lies in
     * {@code [normalize(lower), normalize(upper)]}; the extra unit also covers the exact (real) normalisation,
     * whose rounding error is below one unit.
     */
    public Box normalized() {
        double[] lo = Normalization.normalize(lower);
        double[] hi = Normalization.normalize(upper);
        for (int i = 0; i < 5; i++) {
            lo[i] = Math.nextDown(lo[i]);
            hi[i] = Math.nextUp(hi[i]);
        }
        return new Box(lo, hi);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncounterBox b && Arrays.equals(lower, b.lower) && Arrays.equals(upper, b.upper);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lower) + Arrays.hashCode(upper);
    }

    /**
     * E.g. {@code rho in [55947.691, 60760] ft, theta in [-3.141592653589793, 3.141592653589793] rad, ...}; a
     * fixed input as {@code psi = 0 rad}.
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (InputVariable v : InputVariable.values()) {
            int i = v.index();
            if (s.length() > 0) {
                s.append(", ");
            }
            if (lower[i] == upper[i]) {
                s.append(v.key()).append(" = ").append(number(lower[i]));
            } else {
                s.append(v.key()).append(" in [").append(number(lower[i])).append(", ").append(number(upper[i]))
                        .append(']');
            }
            s.append(' ').append(v.unit());
        }
        return s.toString();
    }

    private static String number(double v) {
        String text = Double.toString(v);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
