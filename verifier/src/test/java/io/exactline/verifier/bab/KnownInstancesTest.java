package io.exactline.verifier.bab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.exactline.core.io.NetworkLoader;
import io.exactline.core.line.ExactLine;
import io.exactline.core.line.LinePartition;
import io.exactline.core.network.Network;
import io.exactline.testkit.SharedData;
import io.exactline.verifier.AutoEngine;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.verdict.Sat;
import io.exactline.verifier.verdict.Verdict;
import io.exactline.verifier.vnnlib.VnnlibParser;

/**
 * The auto engine (gradient falsification, then branch and bound) on VNN-COMP instances with known answers: the
 * 2021 test benchmark (the 1-input networks checked against ExactLine here, ACAS Xu 1_6/1_7 property 3 known from
 * the benchmark's README) and ACAS Xu instances whose answers the literature agrees on (Katz et al. 2017) and
 * VNN-COMP 2021's results confirm ({@link AcasXuGroundTruth}).
 */
class KnownInstancesTest {
    private static final Deadline GENEROUS = Deadline.after(Duration.ofMinutes(10));

    private static Verdict verify(String network, String property) {
        Network net = NetworkLoader.load(SharedData.require(network));
        Property p = VnnlibParser.parse(SharedData.require(property));
        Verdict v = new AutoEngine().verify(net, p, GENEROUS);
        if (v instanceof Sat sat) {
            double[] y = net.evaluate(sat.counterexample().input());
            assertThat(y).as("counterexample outputs re-evaluated").containsExactly(sat.counterexample().output());
            assertThat(p.holdsAt(sat.counterexample().input(), y)).as("%s", sat.counterexample()).isTrue();
        }
        return v;
    }

    private static String acas(String id) {
        return "acasxu/onnx/ACASXU_run2a_" + id + "_batch_2000.onnx";
    }

    @Test
    void oneInputTestNetworksNeverReachTheirUnsafeOutputAndTheEngineProvesIt() {
        for (String name : new String[] {"test_nano", "test_tiny", "test_small"}) {
            Network net = NetworkLoader.load(SharedData.require("vnncomp2021/test/" + name + ".onnx"));
            LinePartition line = ExactLine.partition(net, new double[] {-1}, new double[] {1});
            double max = Arrays.stream(line.ratios()).map(t -> line.outputAtRatio(
                    Arrays.binarySearch(line.ratios(), t))[0]).max().orElseThrow();
            double min = Arrays.stream(line.ratios()).map(t -> line.outputAtRatio(
                    Arrays.binarySearch(line.ratios(), t))[0]).min().orElseThrow();
            boolean unsafeReachable = name.equals("test_nano") ? min <= -1 : max >= 100;
            assertThat(unsafeReachable).as("%s: Y_0 ranges over [%s, %s]", name, min, max).isFalse();

            Verdict v = verify("vnncomp2021/test/" + name + ".onnx", "vnncomp2021/test/" + name + ".vnnlib");
            assertThat(v.status()).as("%s: %s", name, v).isEqualTo("unsat");
        }
    }

    @Test
    void testBenchmarkAcasXuNetworksOnProperty3() {
        assertThat(verify("vnncomp2021/test/test_sat.onnx", "vnncomp2021/test/test_prop.vnnlib").status())
                .isEqualTo("sat");
        assertThat(verify("vnncomp2021/test/test_unsat.onnx", "vnncomp2021/test/test_prop.vnnlib").status())
                .isEqualTo("unsat");
    }

    @Test
    void property1HoldsOnNetwork11() {
        assertThat(verify(acas("1_1"), "acasxu/vnnlib/prop_1.vnnlib").status()).isEqualTo("unsat");
    }

    @Test
    void property2IsViolatedOnNetwork21WithACheckedCounterexample() {
        assertThat(verify(acas("2_1"), "acasxu/vnnlib/prop_2.vnnlib")).isInstanceOf(Sat.class);
    }

    @Test
    void property3IsViolatedOnNetwork17AndHoldsOnNetwork16() {
        assertThat(verify(acas("1_7"), "acasxu/vnnlib/prop_3.vnnlib").status()).isEqualTo("sat");
        assertThat(verify(acas("1_6"), "acasxu/vnnlib/prop_3.vnnlib").status()).isEqualTo("unsat");
    }

    @Test
    void property8IsViolatedOnNetwork29WithACheckedCounterexample() {
        assertThat(verify(acas("2_9"), "acasxu/vnnlib/prop_8.vnnlib")).isInstanceOf(Sat.class);
    }

    @Test
    void property2HoldsOnNetwork11() {
        assertThat(verify(acas("1_1"), "acasxu/vnnlib/prop_2.vnnlib").status()).isEqualTo("unsat");
    }

    @Test
    void property4HoldsOnNetwork55() {
        assertThat(verify(acas("5_5"), "acasxu/vnnlib/prop_4.vnnlib").status()).isEqualTo("unsat");
    }
}
