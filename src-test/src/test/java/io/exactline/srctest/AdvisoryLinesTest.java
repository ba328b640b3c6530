package io.exactline.srctest;

import static io.exactline.acasxu.Advisory.COC;
import static io.exactline.acasxu.Advisory.SL;
import static io.exactline.acasxu.Advisory.SR;
import static io.exactline.acasxu.Advisory.WL;
import static io.exactline.acasxu.Advisory.WR;
import static io.exactline.junit.ExactlineAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.exactline.acasxu.EncounterState;
import io.exactline.core.network.Network;
import io.exactline.junit.ExactlineExtension;
import io.exactline.junit.NetworkFile;

/**
 * Exact advisory sequences of the bundled ACAS Xu networks along lines of encounters (physical units: range ft,
 * bearing rad, heading rad, speeds ft/s), certified by ExactLine. Each line holds an interval that 1,000 evenly
 * spaced samples miss; a retrained network, or a change to ExactLine or the certifier, that moves an advisory
 * changes the sequence and fails here.
 */
@ExtendWith(ExactlineExtension.class)
class AdvisoryLinesTest {

    @Test
    void headOnAtFullSpeedOn1_3(@NetworkFile("acasxu:1_3") Network net) {
        assertThat(net).onSegment(new EncounterState(0, 0, Math.PI, 1200, 1200),
                new EncounterState(60760, 0, Math.PI, 1200, 1200))
                .advisesInOrder(SL, SR, SL, SR, SL, SR, SL, SR, SL, SR, WR)
                .hasAtMostPieces(215);
    }

    @Test
    void headOnWithASlowOwnshipOn1_1(@NetworkFile("acasxu:1_1") Network net) {
        assertThat(net).onSegment(new EncounterState(0, 0, Math.PI, 100, 1200),
                new EncounterState(60760, 0, Math.PI, 100, 1200))
                .advisesInOrder(SR, SL, SR, WR, SL, WR)
                .hasAtMostPieces(242);
    }

    @Test
    void bearingSweptAroundTheOwnshipOn1_1(@NetworkFile("acasxu:1_1") Network net) {
        assertThat(net).onSegment(new EncounterState(1000, -Math.PI, 2, 1200, 400),
                new EncounterState(1000, Math.PI, 2, 1200, 400))
                .advisesInOrder(WR, WL, SL, SR, SL, SR, SL, SR, SL, SR, WR)
                .hasAtMostPieces(338);
    }

    @Test
    void intruderToTheRightOn1_7(@NetworkFile("acasxu:1_7") Network net) {
        assertThat(net).onSegment(new EncounterState(0, -1, 0.5, 400, 400),
                new EncounterState(60760, -1, 0.5, 400, 400))
                .advisesInOrder(COC, WR, WL, COC, WR, COC, WL, COC)
                .hasAtMostPieces(170);
    }

    @Test
    void intruderToTheRightIsClearOfConflictBeyond13000FeetOn1_7(@NetworkFile("acasxu:1_7") Network net) {
        assertThat(net).onSegment(new EncounterState(13000, -1, 0.5, 400, 400),
                new EncounterState(60760, -1, 0.5, 400, 400))
                .alwaysAdvises(COC);
    }

    @Test
    void headOnAtFullSpeedAfterWeakLeftOn2_1(@NetworkFile("acasxu:2_1") Network net) {
        assertThat(net).onSegment(new EncounterState(0, 0, Math.PI, 1200, 1200),
                new EncounterState(60760, 0, Math.PI, 1200, 1200))
                .advisesInOrder(SL, WL, SL, WL, SL, SR, SL)
                .hasAtMostPieces(211);
    }
}
