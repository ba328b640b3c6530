package io.exactline.acasxu;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.exactline.core.BadInputException;
import io.exactline.core.network.Network;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.Engine;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.property.PropertyCase;
import io.exactline.verifier.verdict.Sat;
import io.exactline.verifier.verdict.Timeout;
import io.exactline.verifier.verdict.Unknown;
import io.exactline.verifier.verdict.Unsat;
import io.exactline.verifier.verdict.Verdict;

/**
 * Certifies that one advisory holds on a whole rectangle of a linear slice, by the verifier.
 *
 * <p>"Advisory {@code a} holds on the rectangle" is proven by showing that the unsafe set
 * {@code OR_{b != a} (Y_b <= Y_a)} (some other score at most {@code a}'s) has no point in the rectangle's box of
 * normalised inputs ({@link InputSlice#box()}, widened outward). That is the property "the advisory is {@code a}"
 * of {@link AdvisoryRequirement.AdvisoryAmong}; a tie counts against the claim, so the certificate holds whatever
 * the tie-break. Only an {@code unsat} from an engine whose unsat is sound under floating-point rounding
 * ({@link io.exactline.verifier.Guarantee#soundInFloatingPoint()}) certifies; a {@code sat} point is re-evaluated on
 * the network (moved into the rectangle first) and reported only when the network there gives another advisory;
 * everything else leaves the rectangle {@link RectangleVerdict.Undecided undecided}.
 */
public final class SliceCertifier {
    private SliceCertifier() {
    }

    /** Whether {@code advisory} holds everywhere on {@code rectangle}, decided by {@code engine} within {@code timeout}. */
    public static RectangleVerdict certify(Network network, InputSlice rectangle, Advisory advisory, Engine engine,
            Duration timeout) {
        Property property = new Property("advisory " + advisory + " on " + rectangle.x() + ", " + rectangle.y(), 5, 5,
                List.of(new PropertyCase(rectangle.box().normalized(),
                        AdvisoryRequirement.AdvisoryAmong.of(advisory).violation())));
        long start = System.nanoTime();
        Verdict verdict = engine.verify(network, property, Deadline.after(timeout));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        if (verdict instanceof Unsat) {
            if (!engine.guarantee().soundInFloatingPoint()) {
                return new RectangleVerdict.Undecided(advisory, "engine " + engine.name() + " answered unsat, but its"
                        + " unsat is not sound under floating-point rounding; use auto or bab to certify");
            }
            return new RectangleVerdict.Certified(advisory, engine.name(), elapsed);
        }
        if (verdict instanceof Sat sat) {
            double[] x = sat.counterexample().input();
            EncounterState found = EncounterState.fromNormalized(x);
            EncounterState state = rectangle.stateAt(
                    clamp(found.toArray()[rectangle.x().input().index()], rectangle.x()),
                    clamp(found.toArray()[rectangle.y().input().index()], rectangle.y()));
            double[] scores = network.evaluate(state.normalized());
            if (Advisory.of(scores) != advisory) {
                return new RectangleVerdict.Counterexample(advisory, new AcasCounterexample(state, scores));
            }
            return new RectangleVerdict.Undecided(advisory, "another score ties with " + advisory + " within rounding"
                    + " at " + state + ", where the network still gives " + advisory);
        }
        if (verdict instanceof Timeout t) {
            return new RectangleVerdict.Undecided(advisory, "the verifier (" + engine.name() + ") timed out after "
                    + t.budget().toMillis() / 1000.0 + " s");
        }
        return new RectangleVerdict.Undecided(advisory, "the verifier (" + engine.name() + ") gave up: "
                + ((Unknown) verdict).reason());
    }

    /**
     * Cuts {@code slice} into {@code columns x rows} equal tiles and asks, for each, whether the advisory the
     * network gives at the tile's centre holds on all of it ({@link #certify}, {@code timeout} per tile). Tiles in
     * row-major order from the lower left.
     *
     * @throws BadInputException unless both counts are positive
     */
    public static List<CertifiedTile> certifyTiles(Network network, InputSlice slice, int columns, int rows,
            Engine engine, Duration timeout) {
        if (columns < 1 || rows < 1) {
            throw new BadInputException("a slice is cut into at least 1 x 1 tiles, not " + columns + " x " + rows);
        }
        AxisRange x = slice.x();
        AxisRange y = slice.y();
        List<CertifiedTile> tiles = new ArrayList<>(columns * rows);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                InputSlice tile = slice.withRanges(
                        new AxisRange(x.input(), split(x, c, columns), split(x, c + 1, columns)),
                        new AxisRange(y.input(), split(y, r, rows), split(y, r + 1, rows)));
                double[] centre = network.evaluate(tile.inputAt(0.5 * (tile.x().min() + tile.x().max()),
                        0.5 * (tile.y().min() + tile.y().max())));
                tiles.add(new CertifiedTile(tile, certify(network, tile, Advisory.of(centre), engine, timeout)));
            }
        }
        return tiles;
    }

    /** The {@code k}-th of {@code n + 1} evenly spaced points of the range, its ends exact. */
    private static double split(AxisRange range, int k, int n) {
        return k == n ? range.max() : range.min() + (range.max() - range.min()) * k / n;
    }

    private static double clamp(double v, AxisRange range) {
        return Math.min(range.max(), Math.max(range.min(), v));
    }
}
