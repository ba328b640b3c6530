package io.exactline.acasxu;

import io.exactline.core.BadInputException;
import io.exactline.verifier.property.Box;

/**
 * A box of encounters in physical units, {@code {v : lower_i <= v_i <= upper_i}} over (rho, theta, psi, v_own,
 * v_int), as the ACAS Xu properties state their input regions. The bounds may reach outside the networks' training
 * domain (property 6 allows rho up to 62,000 ft); a zero-width side fixes that input.
 *
 * @param physical the bounds in physical units, in network order
 */
public record EncounterBox(Box physical) {
    /** @throws BadInputException unless the box has the 5 ACAS Xu inputs */
    public EncounterBox {
        if (physical.dimension() != 5) {
            throw new BadInputException("an ACAS Xu input box has 5 sides (rho, theta, psi, vown, vint), got "
                    + physical.dimension());
        }
    }

    /**
     * The box from its ten ends in network order, {@code rhoMin, rhoMax, thetaMin, thetaMax, ..., vIntMax}.
     *
     * @throws BadInputException unless there are exactly ten finite ends forming a box
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
        return new EncounterBox(new Box(lower, upper));
    }

    /** The lower end of {@code input}. */
    public double lower(InputVariable input) {
        return physical.lower(input.index());
    }

    /** The upper end of {@code input}. */
    public double upper(InputVariable input) {
        return physical.upper(input.index());
    }

    /** Whether every input of {@code state} lies in its range, compared exactly. */
    public boolean contains(EncounterState state) {
        return physical.contains(state.toArray());
    }

    /** The point of the box nearest to {@code state}: each input moved into its range. */
    public EncounterState clamp(EncounterState state) {
        return EncounterState.of(physical.clamp(state.toArray()));
    }

    /**
     * The box of normalised network inputs that contains the normalisation of every point of this box: each end
     * goes through {@link Normalization#normalize} and is then moved outward by one unit in the last place. The
     * floating-point normalisation is monotone, so every normalised point of this box lies in
     * {@code [normalize(lower), normalize(upper)]}; the extra unit also covers the exact (real) normalisation,
     * whose rounding error is below one unit.
     */
    public Box normalized() {
        double[] lo = Normalization.normalize(physical.lower());
        double[] hi = Normalization.normalize(physical.upper());
        for (int i = 0; i < 5; i++) {
            lo[i] = Math.nextDown(lo[i]);
            hi[i] = Math.nextUp(hi[i]);
        }
        return new Box(lo, hi);
    }

    /**
     * E.g. {@code rho in [55947.691, 60760] ft, theta in [-3.141592653589793, 3.141592653589793] rad, ...}; a
     * fixed input as {@code psi = 0 rad}.
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (InputVariable v : InputVariable.values()) {
            s.append(s.length() == 0 ? "" : ", ").append(v.key());
            if (lower(v) == upper(v)) {
                s.append(" = ").append(number(lower(v)));
            } else {
                s.append(" in [").append(number(lower(v))).append(", ").append(number(upper(v))).append(']');
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
