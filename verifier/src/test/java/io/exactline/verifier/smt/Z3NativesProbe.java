package io.exactline.verifier.smt;

import io.exactline.verifier.encoding.NetworkRegion;
import io.exactline.verifier.encoding.TestConditions;
import io.exactline.verifier.encoding.TestNetworks;

/** Run in a fresh JVM by {@link Z3NativesTest}: asks Z3 one question and prints the answer's kind. */
public final class Z3NativesProbe {
    private Z3NativesProbe() {
    }

    public static void main(String[] args) {
        NetworkRegion region = NetworkRegion.box(
                TestNetworks.network("identity", TestNetworks.dense(new double[][] {{1}}, 0), TestNetworks.relu(1)),
                TestConditions.box(new double[] {-1}, new double[] {1}));
        SmtResult result = JavaSmtSolver.z3().findInput(region, TestConditions.outputAtLeast(0, 0.5),
                TestConditions.deadline());
        System.out.println(result.getClass().getSimpleName());
    }
}
