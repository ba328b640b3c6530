package io.exactline.acasxu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.exactline.core.layer.Dense;
import io.exactline.core.network.Network;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.Engine;
import io.exactline.verifier.Engines;
import io.exactline.verifier.Guarantee;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.verdict.Provenance;
import io.exactline.verifier.verdict.Unsat;
import io.exactline.verifier.verdict.Verdict;

class SliceCertifierTest {
    private static final EncounterState HEAD_ON = new EncounterState(0, 0, Math.PI, 800, 800);
    private static final InputSlice FAR_BEHIND_LEFT = new InputSlice(new AxisRange(InputVariable.RHO, 40000, 60000),
            new AxisRange(InputVariable.THETA, 1.5, 3), HEAD_ON);
    private static final InputSlice NEAR_RIGHT = new InputSlice(new AxisRange(InputVariable.RHO, 2000, 6000),
            new AxisRange(InputVariable.THETA, -1.5, -1), HEAD_ON);

    @Test
    void aRectangleWithOneAdvisoryIsCertifiedByTheVerifierAndADenseGridConfirmsIt() {
        Network network = AcasNetworks.bundled(NetworkId.parse("1_1"));

        RectangleVerdict verdict = certify(network, FAR_BEHIND_LEFT, Advisory.COC);

        assertThat(verdict).isEqualTo(new RectangleVerdict.Certified(Advisory.COC, "auto",
                ((RectangleVerdict.Certified) verdict).elapsed()));
        int n = 300;
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= n; j++) {
                double u = 40000 + 20000.0 * i / n;
                double w = 1.5 + 1.5 * j / n;
                double[] scores = network.evaluate(FAR_BEHIND_LEFT.inputAt(u, w));
                assertThat(Advisory.of(scores)).as("(%s, %s): scores %s", u, w, Arrays.toString(scores))
                        .isEqualTo(Advisory.COC);
            }
        }
    }

    @Test
    void anEngineWhoseUnsatIsNotSoundInFloatingPointDoesNotCertify() {
        Network network = AcasNetworks.bundled(NetworkId.parse("1_1"));
        Engine careless = new Engine() {
            @Override
            public String name() {
                return "careless";
            }

            @Override
            public Guarantee guarantee() {
                return new Guarantee(true, false, false, "answers unsat without rounding control");
            }

            @Override
            public Verdict verify(Network net, Property property, Deadline deadline) {
                return Unsat.uncertified(Provenance.of(name(), Map.of(), Duration.ZERO, Map.of(), "sha256:0",
                        property.source()));
            }
        };

        RectangleVerdict verdict = SliceCertifier.certify(network, NEAR_RIGHT, Advisory.SL, careless,
                Duration.ofSeconds(1));

        assertThat(verdict).isInstanceOf(RectangleVerdict.Undecided.class);
        assertThat(((RectangleVerdict.Undecided) verdict).reason()).contains("not sound under floating-point rounding");
    }

    @Test
    void anotherAdvisoryOnThatRectangleGetsACounterexampleInsideIt() {
        Network network = AcasNetworks.bundled(NetworkId.parse("1_1"));

        RectangleVerdict verdict = certify(network, FAR_BEHIND_LEFT, Advisory.SR);

        assertCounterexampleInside(network, FAR_BEHIND_LEFT, verdict, Advisory.SR);
    }

    @Test
    void aRectangleCrossedByABoundaryIsNotCertifiedForEitherSide() {
        Network network = AcasNetworks.bundled(NetworkId.parse("1_1"));

        for (Advisory asked : new Advisory[] {Advisory.SL, Advisory.WL, Advisory.COC}) {
            assertCounterexampleInside(network, NEAR_RIGHT, certify(network, NEAR_RIGHT, asked), asked);
        }
    }

    @Test
    void anExactTieIsUndecidedForTheAdvisoryThatWinsItAndRefutedForTheOther() {
        // COC and WL are both 0 everywhere, the others 1: COC holds by the lowest-index rule, with margin 0.
        Network tie = new Network(List.of(new Dense(new double[5][5], new double[] {0, 0, 1, 1, 1})), "tie");

        RectangleVerdict forCoc = certify(tie, NEAR_RIGHT, Advisory.COC);
        RectangleVerdict forWl = certify(tie, NEAR_RIGHT, Advisory.WL);

        assertThat(forCoc).isInstanceOf(RectangleVerdict.Undecided.class);
        assertThat(((RectangleVerdict.Undecided) forCoc).reason()).startsWith("another score ties with COC");
        assertCounterexampleInside(tie, NEAR_RIGHT, forWl, Advisory.WL);
    }

    @Test
    void tilesCertifiedByTheVerifierHaveOneAdvisoryInTheExactPartitionAndRefutedOnesMore() {
        Network network = AcasNetworks.bundled(NetworkId.parse("1_1"));
        InputSlice slice = new InputSlice(AxisRange.full(InputVariable.RHO),
                new AxisRange(InputVariable.THETA, -Math.PI, Math.PI), HEAD_ON);

        List<CertifiedTile> tiles = SliceCertifier.certifyTiles(network, slice, 3, 3, Engines.byName("auto"),
                Duration.ofSeconds(120));

        assertThat(tiles).hasSize(9);
        int certified = 0;
        for (CertifiedTile tile : tiles) {
            Set<Advisory> exact = EnumSet.noneOf(Advisory.class);
            AdvisorySlice.compute(network, tile.rectangle()).cells().stream().filter(c -> c.area() > 0)
                    .forEach(c -> exact.add(c.advisory()));
            RectangleVerdict verdict = tile.verdict();
            if (tile.certified()) {
                certified++;
                assertThat(exact).as("certified %s on %s", verdict.advisory(), tile.rectangle())
                        .containsExactly(verdict.advisory());
            } else if (verdict instanceof RectangleVerdict.Counterexample) {
                assertThat(exact).as("refuted %s on %s", verdict.advisory(), tile.rectangle()).hasSizeGreaterThan(1)
                        .contains(verdict.advisory());
            }
        }
        assertThat(tiles.get(0).rectangle().x().min()).isZero();
        assertThat(tiles.get(0).rectangle().x().max()).isEqualTo(tiles.get(1).rectangle().x().min());
        assertThat(tiles.get(8).rectangle().x().max()).isEqualTo(60760);
        assertThat(tiles.get(8).rectangle().y().max()).isEqualTo(Math.PI);
        assertThat(certified).isPositive().isLessThan(9);
    }

    private static RectangleVerdict certify(Network network, InputSlice rectangle, Advisory advisory) {
        return SliceCertifier.certify(network, rectangle, advisory, Engines.byName("auto"), Duration.ofSeconds(120));
    }

    private static void assertCounterexampleInside(Network network, InputSlice rectangle, RectangleVerdict verdict,
            Advisory asked) {
        assertThat(verdict).as("%s on %s", asked, rectangle).isInstanceOf(RectangleVerdict.Counterexample.class);
        RectangleVerdict.Counterexample counterexample = (RectangleVerdict.Counterexample) verdict;
        EncounterState state = counterexample.state();
        assertThat(rectangle.x().contains(state.rho())).as("%s", state).isTrue();
        assertThat(rectangle.y().contains(state.theta())).as("%s", state).isTrue();
        assertThat(state.psi()).isEqualTo(rectangle.fixed().psi());
        Advisory actual = Advisory.of(network.evaluate(state.normalized()));
        assertThat(actual).as("re-evaluated at %s", state).isNotEqualTo(asked).isEqualTo(counterexample.found());
    }
}
