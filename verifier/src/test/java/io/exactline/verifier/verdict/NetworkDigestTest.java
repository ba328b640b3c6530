package io.exactline.verifier.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.exactline.core.layer.Dense;
import io.exactline.core.layer.LeakyRelu;
import io.exactline.core.layer.Merge;
import io.exactline.core.layer.Parallel;
import io.exactline.core.layer.Relu;
import io.exactline.core.network.Network;
import io.exactline.core.network.Shape;

class NetworkDigestTest {

    private static Network net(double w, boolean leaky) {
        return new Network(List.of(new Dense(new double[][] {{1, w}, {0.5, -1}}, new double[] {0.25, 0}),
                leaky ? new LeakyRelu(Shape.vector(2), 0.01) : new Relu(Shape.vector(2)),
                new Dense(new double[][] {{1, 1}}, new double[] {0})), "digest test");
    }

    @Test
    void fileDigestIsSha256OfTheBytes(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("abc.txt"), "abc");

        // FIPS 180-2, appendix B.1: SHA-256("abc").
        assertThat(NetworkDigest.ofFile(file))
                .isEqualTo("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void weightDigestIdentifiesTheWeightsBitForBit() {
        String digest = NetworkDigest.of(net(2, false));

        assertThat(digest).matches("sha256:[0-9a-f]{64}");
        assertThat(NetworkDigest.of(net(2, false))).as("a separately built equal network").isEqualTo(digest);
        assertThat(NetworkDigest.of(net(Math.nextUp(2.0), false))).as("one weight one ulp off").isNotEqualTo(digest);
        assertThat(NetworkDigest.of(net(2, true))).as("leaky instead of plain ReLU").isNotEqualTo(digest);
    }

    @Test
    void weightDigestReachesIntoParallelBranches() {
        String digest = NetworkDigest.of(branched(2));

        assertThat(NetworkDigest.of(branched(2))).isEqualTo(digest);
        assertThat(NetworkDigest.of(branched(Math.nextUp(2.0)))).as("a branch weight one ulp off")
                .isNotEqualTo(digest);
    }

    private static Network branched(double w) {
        Network branch = new Network(List.of(new Dense(new double[][] {{w, 1}}, new double[] {0}),
                new Relu(Shape.vector(1))), "branch");
        Network other = new Network(List.of(new Dense(new double[][] {{1, 1}}, new double[] {0})), "other");
        return new Network(List.of(new Parallel(Shape.vector(2), List.of(branch, other), new Merge.Concat(0))),
                "branched");
    }
}
