package io.exactline.acasxu;

import io.exactline.core.BadInputException;
import io.exactline.core.plane.Plane;
import io.exactline.verifier.property.Box;

/**
 * A rectangle in which two ACAS Xu inputs vary and the other three are fixed: a two-dimensional slice that is
 * linear in the network inputs, so {@link io.exactline.core.plane.ExactPlane} partitions it exactly.
 *
 * <p>Slice coordinates {@code (u, w)} are the physical values of the {@code x} and {@code y} inputs.
 *
 * @param x the input along the horizontal axis and its range
 * @param y the input along the vertical axis and its range
 * @param fixed the values of the other three inputs (its {@code x} and {@code y} entries are ignored)
 */
public record InputSlice(AxisRange x, AxisRange y, EncounterState fixed) {
    /** @throws BadInputException if both axes are the same input or a fixed input lies outside the domain */
    public InputSlice {
        if (x.input() == y.input()) {
            throw new BadInputException("a slice needs two different inputs, got " + x.input().key() + " twice");
        }
        double[] values = fixed.toArray();
        for (InputVariable v : InputVariable.values()) {
            if (v != x.input() && v != y.input()) {
                v.requireInDomain(values[v.index()], "fixed input");
            }
        }
    }

    /**
     * The plane of normalised inputs {@code x(u, w) = origin + u e1 + w e2} whose coordinates are the physical
     * values of the two varying inputs: {@code e1} and {@code e2} are the unit vectors of those inputs divided by
     * their normalisation ranges.
     */
    public Plane plane() {
        double[] base = fixed.toArray();
        base[x.input().index()] = 0;
        base[y.input().index()] = 0;
        double[] e1 = new double[5];
        double[] e2 = new double[5];
        e1[x.input().index()] = 1 / Normalization.range(x.input().index());
        e2[y.input().index()] = 1 / Normalization.range(y.input().index());
        return new Plane(Normalization.normalize(base), e1, e2);
    }

    /** The rectangle's corners {@code (u, w)}, counterclockwise from {@code (x.min, y.min)}. */
    public double[][] corners() {
        return new double[][] {{x.min(), y.min()}, {x.max(), y.min()}, {x.max(), y.max()}, {x.min(), y.max()}};
    }

    /** The rectangle as a box of encounters: the two axes' ranges, the other three inputs fixed. */
    public EncounterBox box() {
        double[] lower = fixed.toArray();
        double[] upper = fixed.toArray();
        lower[x.input().index()] = x.min();
        upper[x.input().index()] = x.max();
        lower[y.input().index()] = y.min();
        upper[y.input().index()] = y.max();
        return new EncounterBox(new Box(lower, upper));
    }

    /** The encounter at slice coordinates {@code (u, w)}. */
    public EncounterState stateAt(double u, double w) {
        double[] v = fixed.toArray();
        v[x.input().index()] = u;
        v[y.input().index()] = w;
        return EncounterState.of(v);
    }

    /** The normalised network input at slice coordinates {@code (u, w)}. */
    public double[] inputAt(double u, double w) {
        return stateAt(u, w).normalized();
    }

    /** The same fixed inputs over other ranges of the two axes, e.g. a sub-rectangle. */
    public InputSlice withRanges(AxisRange newX, AxisRange newY) {
        if (newX.input() != x.input() || newY.input() != y.input()) {
            throw new BadInputException("the rectangle varies " + newX.input().key() + " and " + newY.input().key()
                    + " but the slice varies " + x.input().key() + " and " + y.input().key());
        }
        return new InputSlice(newX, newY, fixed);
    }
}
