package io.exactline.acasxu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.exactline.core.BadInputException;
import io.exactline.core.network.Network;
import io.exactline.testkit.SharedData;

class AcasNetworksTest {

    @Test
    void everyBundledNetworkLoadsWithFiveInputsAndFiveScores() {
        for (NetworkId id : NetworkId.all()) {
            Network network = AcasNetworks.bundled(id);
            assertThat(network.inputSize()).as(id.toString()).isEqualTo(5);
            assertThat(network.outputSize()).as(id.toString()).isEqualTo(5);
            assertThat(network.source()).isEqualTo(id.stem());
        }
    }

    @Test
    void concurrentRequestsForOneNetworkShareOneInstance() throws Exception {
        NetworkId id = new NetworkId(3, 7);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Network>> tasks = IntStream.range(0, 16)
                    .<Callable<Network>>mapToObj(i -> () -> AcasNetworks.bundled(id)).toList();
            List<Future<Network>> results = pool.invokeAll(tasks);
            Network first = results.get(0).get();
            for (Future<Network> result : results) {
                assertThat(result.get()).isSameAs(first);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBundledNetworkComputesWhatTheSharedOnnxFileComputes() {
        Path file = SharedData.require("acasxu/onnx/ACASXU_run2a_2_3_batch_2000.onnx");
        Network fromFile = AcasNetworks.load(file);
        Network bundled = AcasNetworks.bundled(NetworkId.parse("2_3"));
        double[] x = new EncounterState(2500, 0.3, -2.9, 700, 650).normalized();

        assertThat(bundled.evaluate(x)).containsExactly(fromFile.evaluate(x), within(0.0));
    }

    @Test
    void anNnetFileGivesTheBundledFunctionOnNormalisedInputsUpToTheFloat32Weights() {
        Path file = SharedData.require("acasxu/nnet/ACASXU_run2a_4_6_batch_2000.nnet");
        Network fromNnet = AcasNetworks.load(file);
        Network bundled = AcasNetworks.bundled(NetworkId.parse("4_6"));

        for (EncounterState state : new EncounterState[] {new EncounterState(1200, -0.4, 3.0, 900, 800),
            new EncounterState(45000, 2.2, -1.1, 150, 30)}) {
            double[] x = state.normalized();
            assertThat(fromNnet.evaluate(x)).as("%s", state).containsExactly(bundled.evaluate(x), within(1e-7));
        }
    }

    @Test
    void resolveTakesBundledIdsAndFileNames() {
        assertThat(AcasNetworks.resolve("4_2")).isSameAs(AcasNetworks.bundled(new NetworkId(4, 2)));
        assertThat(AcasNetworks.resolve("ACASXU_run2a_4_2_batch_2000.onnx"))
                .isSameAs(AcasNetworks.bundled(new NetworkId(4, 2)));
        assertThatThrownBy(() -> AcasNetworks.resolve("7_7")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("7_7").hasMessageContaining("neither a file");
    }

    @Test
    void unknownFileFormatsAreRefused(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("net.txt"), "not a network");

        assertThatThrownBy(() -> AcasNetworks.load(text)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("net.txt");
    }
}
