package io.exactline.acasxu;

import io.exactline.core.BadInputException;

/**
 * An ACAS Xu encounter in physical units, the five network inputs:
 *
 * @param rho distance from ownship to intruder, ft, in [0, 60760]
 * @param theta angle to the intruder relative to the ownship heading, rad, in [-pi, pi]
 * @param psi heading of the intruder relative to the ownship heading, rad, in [-pi, pi]
 * @param vOwn ownship speed, ft/s, in [100, 1200]
 * @param vInt intruder speed, ft/s, in [0, 1200]
 */
public record EncounterState(double rho, double theta, double psi, double vOwn, double vInt) {
    /** Input names in network order. */
    public static final String[] NAMES = {"rho", "theta", "psi", "vown", "vint"};

    public EncounterState {
        double[] values = {rho, theta, psi, vOwn, vInt};
        for (int i = 0; i < 5; i++) {
            if (!Double.isFinite(values[i])) {
                throw new BadInputException("ACAS Xu input " + NAMES[i] + " is " + values[i] + "; it must be finite");
            }
        }
    }

    /** From a physical vector in network order. */
    public static EncounterState of(double[] physical) {
        if (physical.length != 5) {
            throw new BadInputException("an ACAS Xu encounter has 5 inputs (rho, theta, psi, vown, vint), got "
                    + physical.length);
        }
        return new EncounterState(physical[0], physical[1], physical[2], physical[3], physical[4]);
    }

    /** The physical values in network order. */
    public double[] toArray() {
        return new double[] {rho, theta, psi, vOwn, vInt};
    }

    /** The normalised network input, see {@link Normalization#normalize}. */
    public double[] normalized() {
        return Normalization.normalize(toArray());
    }

    /** The state whose normalised network input is {@code x}. */
    public static EncounterState fromNormalized(double[] x) {
        return of(Normalization.denormalize(x));
    }

    /** Whether every input is inside the networks' domain {@link Normalization#MIN}..{@link Normalization#MAX}. */
    public boolean inDomain() {
        double[] v = toArray();
        for (int i = 0; i < 5; i++) {
            if (v[i] < Normalization.MIN[i] || v[i] > Normalization.MAX[i]) {
                return false;
            }
        }
        return true;
    }
}
