package io.exactline.verifier.encoding;

import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

import io.exactline.core.BadInputException;
import io.exactline.core.line.ActivationPattern;

/**
 * An activation pattern in which only some units are fixed: unit {@code i} of activation layer {@code k} on piece
 * {@code s} (ReLU: 0 inactive, 1 active; the encoding of {@link io.exactline.core.layer.PiecewiseLinearLayer#states}).
 * The region of a fixed unit is the <em>closed</em> piece {@code c_s <= z_i <= c_{s+1}}, so a point with
 * {@code z_i} exactly at a breakpoint satisfies both neighbouring states: solver regions are closed polyhedra.
 * Unfixed units may take any piece. Immutable.
 */
public final class PartialPattern {
    private static final PartialPattern NONE = new PartialPattern(new TreeMap<>());

    /** Fixed units, keyed by {@code (layer << 32) | unit}. */
    private final TreeMap<Long, Integer> fixed;

    private PartialPattern(TreeMap<Long, Integer> fixed) {
        this.fixed = fixed;
    }

    /** The pattern that fixes nothing. */
    public static PartialPattern none() {
        return NONE;
    }

    /** Every unit fixed as in {@code pattern} (same network). */
    public static PartialPattern of(ActivationPattern pattern) {
        TreeMap<Long, Integer> fixed = new TreeMap<>();
        for (int k = 0; k < pattern.layerCount(); k++) {
            int[] states = pattern.states(k);
            for (int i = 0; i < states.length; i++) {
                fixed.put(key(k, i), states[i]);
            }
        }
        return new PartialPattern(fixed);
    }

    /** This pattern with unit {@code unit} of activation layer {@code layer} also fixed to {@code state}. */
    public PartialPattern fix(int layer, int unit, int state) {
        if (layer < 0 || unit < 0 || state < 0) {
            throw new BadInputException("cannot fix layer " + layer + " unit " + unit + " to state " + state
                    + "; all three must be non-negative");
        }
        TreeMap<Long, Integer> next = new TreeMap<>(fixed);
        next.put(key(layer, unit), state);
        return new PartialPattern(next);
    }

    /** The fixed state of a unit, if any. */
    public OptionalInt state(int layer, int unit) {
        Integer s = fixed.get(key(layer, unit));
        return s == null ? OptionalInt.empty() : OptionalInt.of(s);
    }

    /** Number of fixed units. */
    public int size() {
        return fixed.size();
    }

    /** Throws {@link BadInputException} unless every fixed unit and state exists in {@code network}. */
    public void checkAgainst(PiecewiseAffineNetwork network) {
        for (Map.Entry<Long, Integer> e : fixed.entrySet()) {
            int layer = (int) (e.getKey() >>> 32);
            int unit = (int) (long) e.getKey();
            if (layer >= network.activations().size()) {
                throw new BadInputException("pattern fixes activation layer " + layer + " but " + network.source()
                        + " has " + network.activations().size());
            }
            ActivationStep step = network.activations().get(layer);
            if (unit >= step.size() || e.getValue() >= step.pieces().pieceCount()) {
                throw new BadInputException("pattern fixes activation layer " + layer + " unit " + unit + " to state "
                        + e.getValue() + " but that layer has " + step.size() + " units with "
                        + step.pieces().pieceCount() + " states");
            }
        }
    }

    private static long key(int layer, int unit) {
        return ((long) layer << 32) | unit;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PartialPattern p && fixed.equals(p.fixed);
    }

    @Override
    public int hashCode() {
        return fixed.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("PartialPattern[");
        fixed.forEach((k, v) -> s.append(s.length() > 15 ? ", " : "").append("L").append(k >>> 32).append('.')
                .append((int) (long) k).append('=').append(v));
        return s.append(']').toString();
    }
}
