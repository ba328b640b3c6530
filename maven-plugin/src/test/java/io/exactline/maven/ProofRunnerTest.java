package io.exactline.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.exactline.core.io.NetworkLoader;
import io.exactline.verifier.cache.ProofCache;
import io.exactline.verifier.verdict.Provenance;
import io.exactline.verifier.verdict.Timeout;
import io.exactline.verifier.verdict.Unknown;

class ProofRunnerTest {
    @TempDir
    Path dir;

    private ProofRunner runner() {
        return new ProofRunner(new Networks(), Optional.empty(), false);
    }

    private static ProofTask task(Path network, Path property, Expectation expectation) {
        return new ProofTask(network.getFileName() + " / " + property.getFileName(), network, property, expectation,
                "auto", Duration.ofSeconds(60));
    }

    @Test
    void propertyThatHoldsPassesWithUnsat() {
        // |x| <= 1 on [-1, 1], so Y_0 >= 2 is unreachable.
        Path net = TestFiles.absNetwork(dir, "abs.nnet", 0);
        Path prop = TestFiles.absProperty(dir, "small.vnnlib", -1, 1, 2);

        CheckResult result = runner().prove(task(net, prop, Expectation.HOLDS));

        assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.PASSED);
        assertThat(result.verdict()).isEqualTo("unsat");
        assertThat(result.evidence()).isEmpty();
    }

    @Test
    void violatedPropertyFailsWithACounterexampleInTheBoxThatReachesTheUnsafeSet() {
        // On [-3, 3], |x| >= 2 is reached for |x| in [2, 3].
        Path net = TestFiles.absNetwork(dir, "abs.nnet", 0);
        Path prop = TestFiles.absProperty(dir, "wide.vnnlib", -3, 3, 2);

        CheckResult result = runner().prove(task(net, prop, Expectation.HOLDS));

        assertThat(result.outcome()).as(result.toString()).isEqualTo(Outcome.FAILED);
        assertThat(result.verdict()).isEqualTo("sat");
        Evidence e = result.evidence().orElseThrow();
        double x = e.input()[0];
        assertThat(x).as(e.toString()).isBetween(-3.0, 3.0);
        assertThat(Math.abs(x)).as(e.toString()).isGreaterThanOrEqualTo(2.0);
        assertThat(e.output()).as(e.toString()).containsExactly(new double[] {Math.abs(x), 1.0}, within(1e-12));
        assertThat(e.constraint()).contains("Y_0");
    }

    @Test
    void expectedViolationPassesOnSatAndFailsOnUnsat() {
        Path net = TestFiles.absNetwork(dir, "abs.nnet", 0);
        Path wide = TestFiles.absProperty(dir, "wide.vnnlib", -3, 3, 2);
        Path small = TestFiles.absProperty(dir, "small.vnnlib", -1, 1, 2);

        CheckResult sat = runner().prove(task(net, wide, Expectation.VIOLATED));
        CheckResult unsat = runner().prove(task(net, small, Expectation.VIOLATED));

        assertThat(sat.outcome()).as(sat.toString()).isEqualTo(Outcome.PASSED);
        assertThat(sat.evidence()).isPresent();
        assertThat(unsat.outcome()).as(unsat.toString()).isEqualTo(Outcome.FAILED);
        assertThat(unsat.message()).contains("expected a counterexample");
    }

    @Test
    void malformedPropertyIsAnErrorNamingTheFileAndPosition() {
        Path net = TestFiles.absNetwork(dir, "abs.nnet", 0);
        Path bad = TestFiles.write(dir.resolve("bad.vnnlib"),
                "(declare-const X_0 Real)\n(declare-const Y_0 Real)\n(assert (>= X_0 0.0)\n");

        CheckResult result = runner().prove(task(net, bad, Expectation.HOLDS));

        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.message()).as(result.message()).contains("bad.vnnlib").containsPattern("\\d+:\\d+");
    }

    @Test
    void missingNetworkIsAnErrorNamingTheFile() {
        Path prop = TestFiles.absProperty(dir, "small.vnnlib", -1, 1, 2);

        CheckResult result = runner().prove(task(dir.resolve("absent.onnx"), prop, Expectation.HOLDS));

        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.message()).contains("absent.onnx");
    }

    @Test
    void secondRunOfAnUnchangedProofComesFromTheCacheAndAChangedWeightIsProvedAgain() {
        Path net = TestFiles.absNetwork(dir, "abs.nnet", 0);
        Path prop = TestFiles.absProperty(dir, "small.vnnlib", -1, 1, 2);
        ProofCache cache = ProofCache.in(dir.resolve("cache"));

        CheckResult first = new ProofRunner(new Networks(), Optional.of(cache), false).prove(task(net, prop,
                Expectation.HOLDS));
        CheckResult second = new ProofRunner(new Networks(), Optional.of(cache), false).prove(task(net, prop,
                Expectation.HOLDS));
        // The same function written with a weight that changes y1 only: another network, proved again.
        Path changed = TestFiles.absNetwork(dir.resolve("changed"), "abs.nnet", 0.5);
        CheckResult third = new ProofRunner(new Networks(), Optional.of(cache), false).prove(task(changed, prop,
                Expectation.HOLDS));

        assertThat(first.cached()).isFalse();
        assertThat(second.cached()).as(second.toString()).isTrue();
        assertThat(second.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(second.engine()).isEqualTo("auto");
        assertThat(third.cached()).isFalse();
        assertThat(third.outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void timeoutAndUnknownAreUnprovedNeverPassed() {
        Path net = TestFiles.absNetwork(dir, "abs.nnet", 0);
        Path prop = TestFiles.absProperty(dir, "small.vnnlib", -1, 1, 2);
        Provenance provenance = Provenance.of("auto", Map.of(), Duration.ofSeconds(2), Map.of(), "sha256:00",
                "small.vnnlib");
        ProofTask holds = task(net, prop, Expectation.HOLDS);
        ProofTask violated = task(net, prop, Expectation.VIOLATED);

        CheckResult timeout = ProofRunner.judge(holds, new Timeout(Duration.ofSeconds(2), provenance),
                Duration.ofSeconds(2), false);
        CheckResult unknown = ProofRunner.judge(violated, new Unknown("precision limit", provenance),
                Duration.ofSeconds(2), false);

        assertThat(timeout.outcome()).isEqualTo(Outcome.UNPROVED);
        assertThat(timeout.verdict()).isEqualTo("timeout after 2.00 s");
        assertThat(unknown.outcome()).isEqualTo(Outcome.UNPROVED);
        assertThat(unknown.message()).contains("precision limit");
    }

    @Test
    void acasXuPropertyFourHoldsOnNetwork33AndPropertyTwoIsViolatedOnNetwork31() {
        Path net33 = TestFiles.acasNetwork(dir, "3_3");
        Path net31 = TestFiles.acasNetwork(dir, "3_1");

        CheckResult holds = runner().prove(task(net33, TestFiles.acasxu(dir, "vnnlib/prop_4.vnnlib"),
                Expectation.HOLDS));
        CheckResult violated = runner().prove(task(net31, TestFiles.acasxu(dir, "vnnlib/prop_2.vnnlib"),
                Expectation.HOLDS));

        assertThat(holds.outcome()).as(holds.toString()).isEqualTo(Outcome.PASSED);
        assertThat(violated.outcome()).as(violated.toString()).isEqualTo(Outcome.FAILED);
        // Property 2: Y_0 is the largest score somewhere in the box; check the reported point independently.
        Evidence e = violated.evidence().orElseThrow();
        double[] y = NetworkLoader.load(net31).evaluate(e.input());
        assertThat(y).as(e.toString()).containsExactly(e.output());
        for (int j = 1; j < 5; j++) {
            assertThat(y[0]).as("Y_0 >= Y_%d at %s", j, e).isGreaterThanOrEqualTo(y[j]);
        }
    }

    @Test
    void pluginsUncheckedUnsatIsLabelledAndUnprovedUnlessAcceptedAndNeverReplayedFromTheCache() {
        // The toy plug-in claims unsat for a property that is violated (|x| >= 2 on [-3, 3]).
        Path net = TestFiles.absNetwork(dir, "abs.nnet", 0);
        Path wide = TestFiles.absProperty(dir, "wide.vnnlib", -3, 3, 2);
        ProofTask task = new ProofTask("abs / wide", net, wide, Expectation.HOLDS, ToyUnsatEngine.NAME,
                Duration.ofSeconds(10));
        ProofCache cache = ProofCache.in(dir.resolve("cache"));

        CheckResult strict = new ProofRunner(new Networks(), Optional.of(cache), false).prove(task);
        CheckResult accepting = new ProofRunner(new Networks(), Optional.of(cache), true).prove(task);

        assertThat(strict.outcome()).as(strict.toString()).isEqualTo(Outcome.UNPROVED);
        assertThat(strict.verdict()).isEqualTo("unsat, unchecked");
        assertThat(strict.message()).contains("plug-in engine toy-unsat").contains("nobody has checked");
        assertThat(accepting.outcome()).as(accepting.toString()).isEqualTo(Outcome.PASSED);
        assertThat(accepting.verdict()).isEqualTo("unsat, unchecked");
        assertThat(accepting.cached()).isFalse();
    }
}
