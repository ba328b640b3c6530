package io.exactline.srctest;

import static io.exactline.junit.ExactlineAssertions.assertThat;

import java.util.concurrent.TimeUnit;

import io.exactline.core.network.Network;
import io.exactline.junit.NetworkFile;
import io.exactline.junit.ProofTest;
import io.exactline.junit.Vnnlib;
import io.exactline.verifier.property.Property;

/**
 * ACAS Xu property instances of VNN-COMP 2021 with known verdicts, a balanced sample that the default engine
 * decides in seconds each: properties 1, 3 and 4 hold (unsat) on the networks below; property 2 is violated (sat)
 * on every network N_2,y to N_5,y except 3_3 and 4_2, and on 1_2 to 1_6. A network that breaks one of these, or a
 * verifier that stops proving or refuting them, fails the build.
 */
class AcasXuPropertiesTest {

    @ProofTest(timeout = 2, unit = TimeUnit.MINUTES)
    void property1HoldsOn1_2(@NetworkFile("acasxu:1_2") Network net, @Vnnlib("acasxu:prop_1") Property p) {
        assertThat(net).satisfies(p);
    }

    @ProofTest(timeout = 2, unit = TimeUnit.MINUTES)
    void property1HoldsOn2_1(@NetworkFile("acasxu:2_1") Network net, @Vnnlib("acasxu:prop_1") Property p) {
        assertThat(net).satisfies(p);
    }

    @ProofTest(timeout = 2, unit = TimeUnit.MINUTES)
    void property1HoldsOn3_1(@NetworkFile("acasxu:3_1") Network net, @Vnnlib("acasxu:prop_1") Property p) {
        assertThat(net).satisfies(p);
    }

    @ProofTest(timeout = 2, unit = TimeUnit.MINUTES)
    void property3HoldsOn2_1(@NetworkFile("acasxu:2_1") Network net, @Vnnlib("acasxu:prop_3") Property p) {
        assertThat(net).satisfies(p);
    }

    @ProofTest(timeout = 2, unit = TimeUnit.MINUTES)
    void property3HoldsOn3_4(@NetworkFile("acasxu:3_4") Network net, @Vnnlib("acasxu:prop_3") Property p) {
        assertThat(net).satisfies(p);
    }

    @ProofTest(timeout = 2, unit = TimeUnit.MINUTES)
    void property3HoldsOn5_5(@NetworkFile("acasxu:5_5") Network net, @Vnnlib("acasxu:prop_3") Property p) {
        assertThat(net).satisfies(p);
    }

    @ProofTest(timeout = 2, unit = TimeUnit.MINUTES)
    void property4HoldsOn1_1(@NetworkFile("acasxu:1_1") Network net, @Vnnlib("acasxu:prop_4") Property p) {
        assertThat(net).satisfies(p);
    }

    @ProofTest(timeout = 2, unit = TimeUnit.MINUTES)
    void property4HoldsOn2_3(@NetworkFile("acasxu:2_3") Network net, @Vnnlib("acasxu:prop_4") Property p) {
        assertThat(net).satisfies(p);
    }

    @ProofTest(timeout = 2, unit = TimeUnit.MINUTES)
    void property4HoldsOn5_2(@NetworkFile("acasxu:5_2") Network net, @Vnnlib("acasxu:prop_4") Property p) {
        assertThat(net).satisfies(p);
    }

    @ProofTest(timeout = 2, unit = TimeUnit.MINUTES)
    void property2IsViolatedOn1_2(@NetworkFile("acasxu:1_2") Network net, @Vnnlib("acasxu:prop_2") Property p) {
        assertThat(net).violates(p);
    }

    @ProofTest(timeout = 2, unit = TimeUnit.MINUTES)
    void property2IsViolatedOn2_1(@NetworkFile("acasxu:2_1") Network net, @Vnnlib("acasxu:prop_2") Property p) {
        assertThat(net).violates(p);
    }

    @ProofTest(timeout = 2, unit = TimeUnit.MINUTES)
    void property2IsViolatedOn3_4(@NetworkFile("acasxu:3_4") Network net, @Vnnlib("acasxu:prop_2") Property p) {
        assertThat(net).violates(p);
    }

    @ProofTest(timeout = 2, unit = TimeUnit.MINUTES)
    void property2IsViolatedOn5_9(@NetworkFile("acasxu:5_9") Network net, @Vnnlib("acasxu:prop_2") Property p) {
        assertThat(net).violates(p);
    }
}
