package io.exactline.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.exactline.core.BadInputException;
import io.exactline.core.network.Network;
import io.exactline.testkit.SharedData;

class NetworkLoaderTest {
    @TempDir
    Path temp;

    @Test
    void loadsNnetFilesAsThePhysicalNetwork() throws IOException {
        Path copy = temp.resolve("TINY.NNET");
        Files.copy(NnetLoaderTest.tiny(), copy);

        Network network = NetworkLoader.load(copy);

        assertThat(network.source()).isEqualTo(copy.toString());
        assertThat(network.evaluate(new double[] {3, -5})).containsExactly(NnetLoader.load(copy).evaluate(new double[] {3, -5}));
    }

    @Test
    void loadsOnnxFiles() {
        Path onnx = SharedData.require("acasxu/onnx/ACASXU_run2a_1_1_batch_2000.onnx");

        Network network = NetworkLoader.load(onnx);

        assertThat(network.inputSize()).isEqualTo(5);
        assertThat(network.evaluate(new double[] {0.1, 0.2, -0.3, 0.4, -0.1}))
                .containsExactly(OnnxLoader.load(onnx).evaluate(new double[] {0.1, 0.2, -0.3, 0.4, -0.1}));
    }

    @Test
    void missingFileNamesThePath() {
        Path missing = temp.resolve("nope.nnet");

        assertThatThrownBy(() -> NetworkLoader.load(missing))
                .isInstanceOf(BadInputException.class)
                .hasMessage(missing + ": no such file");
    }

    @Test
    void directoryIsRefused() {
        assertThatThrownBy(() -> NetworkLoader.load(temp))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(temp + ": is a directory");
    }

    @Test
    void unknownExtensionNamesTheFileAndTheFormatsRead() throws IOException {
        Path text = Files.writeString(temp.resolve("net.txt"), "1,2,3");
        Path bare = Files.writeString(temp.resolve("net"), "1,2,3");

        assertThatThrownBy(() -> NetworkLoader.load(text))
                .isInstanceOf(BadInputException.class)
                .hasMessage(text + ": unknown network format '.txt'; exactline reads .nnet and .onnx files");
        assertThatThrownBy(() -> NetworkLoader.load(bare))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(bare + ": unknown network format (no extension)");
    }
}
