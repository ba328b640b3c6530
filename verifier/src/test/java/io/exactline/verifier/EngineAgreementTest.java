package io.exactline.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.exactline.core.io.NetworkLoader;
import io.exactline.core.network.Network;
import io.exactline.testkit.SharedData;
import io.exactline.verifier.bab.RandomInstances;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.verdict.Sat;
import io.exactline.verifier.verdict.Verdict;
import io.exactline.verifier.vnnlib.VnnlibParser;

/**
 * The complete engines {@code lp}, {@code smt} and {@code milp} against independent truth: small random networks
 * whose answer ExactLine or ExactPlane decides exactly ({@link RandomInstances}, margins at least 1e-6 away from
 * 0), the 1-input networks of the VNN-COMP 2021 test benchmark, and ACAS Xu instances with known answers.
 */
class EngineAgreementTest {
    private static final List<RandomInstances.Instance> RANDOM = RandomInstances.generate(12, 20261123L);

    private static Verdict verify(String engine, Network network, Property property) {
        Verdict v = Engines.byName(engine).verify(network, property, Deadline.after(Duration.ofMinutes(5)));
        if (v instanceof Sat sat) {
            assertThat(property.holdsAt(sat.counterexample().input(), network.evaluate(sat.counterexample().input())))
                    .as("%s: counterexample %s re-evaluated", engine, sat.counterexample()).isTrue();
        }
        return v;
    }

    @ParameterizedTest
    @ValueSource(strings = {"lp", "smt", "milp"})
    void completeEnginesDecideSmallRandomNetworksAsTheExactTruth(String engine) {
        for (RandomInstances.Instance instance : RANDOM) {
            Verdict v = verify(engine, instance.network(), instance.property());
            assertThat(v.status()).as("%s on %s: %s", engine, instance, v)
                    .isEqualTo(instance.sat() ? "sat" : "unsat");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lp", "smt", "milp"})
    void completeEnginesProveTheOneInputTestNetworksSafe(String engine) {
        for (String name : new String[] {"test_nano", "test_tiny", "test_small"}) {
            Network network = NetworkLoader.load(SharedData.require("vnncomp2021/test/" + name + ".onnx"));
            Property property = VnnlibParser.parse(SharedData.require("vnncomp2021/test/" + name + ".vnnlib"));
            assertThat(verify(engine, network, property).status()).as("%s on %s", engine, name).isEqualTo("unsat");
        }
    }

    @ParameterizedTest
    @CsvSource({"lp, 1_6, 3, unsat", "lp, 2_1, 2, sat", "lp, 1_7, 3, sat", "milp, 1_6, 3, unsat",
        "milp, 1_7, 3, sat"})
    void acasXuInstancesWithKnownAnswers(String engine, String network, String property, String expected) {
        Network net = NetworkLoader.load(SharedData.require("acasxu/onnx/ACASXU_run2a_" + network
                + "_batch_2000.onnx"));
        Property p = VnnlibParser.parse(SharedData.require("acasxu/vnnlib/prop_" + property + ".vnnlib"));

        assertThat(verify(engine, net, p).status()).as("%s on %s prop_%s", engine, network, property)
                .isEqualTo(expected);
    }

    @Test
    void theLpEnginesUnsatRestsOnSafeBoundsNotOnTheLpSolversWord() {
        // An LP solver that reports a huge optimum with zero duals: the safe bound from those duals is the
        // bound over the variables' boxes, so nodes close only where that bound is positive, and the truth stays.
        io.exactline.verifier.lp.LpSolver liar = (lp, deadline) -> new io.exactline.verifier.lp.LpResult.Optimal(
                1e9, new double[lp.variableCount()], new double[lp.constraintCount()]);
        Engine engine = new io.exactline.verifier.lp.LpEngine(liar, io.exactline.verifier.smt.JavaSmtSolver.z3(),
                io.exactline.verifier.bounds.BoundOptions.FORWARD_BACKWARD);
        for (RandomInstances.Instance instance : RANDOM) {
            Verdict v = engine.verify(instance.network(), instance.property(), Deadline.after(Duration.ofMinutes(5)));
            assertThat(v.status()).as("%s: %s", instance, v).isEqualTo(instance.sat() ? "sat" : "unsat");
        }
    }
}
