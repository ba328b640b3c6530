package io.exactline.verifier.falsify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.exactline.core.io.OnnxLoader;
import io.exactline.core.network.Network;
import io.exactline.testkit.SharedData;
import io.exactline.verifier.Deadline;
import io.exactline.verifier.property.Property;
import io.exactline.verifier.verdict.Sat;
import io.exactline.verifier.verdict.Unknown;
import io.exactline.verifier.verdict.Verdict;
import io.exactline.verifier.verdict.VnncompResult;
import io.exactline.verifier.vnnlib.VnnlibParser;

/**
 * The falsifier on real VNN-COMP 2021 instances whose answers are known: the test benchmark's ACAS Xu 1_7 with
 * property 3 is sat, 1_6 with property 3 is unsat, and 2_1 violates property 2.
 */
class SamplingFalsifierAcasXuTest {
    private static final Deadline GENEROUS = Deadline.after(Duration.ofMinutes(5));

    private static Verdict run(String network, String property, int samples) {
        Network net = OnnxLoader.load(SharedData.require(network));
        Property p = VnnlibParser.parse(SharedData.require(property));
        return new SamplingFalsifier(samples, 1).verify(net, p, GENEROUS);
    }

    @Test
    void knownSatInstanceYieldsACounterexampleAndItsResultFile() {
        Verdict v = run("vnncomp2021/test/test_sat.onnx", "vnncomp2021/test/test_prop.vnnlib", 10_000);

        assertThat(v).isInstanceOf(Sat.class);
        String result = VnncompResult.format(v);
        assertThat(result).startsWith("sat\n((X_0 ").endsWith(")\n");
        assertThat(result.lines()).as(result).hasSize(11);
    }

    @Test
    void knownUnsatInstanceIsNeverReportedSat() {
        Verdict v = run("vnncomp2021/test/test_unsat.onnx", "vnncomp2021/test/test_prop.vnnlib", 20_000);

        assertThat(v).as("%s", v).isInstanceOf(Unknown.class);
    }

    @Test
    void acasXu21ViolatesProperty2() {
        Verdict v = run("acasxu/onnx/ACASXU_run2a_2_1_batch_2000.onnx", "acasxu/vnnlib/prop_2.vnnlib", 10_000);

        assertThat(v).as("%s", v).isInstanceOf(Sat.class);
        double[] y = ((Sat) v).counterexample().output();
        for (int j = 1; j < 5; j++) {
            assertThat(y[j]).as("COC (Y_0) is maximal in %s", ((Sat) v).counterexample()).isLessThanOrEqualTo(y[0]);
        }
    }
}
