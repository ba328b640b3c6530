package io.exactline.acasxu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.exactline.core.BadInputException;
import io.exactline.core.layer.Dense;
import io.exactline.core.layer.Relu;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;

class LineCertifierTest {
    private static final double[] ORIGIN = new double[5];
    private static final double[] E0 = {1, 0, 0, 0, 0};

    /** Scores {@code slope_k * x_0 + offset_k}: along x_0 = t they are the given lines. */
    private static Network affineScores(double[] slopes, double[] offsets) {
        double[][] w = new double[5][5];
        for (int k = 0; k < 5; k++) {
            w[k][0] = slopes[k];
        }
        return new Network(List.of(new Dense(w, offsets)), "hand-made affine scores");
    }

    @Test
    void switchesAreTheCrossingsOfTheLowerEnvelopeOfAffineScores() {
        // COC = t - 0.2, WL = 0.1 - 0.5 t, WR = 1, SL = 2 - 2.5 t, SR = 0.6 - 1.5 t:
        // COC is lowest until WL crosses it at t = 0.2, WL until SR crosses it at t = 0.5; SL meets SR at t = 1.4.
        Network network = affineScores(new double[] {1, -0.5, 0, -2.5, -1.5}, new double[] {-0.2, 0.1, 1, 2, 0.6});

        LineAdvisories line = LineCertifier.certifyNormalized(network, ORIGIN, E0);

        assertThat(line.intervals()).extracting(AdvisoryInterval::advisory)
                .containsExactly(Advisory.COC, Advisory.WL, Advisory.SR);
        assertThat(line.boundaries()).containsExactly(new double[] {0.2, 0.5}, within(1e-15));
        assertThat(line.switches()).isEqualTo(2);
        assertThat(line.shortest().advisory()).isEqualTo(Advisory.COC);
        assertThat(line.pieces()).isEqualTo(1);
    }

    @Test
    void aSwitchInsideTheSecondReluPieceIsFoundFromThatPiecesScores() {
        // h = relu(x_0 - 0.5); COC = 0.1, SL = 0.2 - h, SR = 0.15 - 0.2 h, WL = WR = 1.
        // SL drops below COC where h = 0.1 (t = 0.6); SR never gets below COC or SL there.
        double[][] hidden = {{1, 0, 0, 0, 0}};
        double[][] out = {{0}, {0}, {0}, {-1}, {-0.2}};
        Network network = new Network(List.of(new Dense(hidden, new double[] {-0.5}), new Relu(Shape.vector(1)),
                new Dense(out, new double[] {0.1, 1, 1, 0.2, 0.15})), "hand-made relu scores");

        LineAdvisories line = LineCertifier.certifyNormalized(network, ORIGIN, E0);

        assertThat(line.pieces()).isEqualTo(2);
        assertThat(line.intervals()).extracting(AdvisoryInterval::advisory).containsExactly(Advisory.COC, Advisory.SL);
        assertThat(line.boundaries()).containsExactly(new double[] {0.6}, within(1e-15));
    }

    @Test
    void threeScoresMeetingInAPointGiveNoEmptyInterval() {
        // COC = t - 0.5 and SR = 0.5 - t cross at t = 0.5 where WL = 0 touches both but is never strictly lowest.
        Network network = affineScores(new double[] {1, 0, 0, 0, -1}, new double[] {-0.5, 0, 1, 1, 0.5});

        LineAdvisories line = LineCertifier.certifyNormalized(network, ORIGIN, E0);

        assertThat(line.intervals()).extracting(AdvisoryInterval::advisory).containsExactly(Advisory.COC, Advisory.SR);
        assertThat(line.boundaries()).containsExactly(new double[] {0.5}, within(1e-15));
    }

    @Test
    void identicalLowestScoresGoToTheLowerAdvisoryIndex() {
        Network network = affineScores(new double[] {0, 0, 1, 0, 0}, new double[] {0.3, 0.3, -1, 0.3, 0.3});

        LineAdvisories line = LineCertifier.certifyNormalized(network, ORIGIN, E0);

        // WR = t - 1 is lowest until it meets the four tied scores 0.3 at t = 1.3, beyond the segment.
        assertThat(line.intervals()).containsExactly(new AdvisoryInterval(0, 1, Advisory.WR));
        LineAdvisories back = LineCertifier.certifyNormalized(
                affineScores(new double[] {0, 0, 2, 0, 0}, new double[] {0.3, 0.3, -1, 0.3, 0.3}), ORIGIN, E0);
        assertThat(back.intervals()).extracting(AdvisoryInterval::advisory).containsExactly(Advisory.WR, Advisory.COC);
        assertThat(back.boundaries()).containsExactly(new double[] {0.65}, within(1e-15));
    }

