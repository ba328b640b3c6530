package io.exactline.acasxu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.exactline.core.BadInputException;

class LineAdvisoriesTest {
    private static LineAdvisories of(AdvisoryInterval... intervals) {
        return new LineAdvisories("test", new double[5], new double[] {1, 0, 0, 0, 0}, 1, List.of(intervals));
    }

    @Test
    void anIntervalBetweenTwoSamplesIsMissed() {
        // 1001 samples at k / 1000: 0.100 and 0.101 lie on either side of the WL interval.
        AdvisoryInterval hidden = new AdvisoryInterval(0.1002, 0.1008, Advisory.WL);
        LineAdvisories line = of(new AdvisoryInterval(0, 0.1002, Advisory.COC), hidden,
                new AdvisoryInterval(0.1008, 1, Advisory.COC));

        assertThat(line.missedBySampling(1001)).containsExactly(hidden);
        assertThat(line.missedBySampling(5001)).isEmpty();
    }

    @Test
    void aSampleOnAnIntervalsStartHitsItButOneOnItsEndDoesNot() {
        AdvisoryInterval startsOnSample = new AdvisoryInterval(0.2, 0.2005, Advisory.SL);
        AdvisoryInterval endsOnSample = new AdvisoryInterval(0.2995, 0.3, Advisory.SR);
        LineAdvisories line = of(new AdvisoryInterval(0, 0.2, Advisory.COC), startsOnSample,
                new AdvisoryInterval(0.2005, 0.2995, Advisory.COC), endsOnSample,
                new AdvisoryInterval(0.3, 1, Advisory.COC));

        assertThat(line.missedBySampling(1001)).containsExactly(endsOnSample);
        assertThat(line.intervalAt(0.2)).isEqualTo(startsOnSample);
        assertThat(line.intervalAt(0.3).advisory()).isEqualTo(Advisory.COC);
    }

    @Test
    void theLastIntervalIncludesTheSegmentEnd() {
        AdvisoryInterval last = new AdvisoryInterval(0.9999, 1, Advisory.WR);
        LineAdvisories line = of(new AdvisoryInterval(0, 0.9999, Advisory.COC), last);

        assertThat(line.missedBySampling(2)).isEmpty();
        assertThat(line.intervalAt(1.0)).isEqualTo(last);
        assertThat(line.switches()).isEqualTo(1);
        assertThat(line.shortest()).isEqualTo(last);
    }

    @Test
    void fewerThanTwoSamplesAreRefused() {
        LineAdvisories line = of(new AdvisoryInterval(0, 1, Advisory.COC));

        assertThatThrownBy(() -> line.missedBySampling(1)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("at least 2 samples");
    }
}
