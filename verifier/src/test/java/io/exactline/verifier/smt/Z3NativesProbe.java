package io.exactline.verifier.smt;

import java.time.Duration;
import java.util.List;

import io.exactline.verifier.encoding.LinearExpression;
import io.exactline.verifier.encoding.NetworkRegion;
import io.exactline.verifier.encoding.OutputCondition;
import io.exactline.verifier.encoding.TestNetworks;

/** Run in a fresh JVM by {@link Z3NativesTest}: asks Z3 one question and prints the answer's kind. */
public final class Z3NativesProbe {
    private Z3NativesProbe() {
    }

    public static void main(String[] args) {
        NetworkRegion region = NetworkRegion.box(
                TestNetworks.network("identity", TestNetworks.dense(new double[][] {{1}}, 0), TestNetworks.relu(1)),
                new double[] {-1}, new double[] {1});
        SmtResult result = JavaSmtSolver.z3().findInput(region,
                OutputCondition.allOf(List.of(new LinearExpression(new double[] {-1}, 0.5))), Duration.ofSeconds(30));
        System.out.println(result.getClass().getSimpleName());
    }
}
