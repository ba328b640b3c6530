package io.exactline.acasxu;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.exactline.core.network.Network;
import io.exactline.core.plane.ExactPlane;
import io.exactline.core.plane.PlanePartition;
import io.exactline.core.plane.Region;

/**
 * Certifies that one advisory holds on a whole rectangle of a linear slice, from the exact partition.
 *
 * <p>{@link ExactPlane} splits the rectangle into linear regions; on each, every margin {@code y_j - y_a} (score of
 * advisory {@code j} minus that of the advisory {@code a} asked about) is affine, so its minimum over the convex
 * region is attained at a vertex. The advisory holds on the rectangle iff all margins are positive at all
 * vertices. To stay sound under rounding, a margin counts as positive only above a tolerance of {@code 1e-9}
 * times the largest absolute score (at least {@code 1e-9}); a region with a smaller margin is searched for a
 * concrete counterexample (its worst vertex, then points towards its centroid), re-evaluated on the network. A
 * margin within the tolerance with no concrete counterexample leaves the question {@link RectangleVerdict.Undecided
 * undecided}.
 */
public final class SliceCertifier {
    private static final double TOLERANCE = 1e-9;
    private static final double[] TOWARDS_CENTROID = {0.0, 1e-6, 1e-3, 0.1, 0.5, 1.0};

    private SliceCertifier() {
    }

    /** Whether {@code advisory} holds everywhere on {@code rectangle}. */
    public static RectangleVerdict certify(Network network, InputSlice rectangle, Advisory advisory) {
        PlanePartition partition = ExactPlane.partition(network, rectangle.plane(), rectangle.corners());
        int a = advisory.outputIndex();
        double minimal = Double.POSITIVE_INFINITY;
        double[] minimalPoint = null;
        List<Violation> violations = new ArrayList<>();
        for (Region region : partition.regions()) {
            double[][] scores = region.outputs();
            double[][] vertices = region.planeVertices();
            int worst = -1;
            double worstMargin = Double.POSITIVE_INFINITY;
            double scale = 1.0;
            for (int v = 0; v < scores.length; v++) {
                double margin = margin(scores[v], a);
                if (margin < worstMargin) {
                    worstMargin = margin;
                    worst = v;
                }
                for (double s : scores[v]) {
                    scale = Math.max(scale, Math.abs(s));
                }
            }
            if (worstMargin < minimal) {
                minimal = worstMargin;
                minimalPoint = vertices[worst];
            }
            if (worstMargin <= TOLERANCE * scale) {
                violations.add(new Violation(worstMargin, vertices[worst], region.centroid()));
            }
        }
        if (violations.isEmpty()) {
            return new RectangleVerdict.Certified(advisory, partition.regionCount(), minimal);
        }
        violations.sort((p, q) -> Double.compare(p.margin, q.margin));
        for (Violation violation : violations) {
            Optional<RectangleVerdict.Counterexample> found = concrete(network, rectangle, advisory, violation);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return new RectangleVerdict.Undecided(advisory, clamped(rectangle, minimalPoint), minimal);
    }

    /** {@code min_j (y_j - y_a)} over {@code j != a}. */
    private static double margin(double[] scores, int a) {
        double margin = Double.POSITIVE_INFINITY;
        for (int j = 0; j < scores.length; j++) {
            if (j != a) {
                margin = Math.min(margin, scores[j] - scores[a]);
            }
        }
        return margin;
    }

    private static Optional<RectangleVerdict.Counterexample> concrete(Network network, InputSlice rectangle,
            Advisory advisory, Violation violation) {
        for (double r : TOWARDS_CENTROID) {
            double u = violation.vertex[0] + r * (violation.centroid[0] - violation.vertex[0]);
            double w = violation.vertex[1] + r * (violation.centroid[1] - violation.vertex[1]);
            EncounterState state = clamped(rectangle, new double[] {u, w});
            double[] scores = network.evaluate(state.normalized());
            if (Advisory.of(scores) != advisory) {
                return Optional.of(new RectangleVerdict.Counterexample(advisory, state, scores));
            }
        }
        return Optional.empty();
    }

    /** The state at {@code (u, w)} moved into the rectangle (vertices may leave it by rounding). */
    private static EncounterState clamped(InputSlice rectangle, double[] uw) {
        AxisRange x = rectangle.x();
        AxisRange y = rectangle.y();
        return rectangle.stateAt(Math.min(x.max(), Math.max(x.min(), uw[0])),
                Math.min(y.max(), Math.max(y.min(), uw[1])));
    }

    private record Violation(double margin, double[] vertex, double[] centroid) {
    }
}