    @Test
    void boundariesOnBundledNetworksSeparateTheClaimedAdvisoriesWhenEvaluated() {
        double[] low = Normalization.normalizedMin();
        double[] high = Normalization.normalizedMax();
        Random random = new Random(20240611L);
        int checkedBoundaries = 0;
        for (String id : new String[] {"1_1", "2_5", "3_3", "4_9", "5_9"}) {
            Network network = AcasNetworks.bundled(NetworkId.parse(id));
            for (int line = 0; line < 20; line++) {
                double[] a = uniform(random, low, high);
                double[] b = uniform(random, low, high);
                LineAdvisories advisories = LineCertifier.certifyNormalized(network, a, b);
                List<AdvisoryInterval> intervals = advisories.intervals();
                for (int i = 0; i < intervals.size(); i++) {
                    AdvisoryInterval interval = intervals.get(i);
                    assertThat(evaluate(network, advisories, interval.midpoint()))
                            .as("%s line %d midpoint of %s", id, line, interval).isEqualTo(interval.advisory());
                    if (i > 0) {
                        AdvisoryInterval before = intervals.get(i - 1);
                        double t = interval.tStart();
                        double step = Math.min(1e-9, 0.25 * Math.min(before.length(), interval.length()));
                        assertThat(evaluate(network, advisories, t - step))
                                .as("%s line %d just left of %.17g (a=%s, b=%s)", id, line, t, a, b)
                                .isEqualTo(before.advisory());
                        assertThat(evaluate(network, advisories, t + step))
                                .as("%s line %d just right of %.17g (a=%s, b=%s)", id, line, t, a, b)
                                .isEqualTo(interval.advisory());
                        checkedBoundaries++;
                    }
                }
            }
        }
        assertThat(checkedBoundaries).as("the random lines must cross advisory boundaries").isGreaterThan(50);
    }

    @Test
    void denseSamplingNeverContradictsTheIntervalsAwayFromBoundaries() {
        Showcase showcase = Showcase.HEAD_ON_1_3;
        Network network = AcasNetworks.bundled(NetworkId.parse(showcase.network));
        LineAdvisories line = LineCertifier.certify(network, showcase.from, showcase.to);
        double[] boundaries = line.boundaries();
        int samples = 100_000;
        List<String> contradictions = new ArrayList<>();
        for (int k = 0; k < samples; k++) {
            double t = k / (samples - 1.0);
            Advisory sampled = evaluate(network, line, t);
            if (sampled != line.intervalAt(t).advisory() && distanceToNearest(boundaries, t) > 1e-9) {
                contradictions.add("t=" + t + " sampled " + sampled + " claimed " + line.intervalAt(t));
            }
        }
        assertThat(contradictions).isEmpty();
        assertThat(line.switches()).isEqualTo(10);
    }

    @Test
    void thousandSamplesMissAnAdvisoryOnTheShowcaseLines() {
        for (Showcase showcase : Showcase.values()) {
            Network network = AcasNetworks.bundled(NetworkId.parse(showcase.network));
            LineAdvisories line = LineCertifier.certify(network, showcase.from, showcase.to);

            List<AdvisoryInterval> missed = line.missedBySampling(1000);

            assertThat(missed).as(showcase.name()).hasSize(1);
            AdvisoryInterval interval = missed.get(0);
            assertThat(interval.advisory()).as(showcase.name()).isEqualTo(showcase.missed);
            assertThat(interval.tStart()).as(showcase.name()).isCloseTo(showcase.missedStart, within(1e-9));
            assertThat(interval.tEnd()).as(showcase.name()).isCloseTo(showcase.missedEnd, within(1e-9));
            // Independent of the intervals: the network does give that advisory there, and no sample sees it there.
            assertThat(evaluate(network, line, interval.midpoint())).as(showcase.name()).isEqualTo(showcase.missed);
            int below = (int) Math.floor(interval.tStart() * 999);
            for (int k = Math.max(0, below - 2); k <= Math.min(999, below + 3); k++) {
                assertThat(evaluate(network, line, k / 999.0)).as("%s sample %d", showcase.name(), k)
                        .isNotEqualTo(showcase.missed);
            }
        }
    }

    @Test
    void encountersOutsideTheDomainAreRefusedWithTheCoordinate() {
        Network network = AcasNetworks.bundled(new NetworkId(1, 1));
        EncounterState inside = new EncounterState(1000, 0, 0, 500, 500);
        EncounterState tooFar = new EncounterState(70000, 0, 0, 500, 500);

        assertThatThrownBy(() -> LineCertifier.certify(network, inside, tooFar))
                .isInstanceOf(BadInputException.class).hasMessageContaining("rho = 70000").hasMessageContaining("60760");
    }

    @Test
    void aNetworkThatIsNotFiveToFiveIsRefused() {
        Network three = new Network(List.of(new Dense(new double[3][5], new double[3])), "three outputs");

        assertThatThrownBy(() -> LineCertifier.certifyNormalized(three, ORIGIN, E0))
                .isInstanceOf(BadInputException.class).hasMessageContaining("3 outputs");
    }

    private static Advisory evaluate(Network network, LineAdvisories line, double t) {
        return Advisory.of(network.evaluate(line.inputAt(t)));
    }

    private static double distanceToNearest(double[] sorted, double t) {
        double best = Double.POSITIVE_INFINITY;
        for (double b : sorted) {
            best = Math.min(best, Math.abs(b - t));
        }
        return best;
    }

    private static double[] uniform(Random random, double[] low, double[] high) {
        double[] x = new double[low.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = low[i] + random.nextDouble() * (high[i] - low[i]);
        }
        return x;
    }
}
