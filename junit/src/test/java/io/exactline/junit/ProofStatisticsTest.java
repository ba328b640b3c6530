package io.exactline.junit;

import static io.exactline.junit.ExactlineAssertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ProofStatisticsTest {

    @Test
    void totalsCountProofsByVerdictCacheHitsAndTime() {
        ProofStatistics totals = new ProofStatistics();
        totals.add(new ProofRecord("n", "p", "bab", "unsat", Duration.ofMillis(2500), false));
        totals.add(new ProofRecord("n", "q", "bab", "unsat", Duration.ofMillis(1), true));
        totals.add(new ProofRecord("m", "p", "auto", "sat", Duration.ofMillis(999), false));

        assertThat(totals.summary()).isEqualTo("3 proofs (1 sat, 2 unsat), 1 from the proof cache, 3.500 s");
    }
}
