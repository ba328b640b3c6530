package io.exactline.acasxu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.exactline.core.layer.Dense;
import io.exactline.core.network.Network;

class SliceCertifierTest {
    private static final EncounterState HEAD_ON = new EncounterState(0, 0, Math.PI, 800, 800);
    private static final InputSlice FAR_BEHIND_LEFT = new InputSlice(new AxisRange(InputVariable.RHO, 40000, 60000),
            new AxisRange(InputVariable.THETA, 1.5, 3), HEAD_ON);
    private static final InputSlice NEAR_RIGHT = new InputSlice(new AxisRange(InputVariable.RHO, 2000, 6000),
            new AxisRange(InputVariable.THETA, -1.5, -1), HEAD_ON);

    @Test
    void aRectangleWithOneAdvisoryIsCertifiedAndRandomPointsConfirmIt() {
        Network network = AcasNetworks.bundled(NetworkId.parse("1_1"));

        RectangleVerdict verdict = SliceCertifier.certify(network, FAR_BEHIND_LEFT, Advisory.COC);

        assertThat(verdict).isInstanceOf(RectangleVerdict.Certified.class);
        RectangleVerdict.Certified certified = (RectangleVerdict.Certified) verdict;
        assertThat(certified.regions()).isGreaterThan(1);
        assertThat(certified.minimalMargin()).isPositive();
        Random random = new Random(3);
        for (int i = 0; i < 500; i++) {
            double u = 40000 + 20000 * random.nextDouble();
            double w = 1.5 + 1.5 * random.nextDouble();
            assertThat(Advisory.of(network.evaluate(FAR_BEHIND_LEFT.inputAt(u, w)))).as("(%s, %s)", u, w)
                    .isEqualTo(Advisory.COC);
        }
    }

    @Test
    void anotherAdvisoryOnThatRectangleGetsACounterexampleInsideIt() {
        Network network = AcasNetworks.bundled(NetworkId.parse("1_1"));

        RectangleVerdict verdict = SliceCertifier.certify(network, FAR_BEHIND_LEFT, Advisory.SR);

        assertCounterexampleInside(network, FAR_BEHIND_LEFT, verdict, Advisory.SR);
    }

    @Test
    void aRectangleCrossedByABoundaryGetsACounterexampleForEitherSide() {
        Network network = AcasNetworks.bundled(NetworkId.parse("1_1"));

        for (Advisory asked : new Advisory[] {Advisory.SL, Advisory.WL, Advisory.COC}) {
            assertCounterexampleInside(network, NEAR_RIGHT, SliceCertifier.certify(network, NEAR_RIGHT, asked), asked);
        }
    }

    @Test
    void anExactTieIsUndecidedForTheAdvisoryThatWinsItAndRefutedForTheOther() {
        // COC and WL are both 0 everywhere, the others 1: COC holds by the lowest-index rule, with margin 0.
        Network tie = new Network(List.of(new Dense(new double[5][5], new double[] {0, 0, 1, 1, 1})), "tie");

        RectangleVerdict forCoc = SliceCertifier.certify(tie, NEAR_RIGHT, Advisory.COC);
        RectangleVerdict forWl = SliceCertifier.certify(tie, NEAR_RIGHT, Advisory.WL);

        assertThat(forCoc).isInstanceOf(RectangleVerdict.Undecided.class);
        assertThat(((RectangleVerdict.Undecided) forCoc).margin()).isZero();
        assertCounterexampleInside(tie, NEAR_RIGHT, forWl, Advisory.WL);
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
