package io.exactline.junit;

import static io.exactline.junit.ExactlineAssertions.assertThat;
import static io.exactline.junit.ExactlineAssertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.exactline.acasxu.AcasNetworks;
import io.exactline.acasxu.Advisory;
import io.exactline.acasxu.EncounterState;
import io.exactline.acasxu.NetworkId;
import io.exactline.core.network.Network;

class SegmentAssertTest {
    private static final double[] MINUS_ONE = {-1};
    private static final double[] TWO = {2};

    /** Head-on, slow ownship, range 0 to 60,760 ft on N_1,1 (a 13 ft weak right near 48,443 ft). */
    private static final EncounterState HEAD_ON_NEAR = new EncounterState(0, 0, Math.PI, 100, 1200);
    private static final EncounterState HEAD_ON_FAR = new EncounterState(60760, 0, Math.PI, 100, 1200);

    @Test
    void piecesAreCountedByExactLine() {
        assertThat(SmallNetworks.twoKinks()).onSegment(MINUS_ONE, TWO).hasAtMostPieces(3);
        assertThatThrownBy(() -> assertThat(SmallNetworks.twoKinks()).onSegment(MINUS_ONE, TWO).hasAtMostPieces(2))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("splits it into 3 pieces");
    }

    @Test
    void classificationHoldsOnTheWholeSegmentOrFailsAtAPieceEndWithThePoint() {
        assertThat(SmallNetworks.twoKinks()).onSegment(new double[] {0.6}, TWO).alwaysClassifiesAs(0);
        assertThat(SmallNetworks.twoKinks()).onSegment(MINUS_ONE, new double[] {0.4}).alwaysClassifiesAs(1);
        assertThatThrownBy(() -> assertThat(SmallNetworks.twoKinks()).onSegment(TWO, MINUS_ONE)
                .alwaysClassifiesAs(0))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("at the piece end t = 0.666")
                .hasMessageContaining("output 1 = 0.5 is not below output 0 = 0.0")
                .hasMessageContaining("x(t) = [0.0]");
    }

    @Test
    void classificationFailsWhenTheClassChangesInsideAPiece() {
        // Output 0 - output 1 = x - 0.5 changes sign inside the piece [0, 1] (t = 0.5 of this segment); the piece
        // end x = 1 is fine, the start x = 0 is not.
        assertThatThrownBy(() -> assertThat(SmallNetworks.twoKinks()).onSegment(new double[] {0}, new double[] {1})
                .alwaysClassifiesAs(0))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("at the piece end t = 0.0");
    }

    @Test
    void advisoriesAlongARealLineComeInTheCertifiedOrder() {
        Network n11 = AcasNetworks.bundled(NetworkId.parse("1_1"));
        assertThat(n11).onSegment(HEAD_ON_NEAR, HEAD_ON_FAR)
                .advisesInOrder(Advisory.SR, Advisory.SL, Advisory.SR, Advisory.WR, Advisory.SL, Advisory.WR);
        assertThatThrownBy(() -> assertThat(n11).onSegment(HEAD_ON_NEAR, HEAD_ON_FAR)
                .advisesInOrder(Advisory.SR, Advisory.SL, Advisory.SR, Advisory.SL, Advisory.WR))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("but it advises SR on [0.0, 0.0126");
    }

    @Test
    void aDifferentAdvisoryFailsWithItsIntervalThePointAndTheScores() {
        Network n11 = AcasNetworks.bundled(NetworkId.parse("1_1"));
        assertThatThrownBy(() -> assertThat(n11).onSegment(HEAD_ON_NEAR, HEAD_ON_FAR).alwaysAdvises(Advisory.SR))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("but on t in [0.0126807061238257")
                .hasMessageContaining("it advises SL")
                .hasMessageContaining("x(t) = [")
                .hasMessageContaining("scores f(x) = [");
    }

    @Test
    void aSegmentWithOneAdvisoryPasses() {
        EncounterState far = new EncounterState(60760, 0.5, 0, 1200, 400);
        assertThat(AcasNetworks.bundled(NetworkId.parse("1_1"))).onSegment(far, far).alwaysAdvises(Advisory.COC);
    }
}
