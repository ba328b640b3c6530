package io.exactline.core.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.exactline.core.BadInputException;

class AttributionAgreementTest {

    /** τ-b straight from its definition, over all pairs. */
    private static double bruteForceTauB(double[] a, double[] b) {
        long concordant = 0;
        long discordant = 0;
        long tiedA = 0;
        long tiedB = 0;
        int n = a.length;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double da = Math.signum(a[i] - a[j]);
                double db = Math.signum(b[i] - b[j]);
                if (da == 0) {
                    tiedA++;
                }
                if (db == 0) {
                    tiedB++;
                }
                if (da * db > 0) {
                    concordant++;
                } else if (da * db < 0) {
                    discordant++;
                }
            }
        }
        long pairs = (long) n * (n - 1) / 2;
        return (concordant - discordant) / Math.sqrt((double) (pairs - tiedA) * (pairs - tiedB));
    }

    @Test
    void kendallTauMatchesTheDefinitionOnVectorsWithManyTies() {
        Random random = new Random(51);
        for (int trial = 0; trial < 200; trial++) {
            int n = 2 + random.nextInt(60);
            int levels = 1 + random.nextInt(6);
            double[] a = new double[n];
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = random.nextInt(levels + 1) - levels / 2;
                b[i] = trial % 2 == 0 ? random.nextInt(levels + 1) : random.nextGaussian();
            }
            boolean defined = Arrays.stream(a).distinct().count() > 1 && Arrays.stream(b).distinct().count() > 1;
            if (defined) {
                assertThat(AttributionAgreement.kendallTau(a, b).orElseThrow())
                        .as("a = %s, b = %s", Arrays.toString(a), Arrays.toString(b))
                        .isCloseTo(bruteForceTauB(a, b), within(1e-12));
            } else {
                assertThat(AttributionAgreement.kendallTau(a, b)).as("a = %s, b = %s", Arrays.toString(a),
                        Arrays.toString(b)).isEmpty();
            }
        }
    }

    @Test
    void kendallTauIsOneForTheSameOrderAndMinusOneForTheReverse() {
        double[] a = {0.1, 0.5, -2, 3, 0.2};
        double[] scaled = {1, 5, -20, 30, 2};
        double[] reversed = {-1, -5, 20, -30, -2};

        assertThat(AttributionAgreement.kendallTau(a, scaled)).hasValue(1.0);
        assertThat(AttributionAgreement.kendallTau(a, reversed)).hasValue(-1.0);
    }

    @Test
    void kendallTauCountsASingleSwapByHand() {
        // pairs: 6; swapping the last two ranks makes one discordant pair: (5 − 1) / 6
        assertThat(AttributionAgreement.kendallTau(new double[] {1, 2, 3, 4}, new double[] {1, 2, 4, 3}).orElseThrow())
                .isCloseTo(4.0 / 6, within(1e-15));
    }

    @Test
    void negativeZeroTiesWithZero() {
        assertThat(AttributionAgreement.kendallTau(new double[] {0.0, -0.0, 1}, new double[] {1, 2, 3}).orElseThrow())
                .isCloseTo(bruteForceTauB(new double[] {0, 0, 1}, new double[] {1, 2, 3}), within(1e-15));
    }

    @Test
    void kendallTauIsUndefinedForAConstantVector() {
        assertThat(AttributionAgreement.kendallTau(new double[] {2, 2, 2}, new double[] {1, 2, 3})).isEmpty();
    }

    @Test
    void topKIntersectionRanksByMagnitude() {
        double[] a = {0.9, -0.8, 0.1, 0.05, 0.7};
        double[] b = {0.1, 0.95, -0.85, 0.0, 0.6};

        // top 3 of a: {0, 1, 4}; of b: {1, 2, 4}
        assertThat(AttributionAgreement.topKIntersection(a, b, 3)).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(AttributionAgreement.topKIntersection(a, a, 3)).isEqualTo(1.0);
        assertThat(AttributionAgreement.topKIntersection(a, b, 5)).isEqualTo(1.0);
    }

    @Test
    void topKBreaksTiesByLowerIndex() {
        assertThat(AttributionAgreement.topK(new double[] {1, -2, 2, 1}, 3)).containsExactly(1, 2, 0);
    }

    @Test
    void rejectsAnOutOfRangeK() {
        assertThatThrownBy(() -> AttributionAgreement.topKIntersection(new double[3], new double[3], 4))
                .isInstanceOf(BadInputException.class).hasMessageContaining("K = 4");
    }

    @Test
    void rejectsNaN() {
        assertThatThrownBy(() -> AttributionAgreement.kendallTau(new double[] {1, Double.NaN}, new double[2]))
                .isInstanceOf(BadInputException.class).hasMessageContaining("attribution 1 is NaN");
    }
}
