package io.exactline.acasxu;

import io.exactline.core.BadInputException;

/**
 * A top-down view of encounters: the intruder's position {@code (x, y)} in feet over a rectangle around the
 * ownship, with the intruder's relative heading and both speeds fixed.
 *
 * <p>Axes: the ownship is at the origin heading along {@code +x}; {@code y} is positive to the ownship's
 * <em>left</em>. Then {@code rho = sqrt(x^2 + y^2)} and {@code theta = atan2(y, x)}, the bearing of the intruder
 * counterclockwise from the ownship heading, as in Katz et al. (property 5 reads {@code theta in [0.2, 0.4]} as an
 * intruder "approaching from the left"). {@code psi} is likewise counterclockwise from the ownship heading, so an
 * intruder flying along {@code (cos psi, sin psi)}.
 *
 * @param xMin left edge, ft (behind the ownship when negative)
 * @param xMax right edge, ft
 * @param yMin lower edge, ft (right of the ownship when negative)
 * @param yMax upper edge, ft
 * @param psi intruder heading relative to the ownship heading, rad
 * @param vOwn ownship speed, ft/s
 * @param vInt intruder speed, ft/s
 */
public record TopDownWindow(double xMin, double xMax, double yMin, double yMax, double psi, double vOwn,
        double vInt) {
    /** The largest range in the networks' domain, ft. */
    public static final double MAX_RANGE = Normalization.MAX[0];

    /** @throws BadInputException if the rectangle is empty, lies wholly outside the domain, or a fixed input does */
    public TopDownWindow {
        if (!(Double.isFinite(xMin) && Double.isFinite(xMax) && Double.isFinite(yMin) && Double.isFinite(yMax)
                && xMin < xMax && yMin < yMax)) {
            throw new BadInputException("a top-down view needs finite edges with xMin < xMax and yMin < yMax, got x in ["
                    + xMin + ", " + xMax + "], y in [" + yMin + ", " + yMax + "]");
        }
        InputVariable.PSI.requireInDomain(psi, "top-down view");
        InputVariable.VOWN.requireInDomain(vOwn, "top-down view");
        InputVariable.VINT.requireInDomain(vInt, "top-down view");
        double nearest = Math.hypot(clamp(0, xMin, xMax), clamp(0, yMin, yMax));
        if (nearest >= MAX_RANGE) {
            throw new BadInputException("the top-down view x in [" + xMin + ", " + xMax + "], y in [" + yMin + ", "
                    + yMax + "] ft lies wholly beyond rho = " + MAX_RANGE + " ft, outside the ACAS Xu domain");
        }
    }

    /** The square {@code [-radius, radius]^2} centred on the ownship. */
    public static TopDownWindow around(double radius, double psi, double vOwn, double vInt) {
        return new TopDownWindow(-radius, radius, -radius, radius, psi, vOwn, vInt);
    }

    /** The encounter with the intruder at {@code (x, y)}. */
    public EncounterState stateAt(double x, double y) {
        return new EncounterState(Math.hypot(x, y), Math.atan2(y, x), psi, vOwn, vInt);
    }

    /**
     * The linear slice over {@code (rho, theta)} whose image under the polar map covers the window's in-domain
     * part: {@code rho} from the window's nearest point to its farthest (at most {@link #MAX_RANGE}), {@code theta}
     * over the corners' bearings, or all of {@code [-pi, pi]} when the window meets the ray behind the ownship
     * (where {@code atan2} jumps) or contains it.
     */
    public InputSlice polarSlice() {
        double rhoMin = Math.hypot(clamp(0, xMin, xMax), clamp(0, yMin, yMax));
        double rhoMax = Math.min(MAX_RANGE, Math.max(Math.hypot(xMin, yMin), Math.max(Math.hypot(xMin, yMax),
                Math.max(Math.hypot(xMax, yMin), Math.hypot(xMax, yMax)))));
        double thetaMin = -Math.PI;
        double thetaMax = Math.PI;
        boolean meetsBehind = xMin <= 0 && yMin <= 0 && yMax >= 0;
        if (!meetsBehind) {
            double[] bearings = {Math.atan2(yMin, xMin), Math.atan2(yMax, xMin), Math.atan2(yMin, xMax),
                Math.atan2(yMax, xMax)};
            thetaMin = Math.min(Math.min(bearings[0], bearings[1]), Math.min(bearings[2], bearings[3]));
            thetaMax = Math.max(Math.max(bearings[0], bearings[1]), Math.max(bearings[2], bearings[3]));
        }
        return new InputSlice(new AxisRange(InputVariable.RHO, rhoMin, rhoMax),
                new AxisRange(InputVariable.THETA, thetaMin, thetaMax), new EncounterState(0, 0, psi, vOwn, vInt));
    }

    private static double clamp(double v, double low, double high) {
        return Math.max(low, Math.min(high, v));
    }
}
