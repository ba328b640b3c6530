package io.exactline.acasxu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.exactline.core.layer.Dense;
import io.exactline.core.network.Network;

class AdvisorySliceTest {
    private static final InputSlice RHO_THETA = new InputSlice(AxisRange.full(InputVariable.RHO),
            new AxisRange(InputVariable.THETA, -Math.PI, Math.PI), new EncounterState(0, 0, 0.5, 650, 600));

    /**
     * COC = x_0 - 0.2 and SL = 2 x_1 in normalised inputs, the other scores 10: COC wins above the line
     * x_1 = (x_0 - 0.2) / 2, which crosses the whole (rho, theta) rectangle from left to right.
     */
    private static Network cocAboveALine() {
        double[][] w = new double[5][5];
        w[0][0] = 1;
        w[3][1] = 2;
        return new Network(List.of(new Dense(w, new double[] {-0.2, 10, 10, 0, 10})), "hand-made line");
    }

    @Test
    void aRegionCrossedByAnAdvisoryBoundaryIsSplitExactlyAlongIt() {
        AdvisorySlice slice = AdvisorySlice.compute(cocAboveALine(), RHO_THETA);

        assertThat(slice.regionCount()).isEqualTo(1);
        assertThat(slice.splitRegions()).isEqualTo(1);
        assertThat(slice.cells()).extracting(AdvisoryCell::advisory).containsExactly(Advisory.COC, Advisory.SL);
        // In normalised units the rectangle is [a, b] x [-1/2, 1/2]; SL holds below y = (x - 0.2) / 2, an area of
        // integral_a^b (x / 2 + 0.4) dx.
        double a = Normalization.normalizedMin()[0];
        double b = Normalization.normalizedMax()[0];
        double belowLine = (b * b - a * a) / 4 + 0.4 * (b - a);
        Map<Advisory, Double> fractions = slice.areaFractions();
        assertThat(fractions.get(Advisory.SL)).isCloseTo(belowLine / (b - a), within(1e-12));
        assertThat(fractions.get(Advisory.COC)).isCloseTo(1 - belowLine / (b - a), within(1e-12));
        assertThat(fractions.get(Advisory.WL)).isZero();
    }

    @Test
    void boundarySegmentsLieOnTheLineWhereTheTwoScoresTie() {
        Network network = cocAboveALine();
        AdvisorySlice slice = AdvisorySlice.compute(network, RHO_THETA);

        List<BoundarySegment> boundaries = slice.boundaries();

        assertThat(boundaries).isNotEmpty();
        double length = 0;
        for (BoundarySegment s : boundaries) {
            assertThat(s.lower()).isEqualTo(Advisory.COC);
            assertThat(s.higher()).isEqualTo(Advisory.SL);
            for (double[] uw : new double[][] {{s.u0(), s.w0()}, {s.u1(), s.w1()}}) {
                double[] y = network.evaluate(RHO_THETA.inputAt(uw[0], uw[1]));
                assertThat(y[0] - y[3]).as("tie at %s", uw).isCloseTo(0, within(1e-12));
            }
            length += Math.hypot((s.u1() - s.u0()) / 60760, (s.w1() - s.w0()) / (2 * Math.PI));
        }
        // The line y = (x - 0.2) / 2 crosses the whole normalised rectangle: x from a to b, rise (b - a) / 2.
        double a = Normalization.normalizedMin()[0];
        double b = Normalization.normalizedMax()[0];
        assertThat(length).isCloseTo(Math.hypot((b - a) * 60261 / 60760, (b - a) / 2 * 6.28318530718 / (2 * Math.PI)),
                within(1e-9));
    }

