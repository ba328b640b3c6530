package io.exactline.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.exactline.acasxu.Advisory;
import io.exactline.acasxu.AcasNetworks;
import io.exactline.acasxu.EncounterState;
import io.exactline.core.network.Network;

class LineCheckerTest {
    /** The demo's intruder (theta = 0.3 rad, psi = pi) closing from 60,760 ft to 1,000 ft, in physical units. */
    private static final double[] FAR = {60760, 0.3, Math.PI, 800, 600};
    private static final double[] NEAR = {1000, 0.3, Math.PI, 800, 600};

    @TempDir
    Path dir;

    private static CheckResult check(Path network, double[] from, double[] to, boolean physical,
            LineExpectation expectation) {
        return new LineChecker(new Networks()).check(new LineTask("line", network, from, to, physical, expectation));
    }

    @Test
    void alwaysClassPassesWhereTheArgMaxNeverChanges() {
        // y0 = |x| <= 0.5 < 1 = y1 on [-0.5, 0.5].
        Path net = TestFiles.absNetwork(dir, "abs.nnet", 0);

        CheckResult result = check(net, new double[] {-0.5}, new double[] {0.5}, false,
                new LineExpectation.AlwaysClass(1));

        assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void alwaysClassFailsAtTheFirstPieceEndOfAnotherClass() {
        // On [-0.5, 3] the pieces end at x = -0.5, 0, 3; |x| > 1 only at x = 3 (class 0, y = (3, 1)).
        Path net = TestFiles.absNetwork(dir, "abs.nnet", 0);

        CheckResult result = check(net, new double[] {-0.5}, new double[] {3}, false,
                new LineExpectation.AlwaysClass(1));

        assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.FAILED);
        Evidence e = result.evidence().orElseThrow();
        assertThat(e.input()).containsExactly(3.0);
        assertThat(e.output()).containsExactly(3.0, 1.0);
        assertThat(e.constraint()).contains("class 0").contains("expected class 1");
    }

    @Test
    void classBeyondTheOutputsIsAnError() {
        Path net = TestFiles.absNetwork(dir, "abs.nnet", 0);

        CheckResult result = check(net, new double[] {-0.5}, new double[] {0.5}, false,
                new LineExpectation.AlwaysClass(2));

        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.message()).contains("2 outputs").contains("class 2");
    }

    @Test
    void advisorySequenceOfSamplingPassesAndOneWithTheLastAdvisoryMissingFailsWhereItIsSeen() {
        Path file = TestFiles.acasNetwork(dir, "1_1");
        List<Advisory> sampled = sampledAdvisories(AcasNetworks.load(file), normalized(FAR), normalized(NEAR));
        assertThat(sampled).as("the segment should cross an advisory boundary").hasSizeGreaterThan(1);

        CheckResult right = check(file, FAR, NEAR, true, new LineExpectation.Advisories(sampled));
        List<Advisory> shorter = sampled.subList(0, sampled.size() - 1);
        CheckResult wrong = check(file, FAR, NEAR, true, new LineExpectation.Advisories(shorter));

        assertThat(right.outcome()).as(right.toString()).isEqualTo(Outcome.PASSED);
        assertThat(wrong.outcome()).as(wrong.toString()).isEqualTo(Outcome.FAILED);
        Evidence e = wrong.evidence().orElseThrow();
        Advisory seen = Advisory.of(AcasNetworks.load(file).evaluate(e.input()));
        assertThat(seen).as(e.toString()).isEqualTo(sampled.get(sampled.size() - 1));
        assertThat(e.constraint()).contains("advisory is " + seen.name());
    }

    @Test
    void advisoriesAreCheckedOnNormalisedInputsUnlessPhysicalUnitsAreAsked() {
        Path file = TestFiles.acasNetwork(dir, "1_1");
        List<Advisory> sampled = sampledAdvisories(AcasNetworks.load(file), normalized(FAR), normalized(NEAR));

        CheckResult normalised = check(file, normalized(FAR), normalized(NEAR), false,
                new LineExpectation.Advisories(sampled));
        CheckResult physicalAsNormalised = check(file, FAR, NEAR, false, new LineExpectation.Advisories(sampled));

        assertThat(normalised.outcome()).as(normalised.toString()).isEqualTo(Outcome.PASSED);
        assertThat(physicalAsNormalised.outcome()).as(physicalAsNormalised.toString()).isNotEqualTo(Outcome.PASSED);
    }

    private static double[] normalized(double[] physical) {
        return EncounterState.of(physical).normalized();
    }

    /** The advisories seen at 20,001 evenly spaced points, adjacent repeats merged. */
    private static List<Advisory> sampledAdvisories(Network network, double[] a, double[] b) {
        List<Advisory> seen = new ArrayList<>();
        int n = 20_000;
        for (int i = 0; i <= n; i++) {
            double t = (double) i / n;
            double[] x = new double[a.length];
            for (int j = 0; j < x.length; j++) {
                x[j] = a[j] + t * (b[j] - a[j]);
            }
            Advisory advisory = Advisory.of(network.evaluate(x));
            if (seen.isEmpty() || seen.get(seen.size() - 1) != advisory) {
                seen.add(advisory);
            }
        }
        return seen;
    }
}