    @Test
    void theTwoAdvisoriesOfEveryBoundarySegmentTieThereAsTheNetworkIsContinuous() {
        Network network = AcasNetworks.bundled(NetworkId.parse("1_1"));
        InputSlice near = new InputSlice(new AxisRange(InputVariable.RHO, 0, 10000),
                new AxisRange(InputVariable.THETA, -1.5, -0.5), new EncounterState(0, 0, Math.PI, 800, 800));
        AdvisorySlice slice = AdvisorySlice.compute(network, near);

        List<String> offBoundary = new ArrayList<>();
        List<BoundarySegment> boundaries = slice.boundaries();
        for (BoundarySegment s : boundaries) {
            for (double r : new double[] {0.0, 0.5, 1.0}) {
                double u = s.u0() + r * (s.u1() - s.u0());
                double w = s.w0() + r * (s.w1() - s.w0());
                double[] y = network.evaluate(near.inputAt(u, w));
                double tie = Math.abs(y[s.lower().outputIndex()] - y[s.higher().outputIndex()]);
                double lowest = Math.min(y[s.lower().outputIndex()], y[s.higher().outputIndex()]);
                boolean others = true;
                for (double v : y) {
                    others &= v >= lowest - 1e-8;
                }
                // A segment may run up to 1e-9 of the slice off the true boundary (past a thinner sliver), where
                // the scores, changing by less than 10 per unit of the slice, tie within 1e-8.
                if (tie > 1e-8 || !others) {
                    offBoundary.add(s + " at r=" + r + ": scores " + java.util.Arrays.toString(y));
                }
            }
        }
        assertThat(boundaries).hasSizeGreaterThan(100);
        assertThat(offBoundary).isEmpty();
    }

    @Test
    void cellsAgreeWithTheNetworkAtRandomPointsOfARealSlice() {
        Network network = AcasNetworks.bundled(NetworkId.parse("1_1"));
        AdvisorySlice slice = AdvisorySlice.compute(network, RHO_THETA);
        Random random = new Random(7);
        List<String> disagreements = new ArrayList<>();
        int located = 0;
        for (int i = 0; i < 500; i++) {
            double u = random.nextDouble() * 60760;
            double w = -Math.PI + random.nextDouble() * 2 * Math.PI;
            double[] scores = network.evaluate(RHO_THETA.inputAt(u, w));
            Advisory evaluated = Advisory.of(scores);
            for (AdvisoryCell cell : slice.cells()) {
                if (contains(cell, u, w)) {
                    located++;
                    if (cell.advisory() != evaluated && gap(scores) > 1e-9) {
                        disagreements.add("(" + u + ", " + w + ") in " + cell + " but the network gives " + evaluated);
                    }
                    break;
                }
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(located).isEqualTo(500);
    }

    @Test
    void cellsTileTheSlice() {
        AdvisorySlice slice = AdvisorySlice.compute(AcasNetworks.bundled(NetworkId.parse("3_4")),
                new InputSlice(AxisRange.full(InputVariable.VOWN), AxisRange.full(InputVariable.VINT),
                        new EncounterState(3000, 0.4, -2.5, 0, 0)));

        double total = slice.cells().stream().mapToDouble(AdvisoryCell::area).sum();
        assertThat(total).isCloseTo(1100.0 * 1200.0, within(1e-6 * 1100 * 1200));
        assertThat(slice.areaFractions().values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(1.0, within(1e-9));
        assertThat(slice.cells().size()).isGreaterThanOrEqualTo(slice.regionCount());
    }

    /** Whether the counterclockwise convex cell contains {@code (u, w)}, measured in units of the slice's size. */
    private static boolean contains(AdvisoryCell cell, double u, double w) {
        double[][] v = cell.vertices();
        for (int k = 0; k < v.length; k++) {
            double[] p = v[k];
            double[] q = v[(k + 1) % v.length];
            double cross = (q[0] - p[0]) / 60760 * (w - p[1]) / (2 * Math.PI)
                    - (q[1] - p[1]) / (2 * Math.PI) * (u - p[0]) / 60760;
            if (cross < -1e-15) {
                return false;
            }
        }
        return true;
    }

    /** Second-lowest minus lowest score. */
    private static double gap(double[] scores) {
        double[] sorted = scores.clone();
        java.util.Arrays.sort(sorted);
        return sorted[1] - sorted[0];
    }
}
